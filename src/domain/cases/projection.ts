import { dayIn, type IsoDate } from "../platform/dates.js";
import type { CaseEvent, CaseEventInput, CaseFacts } from "./model.js";
import type { CaseDecision, CaseProjection, CustodyPeriod, Detention } from "./schemas.js";
import { checkTransition, mergeHeader, type TransitionRefusalCode } from "./state-machine.js";
import type { CaseStatus } from "./vocabulary.js";

/**
 * A case as its events make it: the current header and facts, the status through the
 * kind's state machine, and the dated history the web app, the checker and the clocks
 * read. It is a fold over the stream (`applyEvent`), so the same events always give the
 * same projection, and nothing in it is stored on its own.
 *
 * Dates named `...On` are legal dates (the `on` of the event: the day of the arrest, not of
 * its recording). A case that is reopened loses its current decision, withdrawal and
 * closing, which keep their place in `decisions` and the event stream; the statistics
 * read the events, never this snapshot.
 */

export type IllegalCaseStreamReason = "empty" | "not_opened_first" | "sequence_gap" | TransitionRefusalCode;

/** A stored stream that no legal history could have produced: a bug or a tampered store, never user input. */
export class IllegalCaseStream extends Error {
  override readonly name = "IllegalCaseStream";
  readonly code = "illegal_case_stream";
  constructor(
    readonly reason: IllegalCaseStreamReason,
    /** The sequence of the offending event (0 for an empty stream). */
    readonly sequence: number,
    message: string,
  ) {
    super(message);
  }
}

const NO_DETENTION: Detention = {
  custody: [],
  inCustody: false,
  arrestedOn: null,
  releasedOn: null,
  consents: [],
  consentedOn: null,
  surrenderOn: null,
  surrenderDateSetOn: null,
  surrenderedOn: null,
};

/** The summary fields follow the custody periods, so they are never set on their own. */
function withCustody(detention: Detention, custody: CustodyPeriod[]): Detention {
  const latest = custody.at(-1);
  return {
    ...detention,
    custody,
    inCustody: custody.some((period) => period.endedOn === null),
    arrestedOn: latest?.arrestedOn ?? null,
    releasedOn: latest?.endedBy === "released" ? latest.endedOn : null,
  };
}

function sameOrUnnamed(left: string | null | undefined, right: string | null | undefined): boolean {
  return left == null || right == null || left === right;
}

/**
 * Facts amended as a whole keep what events own: a measure's status and an asset's stage
 * (for ids already in the case) and a recorded consent. The form that sends the amendment
 * may hold stale copies of them, and the events are the record.
 */
function amendFacts(current: CaseFacts, amended: CaseFacts, consented: boolean): CaseFacts {
  const measureStatus = new Map(current.measures.map((measure) => [measure.id, measure.status]));
  const assetStage = new Map(current.assets.map((asset) => [asset.id, asset.stage]));
  return {
    ...amended,
    measures: amended.measures.map((measure) => ({
      ...measure,
      status: measureStatus.get(measure.id) ?? measure.status,
    })),
    assets: amended.assets.map((asset) => ({ ...asset, stage: assetStage.get(asset.id) ?? asset.stage })),
    personConsented: consented ? true : amended.personConsented,
  };
}

function opening(event: Extract<CaseEvent, { type: "opened" }>, status: CaseStatus): CaseProjection {
  const { header, facts } = event.payload;
  return {
    header,
    facts,
    status,
    version: event.sequence,
    openedOn: event.payload.on ?? dayIn("UTC", event.recordedAt),
    openedBy: event.actorId,
    receivedOn: null,
    receivedThrough: null,
    registeredOn: null,
    sentOn: null,
    sentThrough: null,
    assignment: null,
    decision: null,
    decidedOn: null,
    decisions: [],
    executedOn: null,
    withdrawnOn: null,
    withdrawalReason: null,
    closedOn: null,
    closingReason: null,
    reopenings: [],
    detention: header.kind === "extradition" ? NO_DETENTION : null,
    informationRequests: [],
    consultations: [],
    assurances: [],
    followUps: [],
    documents: [],
    correspondence: [],
    measureChanges: [],
    assetChanges: [],
    lastEventOn: null,
    lastRecordedAt: event.recordedAt,
  };
}

/** What the event changes beyond status, version and dates; the input is never mutated. */
function record(before: CaseProjection, event: CaseEvent): CaseProjection {
  const { sequence } = event;
  switch (event.type) {
    case "opened":
      return before;
    case "header_amended":
      return { ...before, header: mergeHeader(before.header, event.payload.header) };
    case "facts_amended":
      return {
        ...before,
        facts: amendFacts(before.facts, event.payload.facts, Boolean(before.detention?.consentedOn)),
      };
    case "received":
      return { ...before, receivedOn: event.payload.on, receivedThrough: event.payload.channel ?? null };
    case "registered":
      return { ...before, registeredOn: event.payload.on };
    case "sent":
      return { ...before, sentOn: event.payload.on, sentThrough: event.payload.channel ?? null };
    case "assigned": {
      const { on, teamId, officer } = event.payload;
      return {
        ...before,
        // The team working the case is who may see it: reassignment to a team moves that access.
        header: teamId ? { ...before.header, teamId } : before.header,
        assignment: { on, teamId: teamId ?? before.assignment?.teamId ?? null, officer: officer ?? null },
      };
    }
    case "information_requested": {
      const { on, items, dueOn } = event.payload;
      return {
        ...before,
        informationRequests: [
          ...before.informationRequests,
          { requestedOn: on, items, dueOn: dueOn ?? null, receivedOn: null, answer: null, sequence },
        ],
      };
    }
    case "information_received": {
      // One reply answers everything asked so far: the other side answers the letters together.
      const { on, note } = event.payload;
      return {
        ...before,
        informationRequests: before.informationRequests.map((request) =>
          request.receivedOn === null ? { ...request, receivedOn: on, answer: note ?? null } : request,
        ),
      };
    }
    case "consultation_held": {
      const { on, withState, summary } = event.payload;
      return { ...before, consultations: [...before.consultations, { on, withState, summary, sequence }] };
    }
    case "provisional_arrest": {
      const detention = before.detention ?? NO_DETENTION;
      const { on, personId, place } = event.payload;
      return {
        ...before,
        detention: withCustody(detention, [
          ...detention.custody,
          {
            personId: personId ?? null,
            arrestedOn: on,
            place: place ?? null,
            endedOn: null,
            endedBy: null,
            releaseReason: null,
          },
        ]),
      };
    }
    case "released": {
      const detention = before.detention ?? NO_DETENTION;
      const { on, personId, reason } = event.payload;
      const index = detention.custody.findLastIndex(
        (period) => period.endedOn === null && sameOrUnnamed(period.personId, personId),
      );
      const custody = detention.custody.map((period, at) =>
        at === index
          ? { ...period, endedOn: on, endedBy: "released" as const, releaseReason: reason }
          : period,
      );
      return { ...before, detention: withCustody(detention, custody) };
    }
    case "consent_recorded": {
      const detention = before.detention ?? NO_DETENTION;
      const { on, personId } = event.payload;
      return {
        ...before,
        facts: { ...before.facts, personConsented: true },
        detention: {
          ...detention,
          consents: [...detention.consents, { personId: personId ?? null, on }],
          consentedOn: detention.consentedOn ?? on,
        },
      };
    }
    case "assurance_recorded":
      return { ...before, assurances: [...before.assurances, { ...event.payload, sequence }] };
    case "decided": {
      const { on, outcome, grounds, decidedBy } = event.payload;
      const decision: CaseDecision = { outcome, grounds, decidedBy: decidedBy ?? null, on, sequence };
      return { ...before, decision, decidedOn: on, decisions: [...before.decisions, decision] };
    }
    case "measure_status_changed": {
      const { on, measureId, status, executingAuthority, result } = event.payload;
      return {
        ...before,
        facts: {
          ...before.facts,
          measures: before.facts.measures.map((measure) =>
            measure.id === measureId
              ? { ...measure, status, executingAuthority: executingAuthority ?? measure.executingAuthority }
              : measure,
          ),
        },
        measureChanges: [
          ...before.measureChanges,
          {
            on,
            measureId,
            status,
            executingAuthority: executingAuthority ?? null,
            result: result ?? null,
            sequence,
          },
        ],
      };
    }
    case "asset_stage_changed": {
      const { on, assetId, stage, orderReference } = event.payload;
      return {
        ...before,
        facts: {
          ...before.facts,
          assets: before.facts.assets.map((asset) => (asset.id === assetId ? { ...asset, stage } : asset)),
        },
        assetChanges: [
          ...before.assetChanges,
          { on, assetId, stage, orderReference: orderReference ?? null, sequence },
        ],
      };
    }
    case "surrender_date_set": {
      const detention = before.detention ?? NO_DETENTION;
      return {
        ...before,
        detention: {
          ...detention,
          surrenderOn: event.payload.surrenderOn,
          surrenderDateSetOn: event.payload.on,
        },
      };
    }
    case "surrendered": {
      const detention = before.detention ?? NO_DETENTION;
      const { on, personId } = event.payload;
      // Surrender hands the person over: the custody here ends with it.
      const custody = detention.custody.map((period) =>
        period.endedOn === null && sameOrUnnamed(period.personId, personId)
          ? { ...period, endedOn: on, endedBy: "surrendered" as const }
          : period,
      );
      return { ...before, detention: { ...withCustody(detention, custody), surrenderedOn: on } };
    }
    case "correspondence_logged": {
      const { on, direction, channel, counterpart, summary } = event.payload;
      return {
        ...before,
        correspondence: [
          ...before.correspondence,
          { on, direction, channel, counterpart: counterpart ?? null, summary, sequence },
        ],
      };
    }
    case "follow_up_opened": {
      const { on, task, ruleId, note } = event.payload;
      return {
        ...before,
        followUps: [...before.followUps, { on, task, ruleId: ruleId ?? null, note: note ?? null, sequence }],
      };
    }
    case "document_added": {
      const { on, documentId, name, sha256 } = event.payload;
      return { ...before, documents: [...before.documents, { on, documentId, name, sha256, sequence }] };
    }
    case "withdrawn":
      return { ...before, withdrawnOn: event.payload.on, withdrawalReason: event.payload.reason };
    case "closed":
      return { ...before, closedOn: event.payload.on, closingReason: event.payload.reason ?? null };
    case "reopened": {
      const { on, reason } = event.payload;
      return {
        ...before,
        decision: null,
        decidedOn: null,
        executedOn: null,
        withdrawnOn: null,
        withdrawalReason: null,
        closedOn: null,
        closingReason: null,
        reopenings: [...before.reopenings, { on, reason, sequence }],
      };
    }
  }
}

/**
 * The legal date of an event: the day it happened (the arrest, not its recording). Events
 * without one (amendments) and `opened`, whose `on` is the day of recording, have none.
 */
export function legalDateOf(event: CaseEventInput): IsoDate | null {
  if (event.type === "opened") return null;
  return "on" in event.payload ? event.payload.on : null;
}

function laterOf(left: IsoDate | null, right: IsoDate | null): IsoDate | null {
  if (left === null) return right;
  if (right === null) return left;
  return right > left ? right : left;
}

/**
 * The projection after one more event. Throws IllegalCaseStream when the event does not
 * follow (wrong sequence, or a transition the state machine refuses): appending checks
 * with `checkTransition` first, so a stored stream that fails here is corrupt.
 */
export function applyEvent(projection: CaseProjection | null, event: CaseEvent): CaseProjection {
  if (projection === null) {
    if (event.type !== "opened")
      throw new IllegalCaseStream(
        "not_opened_first",
        event.sequence,
        `A case stream must begin with "opened", not "${event.type}".`,
      );
    if (event.sequence !== 1)
      throw new IllegalCaseStream(
        "sequence_gap",
        event.sequence,
        `A case stream must begin at sequence 1, not ${event.sequence}.`,
      );
  } else if (event.sequence !== projection.version + 1) {
    throw new IllegalCaseStream(
      "sequence_gap",
      event.sequence,
      `Case ${projection.header.reference} is at version ${projection.version}; the next event must be ${projection.version + 1}, not ${event.sequence}.`,
    );
  }
  const check = checkTransition(projection, event);
  if (!check.ok)
    throw new IllegalCaseStream(check.code, event.sequence, `Event ${event.sequence}: ${check.message}`);
  if (projection === null) {
    if (event.type !== "opened") throw new Error("unreachable: checked above");
    return opening(event, check.status);
  }
  const recorded = record(projection, event);
  const completed = check.status === "executed" && projection.status !== "executed";
  return {
    ...recorded,
    status: check.status,
    version: event.sequence,
    executedOn: completed ? legalDateOf(event) : recorded.executedOn,
    lastEventOn: laterOf(projection.lastEventOn, legalDateOf(event)),
    lastRecordedAt: event.recordedAt,
  };
}

/** The case as its whole stream makes it: the fold of `applyEvent`. */
export function projectCase(events: readonly CaseEvent[]): CaseProjection {
  let projection: CaseProjection | null = null;
  for (const event of events) projection = applyEvent(projection, event);
  if (projection === null)
    throw new IllegalCaseStream("empty", 0, "A case stream has at least its opening event.");
  return projection;
}
