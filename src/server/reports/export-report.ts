import type { ReportExportQuery, ReportQuery } from "../../domain/reports/schemas.js";
import {
  type PublishedReport,
  suppressReport,
  unsuppressedReport,
} from "../../domain/reports/suppression.js";
import type { ReportFormat } from "../../domain/reports/vocabulary.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { reportAuditDetails } from "./audit-details.js";
import { loadReportReader } from "./authorize.js";
import { computeReport } from "./compute-report.js";
import { reportCsv } from "./report-csv.js";
import { categoryLabel, labelsOf } from "./report-labels.js";
import { renderReportPdf } from "./report-pdf.js";
import { statementText } from "./report-statement.js";
import {
  type ExportLanguage,
  type FilterLabels,
  formatDay,
  type ReportTable,
  reportTable,
} from "./report-table.js";
import { reportXlsx } from "./report-xlsx.js";

export type ExportReportOptions = Caller & { query: ReportExportQuery };

export type ExportedFile = { body: Buffer; filename: string; contentType: string };

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/**
 * A report as a file: CSV (the table), XLSX (the table, and what it counts with the
 * statement) or PDF (statement, chart and table), labelled in English or Russian. With
 * publish=true the counts go through suppression (docs/statistics.md, "Suppression in
 * published figures"): 1 to 4 become "<5", and a figure that would give one away is
 * withheld; the statement is left out when its own figure is suppressed. The export is
 * audited with the query, the format and whether it was for publication; the files are
 * built after the transaction, which only reads.
 */
export async function exportReport({
  services,
  actor,
  origin,
  query,
}: ExportReportOptions): Promise<ExportedFile> {
  const { format, publish, lang, ...reportQuery } = query;
  const published = publish === "true";
  const prepared = await runOperation(
    services,
    { eventType: "reports.report_exported", objectType: "report", actor, origin },
    async (context) => {
      await loadReportReader(context);
      const report = reportQuery as ReportQuery;
      const result = await computeReport(context.tx, report, context.now);
      const figures = published ? suppressReport(result) : unsuppressedReport(result);
      const today = officeToday(context.services, context.now);
      const statement =
        format === "csv" || (published && statementFigureHidden(figures))
          ? null
          : await statementText(context.tx, {
              query: report,
              result,
              lang,
              today,
              now: context.now,
              published,
            });
      const labels = await filterLabels(context.tx, report);
      context.note({
        details: {
          query: reportAuditDetails(report),
          format,
          publish: published,
          lang,
          rows: result.rows.length,
          suppressed: figures.suppressed,
        },
      });
      return { table: reportTable(figures, lang, { labels, published }), statement, today };
    },
  );
  const filename = exportFilename(prepared.table, reportQuery as ReportQuery, format, published);
  const body = await fileOf(
    format,
    prepared.table,
    prepared.statement,
    formatDay(prepared.today, lang),
    services.clock(),
  );
  return { body, filename, contentType: CONTENT_TYPES[format] };
}

/** A statement states the total and last year's: none of them may be hidden in a published one. */
function statementFigureHidden(figures: PublishedReport): boolean {
  return Object.values(figures.total).some((value) => typeof value === "string");
}

export async function filterLabels(
  executor: Parameters<typeof labelsOf>[0],
  query: Pick<ReportQuery, "partner" | "category" | "basis">,
): Promise<FilterLabels> {
  const labels: FilterLabels = {};
  if (query.partner) {
    const label = (await labelsOf(executor, "partner", [query.partner])).get(query.partner);
    if (label) labels.partner = label;
  }
  if (query.category) labels.category = categoryLabel(query.category);
  if (query.basis) {
    const label = (await labelsOf(executor, "basis", [query.basis])).get(query.basis);
    if (label) labels.basis = label;
  }
  return labels;
}

async function fileOf(
  format: ReportFormat,
  table: ReportTable,
  statement: string | null,
  generatedOn: string,
  now: Date,
): Promise<Buffer> {
  switch (format) {
    case "csv":
      return reportCsv(table);
    case "xlsx":
      return reportXlsx(table, { statement, created: now });
    case "pdf":
      return renderReportPdf({ table, statement, generatedOn });
  }
}

/** "comity-requests-by-partner-2022-01-01-2022-08-31-published-ru.xlsx". */
function exportFilename(
  table: ReportTable,
  query: ReportQuery,
  format: ReportFormat,
  published: boolean,
): string {
  const parts = [
    "comity",
    query.measure.replaceAll("_", "-"),
    ...(query.by ? ["by", query.by.replaceAll("_", "-")] : []),
    query.from,
    query.to,
    ...(published ? ["published"] : []),
    table.lang as ExportLanguage,
  ];
  return `${parts.join("-")}.${format}`;
}
