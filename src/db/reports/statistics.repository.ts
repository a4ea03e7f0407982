import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { CaseEvent } from "../../domain/cases/model.js";
import { addDays, addMonths, type IsoDate } from "../../domain/platform/dates.js";
import type { ReportFilters } from "../../domain/reports/schemas.js";
import type { StatisticRow } from "../../domain/reports/statistic-rows.js";
import {
  AGE_BANDS,
  OFFENCE_GROUP_CODES,
  OFFENCE_GROUPS,
  type ReportDimension,
  type ReportMeasure,
  SETTLED_STATUSES,
} from "../../domain/reports/vocabulary.js";
import { type CaseVisibility, visibleCondition } from "../cases/case-visibility.repository.js";
import { type CaseListRow, SUMMARY_COLUMNS } from "../cases/cases.repository.js";
import { caseEvents, cases } from "../cases/cases.table.js";
import type { Executor } from "../client.js";
import { sqlList } from "../columns.js";
import { teams } from "../platform/teams.table.js";
import { caseStatistics } from "./reports.table.js";

/**
 * The statistic rows of every case (case_statistics), written with the case's events, and
 * the aggregates reports read from them (docs/statistics.md). A period [from, to] counts a
 * row of an event measure when its `on` is in the period and its `until` is null or after
 * `to`: each case once per measure, as its last such event in the period. Pending cases
 * are the status intervals [on, until) of an unsettled status that contain the date.
 *
 * Every query reads one measure over one window through an index: the btree
 * (measure, on, category, partner, kind, direction, until, value) for event measures, so a
 * count by partner, category, kind or direction over a window is an index-only range
 * scan; the range index on the pending intervals for `pending`. The EXPLAIN of each is in
 * docs/statistics.md ("Performance").
 */

// --- writing ------------------------------------------------------------------------------------

type NewStatisticRow = typeof caseStatistics.$inferInsert;

function columnsOf(caseId: string, row: StatisticRow): NewStatisticRow {
  return {
    caseId,
    measure: row.measure,
    on: row.on,
    until: row.until,
    value: row.value,
    kind: row.kind,
    direction: row.direction,
    partner: row.partner,
    category: row.category,
    basis: row.basis,
    teamId: row.teamId,
    confidentiality: row.confidentiality,
    startedOn: row.startedOn,
    days: row.days,
    grounds: row.grounds,
    amount: row.amount,
    currency: row.currency,
    extent: row.extent,
    assetId: row.assetId,
  };
}

/** Rows per INSERT: 19 columns each, well under PostgreSQL's 65,535 parameters. */
const STATISTICS_CHUNK = 2000;

/**
 * A case's rows after an event: the old ones deleted, the new ones inserted, in the
 * transaction that appended the event (the caller holds the case row's lock).
 */
export async function replaceCaseStatistics(
  executor: Executor,
  caseId: string,
  rows: readonly StatisticRow[],
): Promise<void> {
  await executor.delete(caseStatistics).where(eq(caseStatistics.caseId, caseId));
  if (rows.length > 0)
    await insertCaseStatistics(
      executor,
      rows.map((row) => ({ caseId, row })),
    );
}

/** Many cases' rows with multi-row INSERTs, in chunks (imports, the rebuild, the synthetic seed). */
export async function insertCaseStatistics(
  executor: Executor,
  items: readonly { caseId: string; row: StatisticRow }[],
): Promise<void> {
  for (let start = 0; start < items.length; start += STATISTICS_CHUNK) {
    const chunk = items.slice(start, start + STATISTICS_CHUNK);
    await executor.insert(caseStatistics).values(chunk.map(({ caseId, row }) => columnsOf(caseId, row)));
  }
}

/** Deletes the rows of these cases (the rebuild rewrites them). */
export async function deleteCaseStatistics(executor: Executor, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  await executor.delete(caseStatistics).where(inArray(caseStatistics.caseId, [...caseIds]));
}

/** Whether any case has rows: an empty table beside cases means migration 0007 just arrived. */
export async function hasCaseStatistics(executor: Executor): Promise<boolean> {
  const rows = await executor.execute<{ found: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM ${caseStatistics}) AS found`,
  );
  return rows.rows[0]?.found ?? false;
}

/** The rows of one case, as stored (tests, `comity report rebuild --check`). */
export async function caseStatisticsOf(executor: Executor, caseId: string) {
  return executor
    .select()
    .from(caseStatistics)
    .where(eq(caseStatistics.caseId, caseId))
    .orderBy(asc(caseStatistics.measure), asc(caseStatistics.on));
}

// --- reading ------------------------------------------------------------------------------------

/** A selection of rows: a measure, a period, the filters, and what to group by. */
export type StatisticsSelection = {
  measure: ReportMeasure;
  from: IsoDate;
  to: IsoDate;
  filters: ReportFilters;
  /** Grouped by these dimensions, in order (none: the total). */
  dimensions: readonly ReportDimension[];
  /** Per dimension, the keys kept (drill-down to a cell, or the rows left out of "top"). */
  keys?: readonly (KeyCondition | null)[];
  /**
   * Several periods read in one pass (year over year), instead of from-to: one figure per
   * period. Event measures only, not broken down by time.
   */
  periods?: readonly { from: IsoDate; to: IsoDate }[];
};
export type KeyCondition = { equals: string } | { notIn: readonly string[] };

export type StatisticsFigure = { keys: string[]; value: number | null };

const TIME_FORMATS = { year: "YYYY", quarter: 'YYYY-"Q"Q', month: "YYYY-MM" } as const;
type TimeDimension = keyof typeof TIME_FORMATS;
const FINENESS: readonly TimeDimension[] = ["month", "quarter", "year"];

export function isTimeDimension(dimension: ReportDimension): dimension is TimeDimension {
  return dimension in TIME_FORMATS;
}

/** The finest time dimension among these (month before quarter before year), if any. */
function finestTime(dimensions: readonly ReportDimension[]): TimeDimension | null {
  return FINENESS.find((time) => dimensions.includes(time)) ?? null;
}

/** The rows of the measure (and, for the three outcomes, of the decision's value). */
function measureCondition(measure: ReportMeasure): SQL {
  const s = caseStatistics;
  switch (measure) {
    case "requests":
      return sql`${s.measure} = 'request'`;
    case "decisions":
    case "decision_days_median":
    case "decision_days_p90":
      return sql`${s.measure} = 'decision'`;
    case "granted":
    case "partially_granted":
      return sql`${s.measure} = 'decision' AND ${s.value} = ${measure}`;
    case "refusals":
      return sql`${s.measure} = 'decision' AND ${s.value} = 'refused'`;
    case "executions":
      return sql`${s.measure} = 'execution'`;
    case "surrenders":
      return sql`${s.measure} = 'surrender'`;
    case "withdrawals":
      return sql`${s.measure} = 'withdrawal'`;
    case "closures":
      return sql`${s.measure} = 'closure'`;
    case "reopenings":
      return sql`${s.measure} = 'reopening'`;
    case "completion_days_median":
    case "completion_days_p90":
      return sql`${s.measure} IN ('execution', 'surrender')`;
    case "pending":
      // Exactly the predicate of the index case_statistics_pending, so that the planner uses it.
      return sql`${s.measure} = 'status' AND ${s.value} NOT IN (${sqlList(SETTLED_STATUSES)})`;
  }
}

function groupPrefixes(group: keyof typeof OFFENCE_GROUPS): SQL {
  const s = caseStatistics;
  return sql`(${sql.join(
    OFFENCE_GROUPS[group].map((prefix) => sql`${s.category} LIKE ${`${prefix}%`}`),
    sql` OR `,
  )})`;
}

/**
 * The filters, as conditions on the rows (the category a prefix: "09" is every 09xx).
 * `categories`: the category and group filters alone (`only`) or all but them.
 */
function filterConditions(filters: ReportFilters, options: { categories: boolean; only?: boolean }): SQL[] {
  const s = caseStatistics;
  const conditions: SQL[] = [];
  if (options.categories) {
    // The schema allows digits, "eaw:" and "budapest:" only: nothing LIKE would read as a wildcard.
    if (filters.category) conditions.push(sql`${s.category} LIKE ${`${filters.category}%`}`);
    if (filters.group) conditions.push(groupPrefixes(filters.group));
    if (options.only) return conditions;
  }
  if (filters.kind) conditions.push(sql`${s.kind} = ${filters.kind}`);
  if (filters.direction) conditions.push(sql`${s.direction} = ${filters.direction}`);
  if (filters.partner) conditions.push(sql`${s.partner} = ${filters.partner}`);
  if (filters.region)
    // An array computed once (as a join, the planner would read the rows once per state),
    // compared as text so that it filters the index range rather than splitting it in one
    // range per state.
    conditions.push(
      sql`${s.partner}::text = ANY(ARRAY(SELECT code::text FROM states WHERE region = ${filters.region}))`,
    );
  if (filters.basis) conditions.push(sql`${s.basis} = ${filters.basis}`);
  if (filters.outcome) conditions.push(sql`${s.value} = ${filters.outcome}`);
  if (filters.ground) conditions.push(sql`${filters.ground} = ANY(${s.grounds})`);
  return conditions;
}

/** The days between the status's start (receipt or sending) and the date it is counted on. */
function ageBand(at: SQL): SQL {
  const s = caseStatistics;
  const age = sql`GREATEST(0, ${at} - coalesce(${s.startedOn}, ${s.on}))`;
  const branches = AGE_BANDS.map((band) =>
    band.to === null
      ? sql`ELSE ${band.code}`
      : sql`WHEN ${age} < ${sql.raw(String(band.to))} THEN ${band.code}`,
  );
  return sql`(CASE ${sql.join(branches, sql` `)} END)`;
}

/** The offence groups of the row's category (several: fraud is also economic crime), or "none". */
function groupsArray(): SQL {
  const branches = OFFENCE_GROUP_CODES.map(
    (group) => sql`CASE WHEN ${groupPrefixes(group)} THEN ${group}::text END`,
  );
  return sql`coalesce(nullif(array_remove(ARRAY[${sql.join(branches, sql`, `)}], NULL), '{}'), ARRAY['none'])`;
}

/**
 * The first day of each time bucket of the period and the day a `pending` count is taken
 * on (the bucket's last day, or the period's), for pending by month, quarter or year.
 */
export function timeBuckets(
  from: IsoDate,
  to: IsoDate,
  dimension: TimeDimension,
): { start: IsoDate; at: IsoDate }[] {
  const months = dimension === "month" ? 1 : dimension === "quarter" ? 3 : 12;
  const [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const firstMonth = Math.floor((month - 1) / months) * months + 1;
  let start = `${String(year).padStart(4, "0")}-${String(firstMonth).padStart(2, "0")}-01` as IsoDate;
  const buckets: { start: IsoDate; at: IsoDate }[] = [];
  while (start <= to) {
    const next = addMonths(start, months);
    const last = addDays(next, -1);
    buckets.push({ start: start < from ? from : start, at: last > to ? to : last });
    start = next;
  }
  return buckets;
}

type Built = { from: SQL; where: SQL[]; keys: SQL[]; values: SQL[]; time: TimeDimension | null };

/** The one kind of row a measure reads, when it reads one (completion reads two). */
function rowMeasureOf(measure: ReportMeasure): string | null {
  switch (measure) {
    case "completion_days_median":
    case "completion_days_p90":
      return null;
    case "requests":
      return "request";
    case "executions":
      return "execution";
    case "surrenders":
      return "surrender";
    case "withdrawals":
      return "withdrawal";
    case "closures":
      return "closure";
    case "reopenings":
      return "reopening";
    case "pending":
      return "status";
    default:
      return "decision";
  }
}

/** The first string after every string that starts with `prefix` (C collation): "09" -> "0:". */
function prefixEnd(prefix: string): string {
  return `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
}

/**
 * The categories of the rows of one measure that start with `prefix` (every category
 * when the prefix is empty), found by skipping through the index from one category to
 * the next (a loose index scan: one probe per category, whatever the number of rows).
 * `category = ANY(...)` then lets the index read each category's window by its dates.
 */
function categoriesStartingWith(rowMeasure: string, prefix: string): SQL {
  const s = caseStatistics;
  const below = prefix === "" ? sql`` : sql` AND ${s.category} < ${prefixEnd(prefix)}`;
  return sql`ARRAY(WITH RECURSIVE found(category) AS (
      SELECT min(${s.category}) FROM ${s} WHERE ${s.measure} = ${rowMeasure} AND ${s.category} >= ${prefix}${below}
      UNION ALL
      SELECT (SELECT min(${s.category}) FROM ${s} WHERE ${s.measure} = ${rowMeasure} AND ${s.category} > found.category${below})
        FROM found WHERE found.category IS NOT NULL)
    SELECT category FROM found WHERE category IS NOT NULL)`;
}

/** Every column a query reads, for the derived tables that stand for case_statistics. */
const STATISTIC_COLUMNS = sql.raw(
  `case_id, measure, "on", until, value, kind, direction, partner, category, basis, started_on, days, grounds`,
);

/**
 * The FROM, WHERE and key expressions of a selection.
 * - Event measures read the rows of the measure in the window through the index
 *   (measure, category, on, ...): the categories asked for (or all of them, and the rows
 *   without one) are listed first, so that each category's window is one index range.
 * - `pending` reads the open intervals of unsettled statuses begun by the day it is counted
 *   on (a small partial index), and the closed ones that contain the day (a range index):
 *   one day per time bucket when grouped by time.
 * Grouping by ground or offence group, which a row can have several of, unnests them: a
 * refusal on two grounds is under both.
 */
function build(selection: StatisticsSelection): Built {
  const s = caseStatistics;
  const { measure, from, to, dimensions, filters } = selection;
  const time = finestTime(dimensions);
  const pending = measure === "pending";
  const joins: SQL[] = [];
  const where: SQL[] = [...filterConditions(filters, { categories: false })];
  const periods = selection.periods && selection.periods.length > 0 ? selection.periods : [{ from, to }];
  if (pending && periods.length > 1) throw new Error("pending cases are counted one day at a time");
  /** With several periods, the condition of each figure's rows. */
  let filtered: SQL[] | null = null;
  let at: SQL = sql`${to}::date`;
  let source: SQL;

  if (pending) {
    const intervals = (day: SQL) =>
      sql`(SELECT ${STATISTIC_COLUMNS} FROM ${s}
            WHERE ${s.measure} = 'status' AND ${s.until} IS NULL AND ${s.value} NOT IN (${sqlList(SETTLED_STATUSES)}) AND ${s.on} <= ${day}
           UNION ALL
           SELECT ${STATISTIC_COLUMNS} FROM ${s}
            WHERE ${s.measure} = 'status' AND ${s.until} IS NOT NULL AND ${s.value} NOT IN (${sqlList(SETTLED_STATUSES)})
              AND daterange(${s.on}, ${s.until}, '[)') @> ${day}) AS ${s}`;
    if (time) {
      const buckets = timeBuckets(from, to, time);
      source = sql`(VALUES ${sql.join(
        buckets.map((bucket) => sql`(${bucket.start}::date, ${bucket.at}::date)`),
        sql`, `,
      )}) AS bucket(start, at) CROSS JOIN LATERAL ${intervals(sql`bucket.at`)}`;
      at = sql`bucket.at`;
    } else source = intervals(at);
    where.push(...filterConditions(filters, { categories: true, only: true }));
  } else {
    where.push(measureCondition(measure));
    // Each case once per period (or time bucket): its last such event in it.
    const counted = (period: { from: IsoDate; to: IsoDate }) =>
      sql`${s.on} BETWEEN ${period.from}::date AND ${period.to}::date AND ${
        time
          ? sql`(${s.until} IS NULL OR ${s.until} > ${period.to}::date OR to_char(${s.until}, ${TIME_FORMATS[time]}) <> to_char(${s.on}, ${TIME_FORMATS[time]}))`
          : sql`(${s.until} IS NULL OR ${s.until} > ${period.to}::date)`
      }`;
    if (periods.length === 1) where.push(counted(periods[0]!));
    else {
      if (time) throw new Error("several periods are read in one pass only when not broken down by time");
      // One range of the index for every period; each figure keeps its own period's rows.
      const first = periods.reduce(
        (earliest, period) => (period.from < earliest ? period.from : earliest),
        from,
      );
      const last = periods.reduce((latest, period) => (period.to > latest ? period.to : latest), to);
      const soonest = periods.reduce((early, period) => (period.to < early ? period.to : early), to);
      where.push(sql`${s.on} BETWEEN ${first}::date AND ${last}::date`);
      where.push(sql`(${s.until} IS NULL OR ${s.until} > ${soonest}::date)`);
      filtered = periods.map(counted);
    }
    const rowMeasure = rowMeasureOf(measure);
    const prefixes = filters.category
      ? [filters.category]
      : filters.group
        ? [...OFFENCE_GROUPS[filters.group]]
        : null;
    if (rowMeasure === null) {
      source = sql`${s}`;
      where.push(...filterConditions(filters, { categories: true, only: true }));
    } else if (prefixes) {
      source = sql`${s}`;
      where.push(
        sql`${s.category} = ANY(${sql.join(
          prefixes.map((prefix) => categoriesStartingWith(rowMeasure, prefix)),
          sql` || `,
        )})`,
      );
      // A category filter and a group together: the group's prefixes still apply.
      if (filters.category && filters.group) where.push(groupPrefixes(filters.group));
    } else {
      source = sql`(SELECT ${STATISTIC_COLUMNS} FROM ${s} WHERE ${s.category} = ANY(${categoriesStartingWith(rowMeasure, "")})
                    UNION ALL SELECT ${STATISTIC_COLUMNS} FROM ${s} WHERE ${s.category} IS NULL) AS ${s}`;
    }
  }

  const keyOf = (dimension: ReportDimension, index: number): SQL => {
    switch (dimension) {
      case "partner":
        return sql`${s.partner}`;
      case "region":
        if (!joins.some((join) => join === REGION_JOIN)) joins.push(REGION_JOIN);
        return sql`coalesce(region_state.region, 'none')`;
      case "category":
        return sql`coalesce(${s.category}, 'none')`;
      case "group": {
        const alias = sql.raw(`group_${index}`);
        joins.push(sql`CROSS JOIN LATERAL unnest(${groupsArray()}) AS ${alias}(key)`);
        return sql`${alias}.key`;
      }
      case "ground": {
        const alias = sql.raw(`ground_${index}`);
        joins.push(
          sql`CROSS JOIN LATERAL unnest(CASE WHEN cardinality(${s.grounds}) = 0 THEN ARRAY['none']::text[] ELSE ${s.grounds} END) AS ${alias}(key)`,
        );
        return sql`${alias}.key`;
      }
      case "kind":
        return sql`${s.kind}`;
      case "direction":
        return sql`${s.direction}`;
      case "basis":
        return sql`${s.basis}`;
      case "outcome":
      case "status":
        return sql`coalesce(${s.value}, 'none')`;
      case "age_band":
        return ageBand(at);
      case "year":
      case "quarter":
      case "month":
        return sql`to_char(${pending && time ? sql`bucket.start` : s.on}, ${TIME_FORMATS[dimension]})`;
    }
  };
  const keys = dimensions.map((dimension, index) => keyOf(dimension, index));

  selection.keys?.forEach((condition, index) => {
    const key = keys[index];
    if (!condition || !key) return;
    if ("equals" in condition) where.push(sql`${key} = ${condition.equals}`);
    else if (condition.notIn.length > 0)
      where.push(
        sql`${key} NOT IN (${sql.join(
          condition.notIn.map((value) => sql`${value}`),
          sql`, `,
        )})`,
      );
  });

  if (where.length === 0) where.push(sql`true`);
  const percentile = measure.endsWith("_p90") ? 0.9 : 0.5;
  const aggregate = (condition: SQL | null) => {
    const filter = condition ? sql` FILTER (WHERE ${condition})` : sql``;
    return measure.includes("_days_")
      ? sql`round((percentile_cont(${sql.raw(String(percentile))}) WITHIN GROUP (ORDER BY ${s.days})${filter})::numeric, 1)::float8`
      : sql`(count(*)${filter})::int`;
  };
  const values = filtered ? filtered.map(aggregate) : [aggregate(null)];
  return {
    from: sql`${source} ${sql.join(joins, sql` `)}`,
    where,
    keys,
    values,
    time: pending ? null : time,
  };
}

const REGION_JOIN = sql`LEFT JOIN states AS region_state ON region_state.code = ${caseStatistics.partner}`;

/**
 * The SQL of a selection's figures. Counts by month, quarter or year are counted by day
 * first and the days then put in their buckets: the bucket's name is worked out once per
 * day, not once per row.
 */
export function statisticsFiguresSql(selection: StatisticsSelection): SQL {
  const built = build(selection);
  const where = sql.join(built.where, sql` AND `);
  const groupBy = (count: number, offset = 0) =>
    count > 0
      ? sql` GROUP BY ${sql.join(
          Array.from({ length: count }, (_, index) => sql.raw(String(index + 1 + offset))),
          sql`, `,
        )}`
      : sql``;
  const columns = built.keys.map((key, index) => sql`${key} AS ${sql.raw(`key_${index}`)}`);
  const timeIndexes = selection.dimensions.flatMap((dimension, index) =>
    isTimeDimension(dimension) ? [index] : [],
  );
  if (built.time === null || timeIndexes.length === 0 || selection.measure.includes("_days_"))
    return sql`SELECT ${sql.join([...columns, sql`${built.values[0]!} AS value`], sql`, `)} FROM ${built.from} WHERE ${where}${groupBy(built.keys.length)}`;
  const others = built.keys.flatMap((key, index) =>
    timeIndexes.includes(index) ? [] : [sql`${key} AS ${sql.raw(`key_${index}`)}`],
  );
  const inner = sql`SELECT ${sql.join([sql`${caseStatistics.on} AS day`, ...others, sql`count(*) AS n`], sql`, `)} FROM ${built.from} WHERE ${where}${groupBy(others.length + 1)}`;
  const outer = selection.dimensions.map((dimension, index) =>
    isTimeDimension(dimension)
      ? sql`to_char(counted.day, ${TIME_FORMATS[dimension]}) AS ${sql.raw(`key_${index}`)}`
      : sql`counted.${sql.raw(`key_${index}`)} AS ${sql.raw(`key_${index}`)}`,
  );
  return sql`SELECT ${sql.join([...outer, sql`sum(counted.n)::int AS value`], sql`, `)} FROM (${inner}) AS counted${groupBy(outer.length)}`;
}

/**
 * The figure of a selection per combination of its dimensions' keys (no dimension: one
 * figure, the total). Counts are cases; `*_days_*` measures are days, rounded to one
 * decimal, null when no case has a figure.
 */
export async function statisticsFigures(
  executor: Executor,
  selection: StatisticsSelection,
): Promise<StatisticsFigure[]> {
  const result = await executor.execute<Record<string, string | number | null>>(
    statisticsFiguresSql(selection),
  );
  return result.rows.map((row) => ({
    keys: selection.dimensions.map((_, index) => String(row[`key_${index}`])),
    value: row.value === null || row.value === undefined ? null : Number(row.value),
  }));
}

export type GroupedFigure = {
  /** The index of the grouping (in `groupings`) the figure is of. */
  grouping: number;
  /** The keys of the dimensions grouped by; null for the others. */
  keys: (string | null)[];
  /** One value per period of the selection. */
  values: (number | null)[];
};

/**
 * Several groupings of one selection, for several periods, in ONE pass over the rows:
 * `groupings` are lists of dimension indexes ([] the total, [0] the rows, [0, 1] the
 * cells; PostgreSQL's GROUPING SETS). A dimension a row can have several keys of (ground,
 * offence group) would count the row once per key in the coarser groupings: group by it
 * only in a grouping of its own. Not for time dimensions or `pending`.
 */
export async function statisticsFiguresGrouped(
  executor: Executor,
  selection: StatisticsSelection,
  groupings: readonly (readonly number[])[],
): Promise<GroupedFigure[]> {
  const built = build(selection);
  const where = sql.join(built.where, sql` AND `);
  const values = built.values.map((value, index) => sql`${value} AS ${sql.raw(`value_${index}`)}`);
  const readValues = (row: Record<string, unknown>) =>
    built.values.map((_, index) => {
      const value = row[`value_${index}`];
      return value === null || value === undefined ? null : Number(value);
    });
  if (built.keys.length === 0) {
    const result = await executor.execute<Record<string, unknown>>(
      sql`SELECT ${sql.join(values, sql`, `)} FROM ${built.from} WHERE ${where}`,
    );
    return groupings.map((_, grouping) => ({ grouping, keys: [], values: readValues(result.rows[0] ?? {}) }));
  }
  const keys = built.keys.map((key, index) => sql`${key} AS ${sql.raw(`key_${index}`)}`);
  const sets = groupings.map(
    (grouping) =>
      sql`(${sql.join(
        grouping.map((index) => built.keys[index]!),
        sql`, `,
      )})`,
  );
  const result = await executor.execute<Record<string, unknown>>(
    sql`SELECT ${sql.join([...keys, sql`GROUPING(${sql.join(built.keys, sql`, `)}) AS grouped_out`, ...values], sql`, `)}
          FROM ${built.from} WHERE ${where} GROUP BY GROUPING SETS (${sql.join(sets, sql`, `)})`,
  );
  // GROUPING() sets a bit, first dimension highest, for each dimension a row is not grouped by.
  const width = built.keys.length;
  const maskOf = (grouping: readonly number[]) =>
    built.keys.reduce(
      (mask, _, index) => (grouping.includes(index) ? mask : mask | (1 << (width - 1 - index))),
      0,
    );
  const byMask = new Map(groupings.map((grouping, index) => [maskOf(grouping), index]));
  return result.rows.map((row) => {
    const grouping = byMask.get(Number(row.grouped_out)) ?? 0;
    return {
      grouping,
      keys: built.keys.map((_, index) =>
        groupings[grouping]!.includes(index) ? String(row[`key_${index}`]) : null,
      ),
      values: readValues(row),
    };
  });
}

/** The cases behind a selection (a figure, a row, a cell): their ids, as SQL to embed. */
function caseIdsBehind(selection: StatisticsSelection): SQL {
  const built = build(selection);
  return sql`SELECT DISTINCT ${caseStatistics.caseId} FROM ${built.from} WHERE ${sql.join(built.where, sql` AND `)}`;
}

/**
 * The cases behind a figure as the reader may see them: how many there are, how many of
 * them the reader may not see (need-to-know, counted, never listed), and a page of the
 * visible ones by reference.
 */
export async function casesBehind(
  executor: Executor,
  selection: StatisticsSelection,
  visibility: CaseVisibility,
  page: { limit: number; offset: number },
): Promise<{ total: number; hidden: number; rows: CaseListRow[] }> {
  const ids = caseIdsBehind(selection);
  const visible = visibleCondition(visibility);
  const counts = await executor.execute<{ total: number; visible: number }>(
    sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE ${visible})::int AS visible
          FROM (${ids}) AS behind JOIN ${cases} ON ${cases.id} = behind.case_id`,
  );
  const total = counts.rows[0]?.total ?? 0;
  const shown = counts.rows[0]?.visible ?? 0;
  const rows =
    shown === 0
      ? []
      : await executor
          .select({ ...SUMMARY_COLUMNS, teamName: teams.name, rank: sql<number>`(0)::real` })
          .from(cases)
          .leftJoin(teams, eq(teams.id, cases.teamId))
          .where(and(sql`${cases.id} IN (${ids})`, visible))
          .orderBy(asc(cases.reference))
          .limit(page.limit)
          .offset(page.offset);
  return { total, hidden: total - shown, rows };
}

// --- asset recovery -----------------------------------------------------------------------------

export type AssetLedgerSelection = {
  from: IsoDate;
  to: IsoDate;
  by: "partner" | "year" | "kind";
  partner?: string | undefined;
  direction?: string | undefined;
};

export type AssetLedgerFigure = {
  key: string;
  /** ISO 4217; null for stage changes recorded without an amount. */
  currency: string | null;
  stage: string;
  /** The sum, as PostgreSQL's numeric prints it; null without amounts. */
  amount: string | null;
  withoutAmount: number;
};

/**
 * Sums of the amounts recorded at each asset stage in the period, per group and currency,
 * never converted; stage changes without an amount are counted apart. Also the number of
 * cases per group and currency.
 */
export async function assetLedgerFigures(
  executor: Executor,
  selection: AssetLedgerSelection,
): Promise<{
  figures: AssetLedgerFigure[];
  cases: { key: string; currency: string | null; cases: number }[];
}> {
  const s = caseStatistics;
  const key =
    selection.by === "partner"
      ? sql`${s.partner}::text`
      : selection.by === "kind"
        ? sql`${s.kind}`
        : sql`to_char(${s.on}, 'YYYY')`;
  const where: SQL[] = [
    sql`${s.measure} = 'asset'`,
    sql`${s.on} BETWEEN ${selection.from}::date AND ${selection.to}::date`,
  ];
  if (selection.partner) where.push(sql`${s.partner} = ${selection.partner}`);
  if (selection.direction) where.push(sql`${s.direction} = ${selection.direction}`);
  const condition = sql.join(where, sql` AND `);
  const figures = await executor.execute<{
    key: string;
    currency: string | null;
    stage: string;
    amount: string | null;
    without_amount: number;
  }>(
    sql`SELECT ${key} AS key, ${s.currency} AS currency, ${s.value} AS stage, sum(${s.amount})::text AS amount,
               count(*) FILTER (WHERE ${s.amount} IS NULL)::int AS without_amount
          FROM ${s} WHERE ${condition} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  );
  const counted = await executor.execute<{ key: string; currency: string | null; cases: number }>(
    sql`SELECT ${key} AS key, ${s.currency} AS currency, count(DISTINCT ${s.caseId})::int AS cases
          FROM ${s} WHERE ${condition} GROUP BY 1, 2`,
  );
  return {
    figures: figures.rows.map((row) => ({
      key: row.key,
      currency: row.currency,
      stage: row.stage,
      amount: row.amount,
      withoutAmount: row.without_amount,
    })),
    cases: counted.rows,
  };
}

// --- the rebuild ----------------------------------------------------------------------------------

/** The ids of the cases after `afterId` in id order, `limit` of them, locked against appends. */
export async function lockCaseIdsAfter(
  executor: Executor,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await executor.execute<{ id: string }>(
    sql`SELECT id FROM ${cases} ${afterId ? sql`WHERE id > ${afterId}` : sql``} ORDER BY id LIMIT ${limit} FOR SHARE`,
  );
  return rows.rows.map((row) => row.id);
}

export async function countCases(executor: Executor): Promise<number> {
  const rows = await executor.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${cases}`);
  return rows.rows[0]?.n ?? 0;
}

/** The streams of these cases, each in sequence order (the rebuild replays them). */
export async function caseStreams(
  executor: Executor,
  caseIds: readonly string[],
): Promise<Map<string, CaseEvent[]>> {
  const streams = new Map<string, CaseEvent[]>();
  if (caseIds.length === 0) return streams;
  const rows = await executor
    .select()
    .from(caseEvents)
    .where(inArray(caseEvents.caseId, [...caseIds]))
    .orderBy(asc(caseEvents.caseId), asc(caseEvents.sequence));
  for (const row of rows) {
    const event = {
      type: row.type,
      payload: row.payload,
      sequence: row.sequence,
      recordedAt: row.recordedAt.toISOString(),
      actorId: row.actorId,
    } as CaseEvent;
    const stream = streams.get(row.caseId);
    if (stream) stream.push(event);
    else streams.set(row.caseId, [event]);
  }
  return streams;
}

/**
 * When any case last changed (cases.updated_at moves with every event and import): the
 * dashboard's cached figures are current while this stays the same. An index-only lookup.
 */
export async function lastCaseChange(executor: Executor): Promise<string> {
  const result = await executor.execute<{ changed: string | null }>(
    sql`SELECT max(${cases.updatedAt})::text AS changed FROM ${cases}`,
  );
  return result.rows[0]?.changed ?? "";
}
