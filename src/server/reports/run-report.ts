import type { ReportQuery, ReportResult } from "../../domain/reports/schemas.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { reportAuditDetails } from "./audit-details.js";
import { loadReportReader } from "./authorize.js";
import { computeReport } from "./compute-report.js";

export type RunReportOptions = Caller & { query: ReportQuery };

/**
 * A report's figures for a reader with reports.read: counts over every case (figures carry
 * no name or reference, so need-to-know does not narrow them; docs/statistics.md). The
 * read is audited with the query, as codes.
 */
export async function runReport({ services, actor, origin, query }: RunReportOptions): Promise<ReportResult> {
  return runOperation(
    services,
    { eventType: "reports.report_read", objectType: "report", actor, origin },
    async (context) => {
      await loadReportReader(context);
      const result = await computeReport(context.tx, query, context.now);
      context.note({ details: { query: reportAuditDetails(query), rows: result.rows.length } });
      return result;
    },
  );
}
