import type { KeyCondition } from "../../db/reports/statistics.repository.js";
import { casesBehind, isTimeDimension } from "../../db/reports/statistics.repository.js";
import { addDays, addMonths, type IsoDate } from "../../domain/platform/dates.js";
import { OTHER_KEY } from "../../domain/reports/labels.js";
import type { ReportCases, ReportCasesQuery, ReportQuery } from "../../domain/reports/schemas.js";
import type { ReportDimension } from "../../domain/reports/vocabulary.js";
import { toCaseSummary } from "../cases/views.js";
import { badRequest, type FieldProblem } from "../platform/errors.js";
import { type Caller, type OperationContext, runOperation } from "../platform/operation.js";
import { reportAuditDetails } from "./audit-details.js";
import { loadReportReader } from "./authorize.js";
import { checkReportQuery, computeReport, reportPeriods, selectionOf } from "./compute-report.js";
import { drillDownVisibility } from "./report.policy.js";

export type ListReportCasesOptions = Caller & { query: ReportCasesQuery };

/**
 * The condition on a dimension's key for the row or column named: that key, or, for the
 * "other" row of a `top` report, every key but the top ones.
 */
async function keyCondition(
  context: OperationContext,
  report: ReportQuery,
  dimension: ReportDimension,
  key: string,
): Promise<KeyCondition> {
  const summed = key === OTHER_KEY && report.top !== undefined && report.by === dimension;
  if (!summed || isTimeDimension(dimension) || dimension === "age_band") return { equals: key };
  const result = await computeReport(context.tx, report, context.now);
  return { notIn: result.rows.map((row) => row.key).filter((rowKey) => rowKey !== OTHER_KEY) };
}

/** The days of a time key ("2026", "2026-Q2", "2026-03"), or null for another dimension or key. */
function bucketOf(dimension: ReportDimension, key: string): { from: IsoDate; to: IsoDate } | null {
  const year = /^(\d{4})/.exec(key)?.[1];
  if (!year || !isTimeDimension(dimension)) return null;
  const months =
    dimension === "year"
      ? /^\d{4}$/.test(key)
        ? [1, 12]
        : null
      : dimension === "quarter"
        ? /^\d{4}-Q([1-4])$/.test(key)
          ? [Number(key.slice(6)) * 3 - 2, Number(key.slice(6)) * 3]
          : null
        : /^\d{4}-(0[1-9]|1[0-2])$/.test(key)
          ? [Number(key.slice(5)), Number(key.slice(5))]
          : null;
  if (!months) return null;
  const from = `${year}-${String(months[0]).padStart(2, "0")}-01` as IsoDate;
  const last = addDays(addMonths(`${year}-${String(months[1]).padStart(2, "0")}-01` as IsoDate, 1), -1);
  return { from, to: last };
}

/**
 * The cases behind a figure of a report (its total, a row, a column or a cell) for the
 * reader: how many there are, how many of them the reader may not see (need-to-know:
 * counted, never listed), and a page of the others, by reference, as the case list shows
 * them. The audit entry names the query and the ids listed, never references.
 */
export async function listReportCases({
  services,
  actor,
  origin,
  query,
}: ListReportCasesOptions): Promise<ReportCases> {
  const { row, column, limit, offset, ...report } = query;
  const problems: FieldProblem[] = [];
  if (row !== undefined && report.by === undefined)
    problems.push({ path: "querystring.row", message: "a row needs the report's rows (by)" });
  if (column !== undefined && report.split === undefined)
    problems.push({ path: "querystring.column", message: "a column needs the report's columns (split)" });
  if (problems.length > 0) throw badRequest("invalid_input", "No such figure in this report.", problems);
  checkReportQuery(report);
  return runOperation(
    services,
    { eventType: "reports.cases_listed", objectType: "report", actor, origin },
    async (context) => {
      const reader = await loadReportReader(context);
      const dimensions: ReportDimension[] = [];
      const keys: KeyCondition[] = [];
      if (row !== undefined && report.by) {
        dimensions.push(report.by);
        keys.push(await keyCondition(context, report, report.by, row));
      }
      if (column !== undefined && report.split) {
        dimensions.push(report.split);
        keys.push({ equals: column });
      }
      // A month, quarter or year row or column is the period narrowed to it: the same rule
      // counts it, and the index reads that bucket's days alone.
      let period = reportPeriods(report).current;
      for (const [index, dimension] of dimensions.entries()) {
        const key = keys[index];
        const bucket = key && "equals" in key ? bucketOf(dimension, key.equals) : null;
        if (bucket)
          period = {
            from: bucket.from > period.from ? bucket.from : period.from,
            to: bucket.to < period.to ? bucket.to : period.to,
          };
      }
      const { total, hidden, rows } = await casesBehind(
        context.tx,
        selectionOf(report, period, dimensions, keys),
        drillDownVisibility(reader),
        { limit, offset },
      );
      context.note({
        details: {
          query: reportAuditDetails(report),
          ...(row !== undefined ? { row } : {}),
          ...(column !== undefined ? { column } : {}),
          limit,
          offset,
          total,
          hidden,
          ids: rows.map((listed) => listed.id),
        },
      });
      return { total, hidden, items: rows.map(toCaseSummary), limit, offset };
    },
  );
}
