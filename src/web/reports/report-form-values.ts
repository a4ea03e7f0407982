import type { z } from "zod";
import type { IsoDate } from "../../domain/platform/dates.js";
import { type ReportQuery, reportQuerySchema } from "../../domain/reports/schemas.js";
import type { ReportDimension, ReportMeasure } from "../../domain/reports/vocabulary.js";
import { choiceOf, type PeriodChoice, periodOf } from "./periods.js";
import { FILTER_KEYS, type FilterKey, sanitised } from "./report-query.js";

/** The report form's values: the query, with its period as a choice and its filters as texts. */
export type ReportFormValues = {
  measure: ReportMeasure;
  period: PeriodChoice;
  by: ReportDimension | null;
  split: ReportDimension | null;
  compare: boolean;
  /** Empty for every row. */
  top: string;
  filters: Record<FilterKey, string | null>;
};

export function formValuesOf(query: ReportQuery, today: IsoDate, hint?: string | null): ReportFormValues {
  const filters = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, query[key] === undefined ? null : String(query[key])]),
  ) as Record<FilterKey, string | null>;
  return {
    measure: query.measure,
    period: choiceOf({ from: query.from, to: query.to }, today, hint),
    by: query.by ?? null,
    split: query.split ?? null,
    compare: query.compare === "previous_year",
    top: query.top === undefined ? "" : String(query.top),
    filters,
  };
}

export type FormCheck =
  | { ok: true; query: ReportQuery; periodHint: string }
  | { ok: false; errors: Record<string, string> };

/** Field paths of the schema's issues as the form's ("from" -> "period.from"). */
const FIELD_OF: Record<string, string> = {
  from: "period.from",
  to: "period.to",
  top: "top",
  split: "split",
  by: "by",
  category: "filters.category",
};

/**
 * The query the form asks for, checked with the contract's schema; `message` turns an
 * issue into the reader's language.
 */
export function queryOfForm(
  values: ReportFormValues,
  today: IsoDate,
  message: (issue: z.core.$ZodIssue) => string,
): FormCheck {
  const period = periodOf(values.period, today);
  const candidate: Record<string, unknown> = {
    measure: values.measure,
    from: period.from,
    to: period.to,
    compare: values.compare ? "previous_year" : "none",
  };
  if (values.by) candidate.by = values.by;
  if (values.by && values.split) candidate.split = values.split;
  if (values.top.trim() !== "") candidate.top = values.top.trim();
  for (const key of FILTER_KEYS) {
    const value = values.filters[key]?.trim();
    if (value) candidate[key] = key === "category" ? value.toLowerCase() : value;
  }
  const parsed = reportQuerySchema.safeParse(candidate);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      const field = FIELD_OF[key] ?? (FILTER_KEYS.includes(key as FilterKey) ? `filters.${key}` : key);
      if (!(field in errors)) errors[field] = message(issue);
    }
    return { ok: false, errors };
  }
  return { ok: true, query: sanitised(parsed.data), periodHint: values.period.kind };
}
