import {
  findSavedReport,
  updateSavedReport as updateSavedReportRow,
} from "../../db/reports/saved-reports.repository.js";
import type { SavedReport, SavedReportPatch } from "../../domain/reports/schemas.js";
import { preconditionFailed } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { reportAuditDetails } from "./audit-details.js";
import { checkReportQuery } from "./compute-report.js";
import { loadSavedReportReader, openSavedReport, savedReportView } from "./saved-report-view.js";

export type UpdateSavedReportOptions = Caller & {
  id: string;
  changes: SavedReportPatch;
  /** The version the client last read (If-Match): 412 when someone changed it since. */
  expectedVersion: number;
};

/** Renames, changes the query of, shares or unshares a saved report: its owner only. */
export async function updateSavedReport({
  services,
  actor,
  origin,
  id,
  changes,
  expectedVersion,
}: UpdateSavedReportOptions): Promise<SavedReport> {
  return runOperation(
    services,
    { eventType: "reports.saved_report_updated", objectType: "saved_report", objectId: id, actor, origin },
    async (context) => {
      const readerId = await loadSavedReportReader(context);
      const current = await openSavedReport(context, readerId, id, "write");
      if (current.version !== expectedVersion) throw preconditionFailed(current.version);
      if (changes.query) checkReportQuery(changes.query, "body.query");
      await updateSavedReportRow(context.tx, id, { ...changes, now: context.now });
      context.note({
        details: {
          changed: Object.keys(changes),
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(changes.shared !== undefined ? { shared: changes.shared } : {}),
          ...(changes.query ? { query: reportAuditDetails(changes.query) } : {}),
        },
      });
      return savedReportView((await findSavedReport(context.tx, id))!, readerId);
    },
  );
}
