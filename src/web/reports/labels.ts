import type { TFunction } from "i18next";
import type { IsoDate } from "../../domain/platform/dates.js";
import type { ReportQuery } from "../../domain/reports/schemas.js";
import type { ReportDimension, ReportMeasure } from "../../domain/reports/vocabulary.js";
import { capitalised, monthName } from "../engagements/labels.js";
import { type PeriodChoice, periodOf } from "./periods.js";
import { changeOf } from "./report-query.js";

/** The words of reports in the reader's language. */

export function measureLabel(measure: ReportMeasure, t: TFunction): string {
  return t(`reports.measures.${measure}`);
}

export function dimensionLabel(dimension: ReportDimension, t: TFunction): string {
  return t(`reports.dimensions.${dimension}`);
}

/** "Requests by partner state", "Refusals by ground and partner state", "Requests". */
export function reportTitle(query: Pick<ReportQuery, "measure" | "by" | "split">, t: TFunction): string {
  const measure = measureLabel(query.measure, t);
  if (!query.by) return measure;
  if (!query.split) return t("reports.titleBy", { measure, by: t(`reports.dimensionsInTitle.${query.by}`) });
  return t("reports.titleBySplit", {
    measure,
    by: t(`reports.dimensionsInTitle.${query.by}`),
    split: t(`reports.dimensionsInTitle.${query.split}`),
  });
}

/** A period choice by name: "First 8 months of 2022", "Q3 2025", "March 2025", "Last 12 months". */
export function periodName(choice: PeriodChoice, t: TFunction): string {
  const year = String(choice.year);
  switch (choice.kind) {
    case "this_year":
    case "last_year":
    case "last_12_months":
    case "custom":
      return t(`reports.periods.kinds.${choice.kind}`);
    case "year":
      return t("reports.periods.named.year", { year });
    case "first_months":
      return t("reports.periods.named.firstMonths", { count: choice.months, year });
    case "quarter":
      return t("reports.periods.named.quarter", { quarter: choice.quarter, year });
    case "month":
      return t("reports.periods.named.month", {
        month: capitalised(monthName(choice.month, t)),
        year,
      });
  }
}

/** "1 Jan 2022 – 31 Aug 2022" in the interface language. */
export function periodDates(
  choice: PeriodChoice,
  today: IsoDate,
  date: (iso: string) => string,
  t: TFunction,
): string {
  const { from, to } = periodOf(choice, today);
  return t("reports.periods.range", { from: date(from), to: date(to) });
}

/** A figure as the table says it: a count, a number of days, or a dash for none. */
export function figureText(
  value: number | null,
  unit: "cases" | "days",
  number: (value: number) => string,
  t: TFunction,
): string {
  if (value === null) return "—";
  if (unit === "days") return t("reports.table.days", { count: value, days: number(value) });
  return number(value);
}

/** "+12%", "−5%", "—": the change from last year, with a true minus sign. */
export function changeText(value: number | null, previous: number | null, locale: string): string {
  const change = changeOf(value, previous);
  if (change === null) return "—";
  const format = new Intl.NumberFormat(locale, {
    style: "percent",
    maximumFractionDigits: 0,
    signDisplay: "exceptZero",
  });
  return format.format(change).replace("-", "\u2212");
}
