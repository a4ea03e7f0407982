import type { CaseEvent } from "../cases/model.js";
import { applyEvent, legalDateOf } from "../cases/projection.js";
import type { CaseProjection } from "../cases/schemas.js";
import type { CaseKind, CaseStatus, ConfidentialityLevel, Direction } from "../cases/vocabulary.js";
import type { StateCode } from "../directory/state-codes.js";
import { dayIn, daysBetween, earliest, type IsoDate } from "../platform/dates.js";
import { BASIS_NONE, BASIS_RECIPROCITY, type StatisticRowMeasure } from "./vocabulary.js";

/**
 * The rows a case's event stream gives for counting (docs/statistics.md). They are a pure
 * function of the stream: the database keeps them beside the case (case_statistics) and
 * rewrites them in the transaction that appends an event, so a report never reads a
 * case's current status, only what its events said on the period's dates.
 *
 * Every row carries the dimensions of the case as they stood on the row's date: a case
 * moved from fraud to cybercrime in March counts as fraud for what happened before March.
 * An amendment (which has no legal date) takes effect on the day it was recorded (UTC).
 * Events recorded at the same instant as later dated events (an import writes a whole
 * history at once; a case opened with its date of receipt) know no day of their own but
 * their place in the stream: the opening and such an amendment take the day of the next
 * dated event when it is earlier, so an imported case is not dated by the day of import.
 */

/** What a case is, for statistics, on one date. */
export type StatisticDimensions = {
  kind: CaseKind;
  direction: Direction;
  /** The other state: the requesting state of an incoming request, the requested one of an outgoing. */
  partner: StateCode;
  category: string | null;
  /** An instrument id, "reciprocity" or "none". */
  basis: string;
  teamId: string | null;
  confidentiality: ConfidentialityLevel;
};

export type StatisticRow = StatisticDimensions & {
  measure: StatisticRowMeasure;
  /** The day it happened (for `status`, the first day in the status). */
  on: IsoDate;
  /**
   * The day a later row of the same measure replaced it (the next decision, the next
   * closing, the next status), or null. A period [from, to] counts a row when `on` is in
   * it and `until` is null or after `to`: each case once, as its last event in the period.
   */
  until: IsoDate | null;
  /** The outcome of a decision, the status of a `status` row, the stage of an `asset` row. */
  value: string | null;
  /** The day the request was received (incoming) or sent (outgoing), when it has been. */
  startedOn: IsoDate | null;
  /** Days from receipt or sending to a decision; from the decision to execution or surrender. */
  days: number | null;
  /** Refusal grounds of a decision (normalised codes). */
  grounds: string[];
  /** Asset rows: the amount at that stage, its currency, whole or partial, and the asset. */
  amount: string | null;
  currency: string | null;
  extent: string | null;
  assetId: string | null;
};

function dimensionsOf(projection: CaseProjection): StatisticDimensions {
  const header = projection.header;
  const basis = header.legalBasis;
  return {
    kind: header.kind,
    direction: header.direction,
    partner: header.direction === "incoming" ? header.requestingState : header.requestedState,
    category: header.offenceCategory ?? null,
    basis: basis?.type === "instrument" ? basis.instrumentId : basis ? BASIS_RECIPROCITY : BASIS_NONE,
    teamId: header.teamId ?? null,
    confidentiality: header.confidentiality,
  };
}

function sameDimensions(left: StatisticDimensions, right: StatisticDimensions): boolean {
  return (
    left.partner === right.partner &&
    left.category === right.category &&
    left.basis === right.basis &&
    left.teamId === right.teamId &&
    left.confidentiality === right.confidentiality
  );
}

const laterOf = (left: IsoDate, right: IsoDate): IsoDate => (right > left ? right : left);
const nonNegative = (from: IsoDate | null, to: IsoDate): number | null =>
  from === null ? null : Math.max(0, daysBetween(from, to));

type Happening = {
  measure: StatisticRowMeasure;
  on: IsoDate;
  value: string | null;
  /** Measured from the request (`start`) or from the decision before it (`decision`). */
  daysFrom: "start" | "decision" | null;
  decisionOn: IsoDate | null;
  grounds: string[];
  asset?: { amount: string | null; currency: string | null; extent: string | null; assetId: string };
};

/**
 * The statistic rows of one case's stream, in sequence order. The stream must be legal
 * (it is replayed through the state machine, which throws on a corrupt one).
 */
export function statisticRowsOf(events: readonly CaseEvent[]): StatisticRow[] {
  let projection: CaseProjection | null = null;
  /** The dimensions in force from each effective date on, oldest first. */
  const timeline: { from: IsoDate; dimensions: StatisticDimensions }[] = [];
  const statuses: { from: IsoDate; status: CaseStatus; dimensions: StatisticDimensions }[] = [];
  const happenings: Happening[] = [];
  let effective: IsoDate | null = null;
  let firstReceived: IsoDate | null = null;
  let firstSent: IsoDate | null = null;
  let lastDecisionOn: IsoDate | null = null;

  let openingDate: IsoDate | null = null;

  for (const [index, event] of events.entries()) {
    const before: CaseProjection | null = projection;
    const after: CaseProjection = applyEvent(before, event);
    projection = after;
    const date = dateOf(events, index, after.openedOn);
    if (event.type === "opened") openingDate = date;
    // Status intervals need dates that never go back: a late-recorded event dated before
    // the previous one changes the status from the previous one's date.
    effective = effective === null ? date : laterOf(effective, date);
    const dimensions = dimensionsOf(after);
    const lastDimensions = timeline.at(-1)?.dimensions;
    if (lastDimensions === undefined || !sameDimensions(lastDimensions, dimensions))
      timeline.push({ from: effective, dimensions });
    const lastStatus = statuses.at(-1);
    if (
      lastStatus === undefined ||
      lastStatus.status !== after.status ||
      !sameDimensions(lastStatus.dimensions, dimensions)
    )
      statuses.push({ from: effective, status: after.status, dimensions });

    switch (event.type) {
      case "received":
        firstReceived ??= event.payload.on;
        break;
      case "sent":
        firstSent ??= event.payload.on;
        break;
      case "decided":
        happenings.push({
          measure: "decision",
          on: event.payload.on,
          value: event.payload.outcome,
          daysFrom: "start",
          decisionOn: null,
          // A ground cited twice (under two rules) is one ground of the decision.
          grounds:
            event.payload.outcome === "granted"
              ? []
              : [...new Set(event.payload.grounds.map((ground) => ground.code))],
        });
        lastDecisionOn = event.payload.on;
        break;
      case "surrendered":
        happenings.push({
          measure: "surrender",
          on: event.payload.on,
          value: null,
          daysFrom: "decision",
          decisionOn: lastDecisionOn,
          grounds: [],
        });
        break;
      case "withdrawn":
        happenings.push(simple("withdrawal", event.payload.on));
        break;
      case "closed":
        happenings.push(simple("closure", event.payload.on));
        break;
      case "reopened":
        happenings.push(simple("reopening", event.payload.on));
        break;
      case "asset_stage_changed":
        if (event.payload.stage !== "identified" && event.payload.stage !== "released")
          happenings.push({
            ...simple("asset", event.payload.on),
            value: event.payload.stage,
            asset: {
              amount: event.payload.amount?.amount ?? null,
              currency: event.payload.amount?.currency ?? null,
              extent: event.payload.extent ?? null,
              assetId: event.payload.assetId,
            },
          });
        break;
      default:
        break;
    }
    if (after.status === "executed" && before !== null && before.status !== "executed")
      happenings.push({
        measure: "execution",
        on: after.executedOn ?? effective,
        value: null,
        daysFrom: "decision",
        decisionOn: lastDecisionOn,
        grounds: [],
      });
  }
  if (projection === null) return [];
  const final: CaseProjection = projection;

  const direction = final.header.direction;
  const startedOn = direction === "incoming" ? (firstReceived ?? openingDate ?? final.openedOn) : firstSent;
  const dimensionsOn = (date: IsoDate): StatisticDimensions => {
    let found = timeline[0]!.dimensions;
    for (const entry of timeline) if (entry.from <= date) found = entry.dimensions;
    return found;
  };

  const rows: StatisticRow[] = [];
  const base = (
    measure: StatisticRowMeasure,
    on: IsoDate,
    dimensions: StatisticDimensions,
  ): StatisticRow => ({
    ...dimensions,
    measure,
    on,
    until: null,
    value: null,
    startedOn,
    days: null,
    grounds: [],
    amount: null,
    currency: null,
    extent: null,
    assetId: null,
  });

  if (startedOn !== null) rows.push(base("request", startedOn, dimensionsOn(startedOn)));

  happenings.forEach((happening, index) => {
    // Replaced from the earliest day of a later row of the same measure: then, whatever
    // the order the events were recorded in, a period counts at most one row per case.
    const next =
      happening.measure === "asset"
        ? undefined
        : earliest(
            happenings
              .slice(index + 1)
              .filter((later) => later.measure === happening.measure)
              .map((later) => later.on),
          );
    const days =
      happening.daysFrom === "start"
        ? nonNegative(startedOn, happening.on)
        : happening.daysFrom === "decision"
          ? nonNegative(happening.decisionOn, happening.on)
          : null;
    rows.push({
      ...base(happening.measure, happening.on, dimensionsOn(happening.on)),
      until: next ? laterOf(happening.on, next) : null,
      value: happening.value,
      days,
      grounds: happening.grounds,
      amount: happening.asset?.amount ?? null,
      currency: happening.asset?.currency ?? null,
      extent: happening.asset?.extent ?? null,
      assetId: happening.asset?.assetId ?? null,
    });
  });

  statuses.forEach((interval, index) => {
    const next = statuses[index + 1];
    if (next !== undefined && next.from === interval.from) return; // replaced the same day
    rows.push({
      ...base("status", interval.from, interval.dimensions),
      until: next?.from ?? null,
      value: interval.status,
    });
  });
  return rows;
}

/**
 * The day an event counts from. A dated event: its legal date. The opening: the day the
 * case was opened; an amendment: the day it was recorded (UTC). Either, when recorded at
 * the same instant as the next dated event (an import, a case opened with its receipt),
 * takes that event's day when it is earlier: the stream's order is then all we know.
 */
function dateOf(events: readonly CaseEvent[], index: number, openedOn: IsoDate): IsoDate {
  const event = events[index]!;
  const legal = legalDateOf(event);
  if (legal !== null) return legal;
  const own = event.type === "opened" ? openedOn : dayIn("UTC", event.recordedAt);
  for (const later of events.slice(index + 1)) {
    if (later.recordedAt !== event.recordedAt) break;
    const laterDate = legalDateOf(later);
    if (laterDate !== null) return laterDate < own ? laterDate : own;
  }
  return own;
}

function simple(measure: StatisticRowMeasure, on: IsoDate): Happening {
  return { measure, on, value: null, daysFrom: null, decisionOn: null, grounds: [] };
}
