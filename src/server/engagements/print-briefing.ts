import { getState } from "../../db/directory/states.repository.js";
import type { StateCode } from "../../domain/directory/state-codes.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { loadEngagementSubject, openEngagement } from "./authorize.js";
import { type BriefingLanguage, renderBriefingPdf, type StateName } from "./briefing-pdf.js";
import { officeState, readBriefing } from "./briefing-view.js";

export type PrintBriefingOptions = Caller & {
  id: string;
  /** The counterpart state; default: the engagement's first state other than the office's (COMITY_OFFICE_STATE). */
  partner?: StateCode | undefined;
  /** The day the instruments' status and the officials' positions are read on; default: the engagement's first day. */
  date?: IsoDate | undefined;
  language: BriefingLanguage;
};

export type PrintedBriefing = { pdf: Buffer; filename: string };

/**
 * The briefing pack of an engagement the caller may read, as a PDF (A4) in English or
 * Russian (briefing-pdf.ts): the same data as getBriefing, rendered after the
 * transaction, which only reads. Recorded in the audit trail with the counterpart, the day
 * and the language.
 */
export async function printBriefing({
  services,
  actor,
  origin,
  id,
  partner,
  date,
  language,
}: PrintBriefingOptions): Promise<PrintedBriefing> {
  const input = await runOperation(
    services,
    { eventType: "engagements.briefing_printed", objectType: "engagement", objectId: id, actor, origin },
    async (context) => {
      const subject = await loadEngagementSubject(context);
      const engagement = await openEngagement(context, subject, id, "read");
      const briefing = await readBriefing(context, subject, engagement, { partner, date });
      context.note({ details: { partner: briefing.partner, date: briefing.date, format: "pdf", language } });
      const names = new Map<string, StateName>();
      const ours = officeState(context);
      for (const code of new Set([ours, briefing.partner, ...briefing.engagement.states])) {
        const row = await getState(context.tx, code);
        names.set(code, { en: row?.nameEn ?? code, ru: row?.nameRu ?? code });
      }
      for (const code of [
        briefing.engagement.placeState,
        ...briefing.previousEngagements.map((p) => p.engagement.placeState),
      ]) {
        if (!code || names.has(code)) continue;
        const row = await getState(context.tx, code);
        names.set(code, { en: row?.nameEn ?? code, ru: row?.nameRu ?? code });
      }
      return {
        briefing,
        states: { ours: names.get(ours)!, partner: names.get(briefing.partner)! },
        stateNames: names,
        generatedOn: officeToday(context.services, context.now),
      };
    },
  );
  const pdf = await renderBriefingPdf({ ...input, language });
  const filename = `briefing-${input.briefing.partner}-${input.briefing.engagement.startOn}-${language}.pdf`;
  return { pdf, filename };
}
