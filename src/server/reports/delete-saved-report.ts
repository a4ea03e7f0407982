import { deleteSavedReport as deleteSavedReportRow } from "../../db/reports/saved-reports.repository.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { loadSavedReportReader, openSavedReport } from "./saved-report-view.js";

export type DeleteSavedReportOptions = Caller & { id: string };

/** Deletes a saved report: its owner only. The audit entry keeps its name. */
export async function deleteSavedReport({
  services,
  actor,
  origin,
  id,
}: DeleteSavedReportOptions): Promise<void> {
  await runOperation(
    services,
    { eventType: "reports.saved_report_deleted", objectType: "saved_report", objectId: id, actor, origin },
    async (context) => {
      const readerId = await loadSavedReportReader(context);
      const row = await openSavedReport(context, readerId, id, "write");
      await deleteSavedReportRow(context.tx, id, readerId);
      context.note({ details: { name: row.name, shared: row.shared } });
    },
  );
}
