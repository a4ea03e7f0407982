import type { IsoDate } from "../../domain/platform/dates.js";
import {
  type AssetLedgerQuery,
  assetLedgerQuerySchema,
  type ReportQuery,
  reportQueryObject,
  reportQuerySchema,
} from "../../domain/reports/schemas.js";
import {
  DECISION_MEASURES,
  DIMENSION_MEASURES,
  REPORT_DIMENSIONS,
  type ReportDimension,
  type ReportMeasure,
  TIME_DIMENSIONS,
} from "../../domain/reports/vocabulary.js";
import { defaultChoice, periodOf } from "./periods.js";

/**
 * A report query and the address of the reports page: the query lives in the search
 * parameters under the API's own names, so that a link opens the same figures and the
 * API is asked exactly what the address says. `period` is a hint for the form (which
 * kind of period was chosen); the API never sees it.
 */

/** The query's fields in the order the address lists them. */
export const QUERY_KEYS = [
  "measure",
  "from",
  "to",
  "by",
  "split",
  "compare",
  "top",
  "kind",
  "direction",
  "group",
  "category",
  "partner",
  "region",
  "basis",
  "outcome",
  "ground",
] as const satisfies readonly (keyof ReportQuery)[];
type QueryKey = (typeof QUERY_KEYS)[number];

/** The filters of a query (the fields that narrow the cases counted). */
export const FILTER_KEYS = [
  "kind",
  "direction",
  "group",
  "category",
  "partner",
  "region",
  "basis",
  "outcome",
  "ground",
] as const satisfies readonly QueryKey[];
export type FilterKey = (typeof FILTER_KEYS)[number];

export const PERIOD_HINT = "period";

/** What the page shows before anything is chosen: requests this year by partner, beside last year. */
export function defaultQuery(today: IsoDate): ReportQuery {
  const period = periodOf(defaultChoice(today), today);
  return {
    measure: "requests",
    from: period.from,
    to: period.to,
    by: "partner",
    compare: "previous_year",
    top: 10,
  };
}

/** The dimensions a measure can be broken down by: a refusal has a ground, a pending case an age. */
export function dimensionsFor(measure: ReportMeasure): ReportDimension[] {
  return REPORT_DIMENSIONS.filter((dimension) => {
    const only = DIMENSION_MEASURES[dimension];
    return only === undefined || only.includes(measure);
  });
}

/** Whether the measure can be filtered by decision outcome / by ground: decisions only, as the server. */
export function hasOutcome(measure: ReportMeasure): boolean {
  return DECISION_MEASURES.includes(measure);
}
export function hasGround(measure: ReportMeasure): boolean {
  return DECISION_MEASURES.includes(measure);
}

export function isTimeDimension(dimension: ReportDimension | undefined): boolean {
  return dimension !== undefined && TIME_DIMENSIONS.includes(dimension);
}

/**
 * The query without what its measure cannot have: a breakdown the measure lacks, a second
 * breakdown without a first or equal to it, filters the measure does not know.
 */
export function sanitised(query: ReportQuery): ReportQuery {
  const allowed = dimensionsFor(query.measure);
  const next: ReportQuery = { ...query };
  if (next.by !== undefined && !allowed.includes(next.by)) delete next.by;
  if (
    next.split !== undefined &&
    (next.by === undefined || next.split === next.by || !allowed.includes(next.split))
  )
    delete next.split;
  if (!hasOutcome(query.measure)) delete next.outcome;
  if (!hasGround(query.measure)) delete next.ground;
  return next;
}

/**
 * The query in an address. Fields the API would refuse are left out one by one (a bad
 * filter does not lose the rest); without a valid period or measure, the default's are used.
 */
export function queryFromParams(
  params: URLSearchParams,
  today: IsoDate,
): { query: ReportQuery; fromAddress: boolean } {
  const fallback = defaultQuery(today);
  if (!params.has("measure")) return { query: fallback, fromAddress: false };
  const shape = reportQueryObject.shape;
  const picked: Record<string, unknown> = {};
  for (const key of QUERY_KEYS) {
    const raw = params.get(key);
    if (raw === null || raw === "") continue;
    const parsed = shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) picked[key] = parsed.data;
  }
  const candidate = {
    compare: "none",
    ...picked,
    measure: picked.measure ?? fallback.measure,
    from: picked.from ?? fallback.from,
    to: picked.to ?? fallback.to,
  };
  let parsed = reportQuerySchema.safeParse(candidate);
  if (!parsed.success) {
    // A period that ends before it begins, or a second breakdown that does not fit.
    const { split: _split, ...rest } = candidate as Record<string, unknown>;
    parsed = reportQuerySchema.safeParse(
      rest.from !== undefined && String(rest.from) > String(rest.to)
        ? { ...rest, from: fallback.from, to: fallback.to }
        : rest,
    );
  }
  if (!parsed.success) return { query: fallback, fromAddress: false };
  return { query: sanitised(parsed.data), fromAddress: true };
}

/** The address of a query, in the order of QUERY_KEYS; "no comparison" is left out, being the API's default. */
export function paramsOfQuery(query: ReportQuery, periodHint?: string | null): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of QUERY_KEYS) {
    const value = query[key];
    if (value === undefined || value === null || value === "") continue;
    if (key === "compare" && value === "none") continue;
    params.set(key, String(value));
  }
  if (periodHint) params.set(PERIOD_HINT, periodHint);
  return params;
}

/** The query as the API's query string (request() leaves out what is undefined). */
export function apiParams(query: ReportQuery): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = {};
  for (const key of QUERY_KEYS) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    if (key === "compare" && value === "none") continue;
    out[key] = value as string | number;
  }
  return out;
}

/** Two queries ask for the same figures. */
export function sameQuery(left: ReportQuery, right: ReportQuery): boolean {
  return paramsOfQuery(left).toString() === paramsOfQuery(right).toString();
}

/** How many filters narrow the query (shown on the folded filters). */
export function filterCount(query: ReportQuery): number {
  return FILTER_KEYS.filter((key) => query[key] !== undefined).length;
}

/**
 * The change from last year's figure to this one, as a share: 0.25 for a quarter more,
 * null when there is nothing to compare with (no figure, or none last year).
 */
export function changeOf(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || previous === 0) return null;
  return (value - previous) / previous;
}

// --- the asset recovery ledger --------------------------------------------------------------------

/** What the ledger's rows are: partner states, years, or kinds of case. */
export const GROUPINGS = ["partner", "year", "kind"] as const;

/** The ledger's query in the address, each bad field left out; without a valid period, this year. */
export function ledgerQueryFromParams(params: URLSearchParams, today: IsoDate): AssetLedgerQuery {
  const fallback = periodOf(defaultChoice(today), today);
  const shape = assetLedgerQuerySchema.shape;
  const picked: Record<string, unknown> = {};
  for (const key of ["from", "to", "by", "partner", "direction"] as const) {
    const raw = params.get(key);
    if (raw === null || raw === "") continue;
    const parsed = shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) picked[key] = parsed.data;
  }
  const parsed = assetLedgerQuerySchema.safeParse({ from: fallback.from, to: fallback.to, ...picked });
  if (parsed.success) return parsed.data;
  return assetLedgerQuerySchema.parse({ ...picked, from: fallback.from, to: fallback.to });
}
