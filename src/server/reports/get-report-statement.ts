import type { ReportQuery, Statement } from "../../domain/reports/schemas.js";
import type { StatementLanguage } from "../../domain/reports/statement.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { reportAuditDetails } from "./audit-details.js";
import { loadReportReader } from "./authorize.js";
import { computeReport } from "./compute-report.js";
import { statementText } from "./report-statement.js";

export type GetReportStatementOptions = Caller & { query: ReportQuery; lang: StatementLanguage };

/**
 * A report's figures and the paragraph a press office would write from them, in English or
 * Russian (docs/statistics.md, "Statements"). Counts over every case, for a reader with
 * reports.read; audited with the query as codes.
 */
export async function getReportStatement({
  services,
  actor,
  origin,
  query,
  lang,
}: GetReportStatementOptions): Promise<Statement> {
  return runOperation(
    services,
    { eventType: "reports.statement_read", objectType: "report", actor, origin },
    async (context) => {
      await loadReportReader(context);
      const result = await computeReport(context.tx, query, context.now);
      const text = await statementText(context.tx, {
        query,
        result,
        lang,
        today: officeToday(context.services, context.now),
        now: context.now,
      });
      context.note({ details: { query: reportAuditDetails(query), lang } });
      return { lang, text, result };
    },
  );
}
