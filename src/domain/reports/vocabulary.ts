/**
 * The words of reports: what can be counted (measures), what it can be broken down by
 * (dimensions), the rows kept for counting (statistic rows), and the press office's
 * groupings of offence categories. docs/statistics.md explains each with examples.
 */

/**
 * What a statistic row records about one case. Every row carries the case's dimensions
 * as its events said on the row's date (docs/statistics.md, "Counting rules").
 *
 * - `request`: the request entered the work: an incoming one received, an outgoing one
 *   sent. One per case (an outgoing draft never sent has none).
 * - `decision`: a decision (granted, partially granted, refused), with its grounds and
 *   the days from receipt (or sending) to it.
 * - `execution`: the case reached "executed" (all measures settled), days from decision.
 * - `surrender`: the person was surrendered, days from decision.
 * - `withdrawal`, `closure`, `reopening`: the case was withdrawn, closed, reopened.
 * - `status`: the case was in a status from `on` until the day before `until`.
 * - `asset`: an asset reached a stage (traced, frozen, confiscated, returned, shared),
 *   with the amount the order concerned.
 */
export const STATISTIC_ROW_MEASURES = [
  "request",
  "decision",
  "execution",
  "surrender",
  "withdrawal",
  "closure",
  "reopening",
  "status",
  "asset",
] as const;
export type StatisticRowMeasure = (typeof STATISTIC_ROW_MEASURES)[number];

/**
 * What a report counts. Event measures count the cases whose event falls in the period
 * (a case counts once per measure and period: its last such event in the period);
 * `pending` counts cases by their status on the period's last day; the `*_days_*`
 * measures are the median and 90th percentile of days.
 */
export const REPORT_MEASURES = [
  "requests",
  "decisions",
  "granted",
  "partially_granted",
  "refusals",
  "executions",
  "surrenders",
  "withdrawals",
  "closures",
  "reopenings",
  "pending",
  "decision_days_median",
  "decision_days_p90",
  "completion_days_median",
  "completion_days_p90",
] as const;
export type ReportMeasure = (typeof REPORT_MEASURES)[number];

/** Measures that are counts of cases (the others are numbers of days). */
export const COUNT_MEASURES: readonly ReportMeasure[] = REPORT_MEASURES.filter(
  (measure) => !measure.includes("_days_"),
);

export function isCountMeasure(measure: ReportMeasure): boolean {
  return COUNT_MEASURES.includes(measure);
}

/** What a report can break its figures down by. */
export const REPORT_DIMENSIONS = [
  "partner",
  "region",
  "category",
  "group",
  "kind",
  "direction",
  "basis",
  "outcome",
  "ground",
  "status",
  "age_band",
  "year",
  "quarter",
  "month",
] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** Dimensions that only some measures have: a refusal has a ground, a pending case an age. */
export const DIMENSION_MEASURES: Partial<Record<ReportDimension, readonly ReportMeasure[]>> = {
  outcome: ["decisions", "decision_days_median", "decision_days_p90"],
  ground: ["refusals", "partially_granted"],
  status: ["pending"],
  age_band: ["pending"],
};

/** Measures of decisions: the only ones the `outcome` and `ground` filters narrow. */
export const DECISION_MEASURES: readonly ReportMeasure[] = [
  "decisions",
  "granted",
  "partially_granted",
  "refusals",
  "decision_days_median",
  "decision_days_p90",
];

/** Time dimensions cut the period into years, quarters or months; `pending` has one date. */
export const TIME_DIMENSIONS: readonly ReportDimension[] = ["year", "quarter", "month"];

/** Ages of pending cases, in days since receipt (or sending): [from, to) days. */
export const AGE_BANDS = [
  { code: "under_30", from: 0, to: 30 },
  { code: "30_89", from: 30, to: 90 },
  { code: "90_179", from: 90, to: 180 },
  { code: "180_364", from: 180, to: 365 },
  { code: "365_plus", from: 365, to: null },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]["code"];

/** Statuses in which a case is no longer pending (refused can be reopened, and then is again). */
export const SETTLED_STATUSES = [
  "draft",
  "refused",
  "executed",
  "surrendered",
  "withdrawn",
  "closed",
] as const;

/** Decision outcomes, as the `decided` event records them. */
export const DECISION_OUTCOMES = ["granted", "partially_granted", "refused"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/**
 * The legal basis of a case for statistics: an instrument (its id), reciprocity, or none
 * recorded. Instruments are grouped by id; these two are the other keys.
 */
export const BASIS_RECIPROCITY = "reciprocity";
export const BASIS_NONE = "none";

/**
 * Groupings of offence categories that a press office uses ("cybercrime cases"), each a
 * set of category code prefixes: ICCS sections and divisions ("0903"), EAW list offences
 * ("eaw:11") and Budapest Convention articles ("budapest:"). A case belongs to a group
 * when its main category starts with one of the prefixes. Sources: ICCS version 1.0
 * (UNODC, 2015), section 09 and division 0903 "Acts against computer systems", with
 * ICCS's cybercrime-related attribute covering computer-enabled fraud and child sexual
 * abuse material, which Comity does not record per case; Framework Decision 2002/584/JHA
 * art. 2(2); CETS 185 arts. 2-11.
 */
export const OFFENCE_GROUPS = {
  cybercrime: ["0903", "eaw:11", "budapest:"],
  corruption: ["0703", "eaw:7"],
  fraud: ["0701", "eaw:8", "eaw:20"],
  money_laundering: ["0704", "eaw:9"],
  drugs: ["06", "eaw:5"],
  terrorism: ["0906", "eaw:2"],
  organised_crime: ["0905", "eaw:1"],
  trafficking_in_persons: ["0204", "eaw:3", "eaw:13"],
  violent_crime: ["01", "02", "04", "eaw:14", "eaw:16", "eaw:18", "eaw:28"],
  economic_crime: ["07", "08"],
} as const satisfies Record<string, readonly string[]>;
export type OffenceGroup = keyof typeof OFFENCE_GROUPS;
export const OFFENCE_GROUP_CODES = Object.keys(OFFENCE_GROUPS) as OffenceGroup[];

/** The groups a category code belongs to (several: fraud is also economic crime). */
export function groupsOfCategory(category: string | null): OffenceGroup[] {
  if (category === null) return [];
  return OFFENCE_GROUP_CODES.filter((group) =>
    OFFENCE_GROUPS[group].some((prefix) => category.startsWith(prefix)),
  );
}

/**
 * Published figures (exports marked for publication, the de-identified export) show a
 * count below this as "<5": a handful of cases between two states in one category can
 * name a person to anyone who follows the news. Totals are rounded the same way when a
 * suppressed cell could be recovered from them by subtraction (docs/statistics.md).
 */
export const SUPPRESSION_THRESHOLD = 5;

/** Export formats of a report. */
export const REPORT_FORMATS = ["csv", "xlsx", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Asset recovery stages with amounts (an asset's `asset_stage_changed` events). */
export const ASSET_AMOUNT_STAGES = ["traced", "frozen", "confiscated", "returned", "shared"] as const;
export type AssetAmountStage = (typeof ASSET_AMOUNT_STAGES)[number];
