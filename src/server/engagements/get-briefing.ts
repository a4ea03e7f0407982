import type { StateCode } from "../../domain/directory/state-codes.js";
import type { Briefing } from "../../domain/engagements/schemas.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { loadEngagementSubject, openEngagement } from "./authorize.js";
import { readBriefing } from "./briefing-view.js";

export type GetBriefingOptions = Caller & {
  id: string;
  /** The counterpart state; default: the engagement's first state other than the office's (COMITY_OFFICE_STATE). */
  partner?: StateCode | undefined;
  /** The day the instruments' status and the officials' positions are read on; default: the engagement's first day. */
  date?: IsoDate | undefined;
};

/**
 * The briefing pack of an engagement the caller may read (docs/engagements.md, "Briefing
 * pack"), as data: what the PDF prints (print-briefing.ts). An engagement the caller may
 * not read answers 404; one that names no state but the office's, without `partner`, 400.
 * Recorded in the audit trail with the counterpart and the day.
 */
export async function getBriefing({
  services,
  actor,
  origin,
  id,
  partner,
  date,
}: GetBriefingOptions): Promise<Briefing> {
  return runOperation(
    services,
    { eventType: "engagements.briefing_read", objectType: "engagement", objectId: id, actor, origin },
    async (context) => {
      const subject = await loadEngagementSubject(context);
      const engagement = await openEngagement(context, subject, id, "read");
      const briefing = await readBriefing(context, subject, engagement, { partner, date });
      context.note({ details: { partner: briefing.partner, date: briefing.date, format: "json" } });
      return briefing;
    },
  );
}
