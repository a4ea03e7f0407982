import type { Executor } from "../../db/client.js";
import {
  type GroupedFigure,
  isTimeDimension,
  type KeyCondition,
  type StatisticsSelection,
  statisticsFigures,
  statisticsFiguresGrouped,
  timeBuckets,
} from "../../db/reports/statistics.repository.js";
import { addYears, type IsoDate, instantOf, yearPeriod } from "../../domain/platform/dates.js";
import type { Bilingual } from "../../domain/platform/schemas.js";
import { DIMENSION_LABELS, MEASURE_LABELS, OTHER_KEY, OTHER_LABEL } from "../../domain/reports/labels.js";
import type { ReportFilters, ReportQuery, ReportResult, ReportRow } from "../../domain/reports/schemas.js";
import {
  AGE_BANDS,
  DECISION_MEASURES,
  DIMENSION_MEASURES,
  isCountMeasure,
  type ReportDimension,
} from "../../domain/reports/vocabulary.js";
import { badRequest, type FieldProblem } from "../platform/errors.js";
import { labelsOf } from "./report-labels.js";

/**
 * A report's figures (docs/statistics.md): the measure over the period, broken down by
 * `by` (rows) and `split` (columns), with the same period a year earlier and the whole
 * previous year when asked. A plain function over an executor, not an operation, so that
 * the operations that show figures (the report, the statement, exports, the dashboard)
 * call it inside their own transaction and audit entry.
 *
 * - Event measures count each case once per period, as its last such event in it (the
 *   `until` rule); broken down by time, once per month, quarter or year, so the buckets
 *   may add up to more than the total when a case's decision changed within the period.
 * - `pending` counts on the period's last day, or on the last day of each time bucket.
 * - By ground (or offence group), a case is under each of its grounds (groups): the rows
 *   may add up to more than the total, which counts it once.
 * - `top`: the largest rows, the rest summed in "other" (counts only); time and age bands
 *   keep their order and show empty buckets as 0.
 */

/** Combinations the schema cannot refuse alone: a breakdown or a filter the measure lacks. */
export function reportQueryProblems(query: ReportQuery, prefix = "querystring"): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of ["by", "split"] as const) {
    const dimension = query[field];
    const measures = dimension ? DIMENSION_MEASURES[dimension] : undefined;
    if (dimension && measures && !measures.includes(query.measure))
      problems.push({
        path: `${prefix}.${field}`,
        message: `"${dimension}" breaks down ${measures.join(", ")} only, not ${query.measure}`,
      });
  }
  for (const field of ["outcome", "ground"] as const)
    if (query[field] !== undefined && !DECISION_MEASURES.includes(query.measure))
      problems.push({
        path: `${prefix}.${field}`,
        message: `filters decisions only (${DECISION_MEASURES.join(", ")}), not ${query.measure}`,
      });
  return problems;
}

export function checkReportQuery(query: ReportQuery, prefix = "querystring"): void {
  const problems = reportQueryProblems(query, prefix);
  if (problems.length > 0)
    throw badRequest("invalid_input", "This report cannot be made: see the fields.", problems);
}

type Period = { from: IsoDate; to: IsoDate };

/** The periods of a report: the query's, and with `previous_year` the two to compare with. */
export function reportPeriods(query: Pick<ReportQuery, "from" | "to" | "compare">): ReportResult["periods"] {
  const current = { from: query.from, to: query.to };
  if (query.compare !== "previous_year") return { current, samePeriodLastYear: null, wholeLastYear: null };
  return {
    current,
    // addYears keeps the day, or takes the month's last: 29 February becomes 28 February.
    samePeriodLastYear: { from: addYears(query.from, -1), to: addYears(query.to, -1) },
    wholeLastYear: yearPeriod(Number(query.from.slice(0, 4)) - 1),
  };
}

export function reportFilters(query: ReportFilters): ReportFilters {
  const { kind, direction, category, group, partner, region, basis, outcome, ground } = query;
  return Object.fromEntries(
    Object.entries({ kind, direction, category, group, partner, region, basis, outcome, ground }).filter(
      ([, value]) => value !== undefined,
    ),
  ) as ReportFilters;
}

/** The selection of rows for one period and grouping. */
export function selectionOf(
  query: ReportQuery,
  period: Period,
  dimensions: readonly ReportDimension[],
  keys?: readonly (KeyCondition | null)[],
): StatisticsSelection {
  return {
    measure: query.measure,
    from: period.from,
    to: period.to,
    filters: reportFilters(query),
    dimensions,
    ...(keys ? { keys } : {}),
  };
}

type Figures = {
  total: number | null;
  rows: Map<string, number | null>;
  cells: Map<string, Map<string, number | null>>;
};

const MULTI_VALUED: readonly ReportDimension[] = ["ground", "group"];

/**
 * The figures of every period of the report. Event measures not broken down by time are
 * read in one pass over the rows of all the periods (the total, the rows and the cells
 * together, unless a dimension has several keys per row); `pending` and time breakdowns
 * period by period.
 */
async function figuresOfPeriods(
  executor: Executor,
  query: ReportQuery,
  periods: readonly Period[],
): Promise<Figures[]> {
  const dimensions = [query.by, query.split].filter((dimension) => dimension !== undefined);
  if (query.measure === "pending" || dimensions.some(isTimeDimension)) {
    const figures: Figures[] = [];
    for (const period of periods) figures.push(await figuresOf(executor, query, period));
    return figures;
  }
  const empty = isCountMeasure(query.measure) ? 0 : null;
  const figures: Figures[] = periods.map(() => ({ total: empty, rows: new Map(), cells: new Map() }));
  const place = (results: GroupedFigure[], groupings: readonly (readonly number[])[]) => {
    for (const result of results) {
      const grouping = groupings[result.grouping]!;
      result.values.forEach((value, index) => {
        const target = figures[index]!;
        if (grouping.length === 0) target.total = value ?? empty;
        // A key read for another period has no figure in this one.
        else if (value === null || value === 0) return;
        else if (grouping.length === 1) target.rows.set(result.keys[0]!, value);
        else {
          const byColumn = target.cells.get(result.keys[0]!) ?? new Map<string, number | null>();
          byColumn.set(result.keys[1]!, value);
          target.cells.set(result.keys[0]!, byColumn);
        }
      });
    }
  };
  const select = (grouped: readonly ReportDimension[]) => ({
    ...selectionOf(query, periods[0]!, grouped),
    periods,
  });
  if (!dimensions.some((dimension) => MULTI_VALUED.includes(dimension))) {
    const groupings = [[], [0], [0, 1]].slice(0, dimensions.length + 1);
    place(await statisticsFiguresGrouped(executor, select(dimensions), groupings), groupings);
  } else {
    // A refusal on two grounds is under both: each grouping reads the rows on its own.
    for (const count of [0, 1, 2].slice(0, dimensions.length + 1)) {
      const grouping = [[0, 1].slice(0, count)];
      place(await statisticsFiguresGrouped(executor, select(dimensions.slice(0, count)), grouping), grouping);
    }
  }
  return figures;
}

async function figuresOf(executor: Executor, query: ReportQuery, period: Period): Promise<Figures> {
  const [totalFigure] = await statisticsFigures(executor, selectionOf(query, period, []));
  const rows = new Map<string, number | null>();
  const cells = new Map<string, Map<string, number | null>>();
  if (query.by) {
    for (const figure of await statisticsFigures(executor, selectionOf(query, period, [query.by])))
      rows.set(figure.keys[0]!, figure.value);
    if (query.split)
      for (const figure of await statisticsFigures(
        executor,
        selectionOf(query, period, [query.by, query.split]),
      )) {
        const [row, column] = figure.keys as [string, string];
        const byColumn = cells.get(row) ?? new Map<string, number | null>();
        byColumn.set(column, figure.value);
        cells.set(row, byColumn);
      }
  }
  const empty = isCountMeasure(query.measure) ? 0 : null;
  return { total: totalFigure?.value ?? empty, rows, cells };
}

/** Time buckets and age bands have an order of their own and are all shown, empty ones too. */
function orderedKeys(dimension: ReportDimension, period: Period): string[] | null {
  if (isTimeDimension(dimension)) {
    const keys = timeBuckets(period.from, period.to, dimension).map((bucket) =>
      timeKey(dimension, bucket.start),
    );
    return [...new Set(keys)];
  }
  if (dimension === "age_band") return AGE_BANDS.map((band) => band.code);
  return null;
}

function timeKey(dimension: "year" | "quarter" | "month", day: IsoDate): string {
  const year = day.slice(0, 4);
  if (dimension === "year") return year;
  if (dimension === "month") return day.slice(0, 7);
  return `${year}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** A time key a year earlier: "2026-03" -> "2025-03", "2026-Q1" -> "2025-Q1", "2026" -> "2025". */
export function yearEarlier(key: string): string {
  const year = Number(key.slice(0, 4));
  return `${String(year - 1).padStart(4, "0")}${key.slice(4)}`;
}

function sumOf(values: readonly (number | null | undefined)[]): number {
  return values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
}

/**
 * The report for `query` as of `now` (the time it is stamped with). Throws 400
 * invalid_input for a breakdown or filter the measure does not have.
 */
export async function computeReport(
  executor: Executor,
  query: ReportQuery,
  now: Date,
): Promise<ReportResult> {
  checkReportQuery(query);
  const periods = reportPeriods(query);
  const counts = isCountMeasure(query.measure);
  const empty = counts ? 0 : null;
  const [current, same = null, whole = null] = await figuresOfPeriods(executor, query, [
    periods.current,
    ...(periods.samePeriodLastYear && periods.wholeLastYear
      ? [periods.samePeriodLastYear, periods.wholeLastYear]
      : []),
  ]);
  if (!current) throw new Error("no figures for the report's period");

  let rows: ReportRow[] = [];
  let columns: ReportResult["columns"] = [];
  if (query.by) {
    const by = query.by;
    const time = isTimeDimension(by);
    const ordered = orderedKeys(by, periods.current);
    const rowKeys =
      ordered ??
      [...new Set([...current.rows.keys(), ...(same ? same.rows.keys() : [])])].sort(
        (left, right) =>
          (current.rows.get(right) ?? -1) - (current.rows.get(left) ?? -1) || (left < right ? -1 : 1),
      );
    const columnKeys = query.split ? columnKeysOf(query.split, periods.current, current) : [];
    const compared = (figures: Figures | null, key: string, column?: string): number | null => {
      if (!figures) return null;
      if (column === undefined) return figures.rows.get(key) ?? empty;
      return figures.cells.get(key)?.get(column) ?? empty;
    };
    rows = rowKeys.map((key) => {
      const earlierKey = time ? yearEarlier(key) : key;
      const splitTime = query.split ? isTimeDimension(query.split) : false;
      return {
        key,
        label: { en: key, ru: key },
        value: current.rows.get(key) ?? empty,
        samePeriodLastYear: same ? compared(same, earlierKey) : null,
        // A month has no "whole last year" of its own; the total has.
        wholeLastYear: whole && !time ? compared(whole, key) : null,
        cells: columnKeys.map((column) => ({
          key: column,
          value: current.cells.get(key)?.get(column) ?? empty,
          ...(same && !time && !splitTime
            ? { samePeriodLastYear: compared(same, key, column), wholeLastYear: compared(whole, key, column) }
            : {}),
        })),
      };
    });
    let restRow = false;
    if (query.top !== undefined && !ordered && rows.length > query.top) {
      const rest = rows.slice(query.top);
      rows = rows.slice(0, query.top);
      if (counts) {
        restRow = true;
        // A real "other" (a ground named so) joins the rest, so that keys stay unique.
        const named = rows.findIndex((row) => row.key === OTHER_KEY);
        const merged = named >= 0 ? [...rest, ...rows.splice(named, 1)] : rest;
        rows.push({
          key: OTHER_KEY,
          label: OTHER_LABEL,
          value: sumOf(merged.map((row) => row.value)),
          samePeriodLastYear: same ? sumOf(merged.map((row) => row.samePeriodLastYear)) : null,
          wholeLastYear: whole ? sumOf(merged.map((row) => row.wholeLastYear)) : null,
          cells: columnKeys.map((column, index) => ({
            key: column,
            value: sumOf(merged.map((row) => row.cells[index]?.value)),
            ...(merged[0]?.cells[index]?.samePeriodLastYear !== undefined
              ? {
                  samePeriodLastYear: sumOf(merged.map((row) => row.cells[index]?.samePeriodLastYear)),
                  wholeLastYear: sumOf(merged.map((row) => row.cells[index]?.wholeLastYear)),
                }
              : {}),
          })),
        });
      }
    }
    const rowLabels = await labelsOf(
      executor,
      by,
      rows.map((row) => row.key),
    );
    rows = rows.map((row) => ({
      ...row,
      label: restRow && row.key === OTHER_KEY ? OTHER_LABEL : (rowLabels.get(row.key) ?? row.label),
    }));
    if (query.split) {
      const columnLabels = await labelsOf(executor, query.split, columnKeys);
      columns = columnKeys.map((key) => ({ key, label: columnLabels.get(key) ?? { en: key, ru: key } }));
    }
  }

  return {
    query,
    periods,
    total: {
      value: current.total,
      samePeriodLastYear: same ? same.total : null,
      wholeLastYear: whole ? whole.total : null,
    },
    rows,
    columns,
    unit: counts ? "cases" : "days",
    computedAt: instantOf(now),
  };
}

/** The columns of a split table: in their own order, or largest first. */
function columnKeysOf(split: ReportDimension, period: Period, figures: Figures): string[] {
  const ordered = orderedKeys(split, period);
  if (ordered) return ordered;
  const totals = new Map<string, number>();
  for (const byColumn of figures.cells.values())
    for (const [column, value] of byColumn) totals.set(column, (totals.get(column) ?? 0) + (value ?? 0));
  return [...totals.keys()].sort(
    (left, right) => totals.get(right)! - totals.get(left)! || (left < right ? -1 : 1),
  );
}

/** A heading for a report: "Requests by partner state", in both languages. */
export function reportTitle(query: Pick<ReportQuery, "measure" | "by">): Bilingual {
  const measure = MEASURE_LABELS[query.measure];
  if (!query.by) return measure;
  const by = DIMENSION_LABELS[query.by];
  return { en: `${measure.en} by ${by.en.toLowerCase()}`, ru: `${measure.ru}: ${by.ru.toLowerCase()}` };
}
