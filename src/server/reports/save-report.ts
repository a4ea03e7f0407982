import { findSavedReport, insertSavedReport } from "../../db/reports/saved-reports.repository.js";
import type { SavedReport, SavedReportInput } from "../../domain/reports/schemas.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { reportAuditDetails } from "./audit-details.js";
import { checkReportQuery } from "./compute-report.js";
import { loadSavedReportReader, savedReportView } from "./saved-report-view.js";

export type SaveReportOptions = Caller & { input: SavedReportInput };

/**
 * Saves a report's query under a name, for the reader (and, shared, for every reader of
 * reports). The query is checked as a report would check it, so that a saved report
 * always opens; the figures are not saved.
 */
export async function saveReport({
  services,
  actor,
  origin,
  input,
}: SaveReportOptions): Promise<SavedReport> {
  return runOperation(
    services,
    { eventType: "reports.saved_report_created", objectType: "saved_report", actor, origin },
    async (context) => {
      const readerId = await loadSavedReportReader(context);
      checkReportQuery(input.query, "body.query");
      const id = await insertSavedReport(context.tx, {
        ownerId: readerId,
        name: input.name,
        query: input.query,
        shared: input.shared,
        now: context.now,
      });
      context.note({
        objectId: id,
        details: { name: input.name, shared: input.shared, query: reportAuditDetails(input.query) },
      });
      return savedReportView((await findSavedReport(context.tx, id))!, readerId);
    },
  );
}
