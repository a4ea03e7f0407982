import { caseFiguresBetween, officialsOn } from "../../db/engagements/briefing.repository.js";
import {
  actionItemsOfEngagements,
  type EngagementRow,
  listEngagements,
} from "../../db/engagements/engagements.repository.js";
import { isStateCode, type StateCode } from "../../domain/directory/state-codes.js";
import { instrumentsBetween, negotiationsBetween } from "../../domain/engagements/briefing.js";
import type { Briefing } from "../../domain/engagements/schemas.js";
import { CLOSED_ACTION_STATUSES } from "../../domain/engagements/vocabulary.js";
import { type IsoDate, instantOf } from "../../domain/platform/dates.js";
import { badRequest } from "../platform/errors.js";
import type { OperationContext } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { registrySnapshot } from "../registry/snapshot-cache.js";
import { type EngagementSubject, engagementVisibility } from "./engagement.policy.js";
import { actionItemViews, engagementSummaries } from "./engagement-view.js";

/** How many earlier engagements with the counterpart a briefing lists, the latest first. */
const PREVIOUS_ENGAGEMENTS = 20;

export type BriefingInput = {
  /** The counterpart state; default: the engagement's first state other than the office's. */
  partner?: StateCode | undefined;
  /** The day the instruments' status and the officials' positions are read on; default: the engagement's first day. */
  date?: IsoDate | undefined;
};

/** The office's own state (COMITY_OFFICE_STATE), the "ours" of a briefing. */
export function officeState(context: OperationContext): StateCode {
  const code = context.services.config.officeState;
  if (!isStateCode(code)) throw new Error(`COMITY_OFFICE_STATE "${code}" is not a known state code.`);
  return code;
}

/**
 * The briefing pack of an engagement the subject may read (the caller opened it), made
 * from the records in the operation's transaction: the counterpart's officials holding a
 * position on the day, the instruments between the two states with each one's status on
 * the day, the negotiations in progress, the earlier engagements with the counterpart that
 * the subject may read and their open action items, and the figures of the cases between
 * the two states (counted whoever reads: no case is named, so need-to-know is not touched).
 */
export async function readBriefing(
  context: OperationContext,
  subject: EngagementSubject,
  engagement: EngagementRow,
  input: BriefingInput,
): Promise<Briefing> {
  const ours = officeState(context);
  const partner = input.partner ?? engagement.states.find((state) => state !== ours);
  if (!partner)
    throw badRequest(
      "invalid_input",
      "The engagement names no state other than the office's: choose the counterpart.",
      [{ path: "querystring.partner", message: "choose the counterpart state" }],
    );
  if (partner === ours)
    throw badRequest("invalid_input", "The counterpart is another state than the office's own.", [
      { path: "querystring.partner", message: "another state than the office's" },
    ]);
  const date = input.date ?? engagement.startOn;
  const today = officeToday(context.services, context.now);
  const { tx } = context;

  const officials = await officialsOn(tx, partner, date, engagement.id);
  const snapshot = await registrySnapshot(context.services.database, tx);
  const instruments = instrumentsBetween(snapshot, ours, partner, date);
  const negotiations = negotiationsBetween(snapshot, ours, partner);

  const previous = await listEngagements(
    tx,
    engagementVisibility(subject),
    { state: partner, excludeId: engagement.id, startsBefore: engagement.startOn },
    { limit: PREVIOUS_ENGAGEMENTS, offset: 0 },
  );
  const summaries = await engagementSummaries(tx, previous.rows, today);
  const openItems = (
    await actionItemsOfEngagements(
      tx,
      previous.rows.map((row) => row.id),
    )
  ).filter((item) => !CLOSED_ACTION_STATUSES.includes(item.status));
  const itemViews = await actionItemViews(tx, openItems, today);

  const figures = await caseFiguresBetween(tx, ours, partner);
  const [summary] = await engagementSummaries(tx, [engagement], today);

  return {
    engagement: summary!,
    partner,
    date,
    officials,
    instruments: instruments.map(({ instrument, ours: ourStatus, theirs }) => ({
      id: instrument.id,
      code: instrument.code,
      kind: instrument.kind,
      titleEn: instrument.titleEn,
      titleRu: instrument.titleRu,
      binding: instrument.binding,
      ours: ourStatus,
      theirs,
      termEnd: instrument.termEnd,
    })),
    negotiations: negotiations.map(({ instrument, latest }) => ({
      id: instrument.id,
      code: instrument.code,
      titleEn: instrument.titleEn,
      titleRu: instrument.titleRu,
      stage: latest?.stage ?? null,
      stageOn: latest?.date ?? null,
    })),
    previousEngagements: summaries.map((engagementSummary) => ({
      engagement: engagementSummary,
      openActionItems: itemViews.filter((item) => item.engagement.id === engagementSummary.id),
    })),
    caseFigures: {
      total: figures.reduce((total, row) => total + row.count, 0),
      rows: figures,
    },
    generatedAt: instantOf(context.now),
  };
}
