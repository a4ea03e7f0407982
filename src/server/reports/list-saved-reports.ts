import { listSavedReports as listSavedReportRows } from "../../db/reports/saved-reports.repository.js";
import type { SavedReport } from "../../domain/reports/schemas.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { loadSavedReportReader, savedReportView } from "./saved-report-view.js";

/** The reports the reader saved and every shared one (saved-report.policy.ts), by name. */
export async function listSavedReports({
  services,
  actor,
  origin,
}: Caller): Promise<{ items: SavedReport[] }> {
  return runOperation(
    services,
    { eventType: "reports.saved_reports_listed", objectType: "saved_report", actor, origin },
    async (context) => {
      const readerId = await loadSavedReportReader(context);
      const rows = await listSavedReportRows(context.tx, readerId);
      context.note({ details: { count: rows.length } });
      return { items: rows.map((row) => savedReportView(row, readerId)) };
    },
  );
}
