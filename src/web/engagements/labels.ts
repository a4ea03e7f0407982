import type { TFunction } from "i18next";
import type { DatePrecision } from "../../domain/engagements/vocabulary.js";

/**
 * How the engagements feature says its dates and titles in the reader's language. Dates
 * are read from their ISO form and never through the browser's Date or locale: "26–27
 * May 2025", "26–27 мая 2025 г.", "January 2021", "январь 2021 г.".
 */

/** The keys of the month names in the resources (engagements.dates.months / inDate). */
export const MONTH_KEYS = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
] as const;
export type MonthKey = (typeof MONTH_KEYS)[number];

/** Monday first, as the office's calendars are printed (ISO 8601 weeks). */
export const WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

type Parts = { year: number; month: number; day: number };

function partsOf(value: string): Parts {
  return {
    year: Number(value.slice(0, 4)),
    month: value.length >= 7 ? Number(value.slice(5, 7)) : 1,
    day: value.length >= 10 ? Number(value.slice(8, 10)) : 1,
  };
}

function monthKey(month: number): MonthKey {
  return MONTH_KEYS[Math.min(11, Math.max(0, month - 1))] ?? "jan";
}

/** The month on its own, as a calendar's heading or "January 2021" says it (nominative in Russian). */
export function monthName(month: number, t: TFunction): string {
  return t(`engagements.dates.months.${monthKey(month)}`);
}

/** The month after a day number: "26 May", "26 мая" (genitive in Russian). */
function monthInDate(month: number, t: TFunction): string {
  return t(`engagements.dates.inDate.${monthKey(month)}`);
}

/** "May 2025" / "май 2025 г.": a month as a period. */
export function formatMonth(year: number, month: number, t: TFunction): string {
  return t("engagements.dates.month", { month: monthName(month, t), year: String(year) });
}

/** A day: "26 May 2025" / "26 мая 2025 г.". */
export function formatDay(value: string, t: TFunction): string {
  const { year, month, day } = partsOf(value);
  return t("engagements.dates.day", { day: String(day), month: monthInDate(month, t), year: String(year) });
}

export type DatedEngagement = { startOn: string; endOn?: string | null; precision: DatePrecision };

/**
 * An engagement's dates as its sources give them: a day, a range of days ("26–27 May
 * 2025", "30 May – 2 June 2025", "30 December 2024 – 2 January 2025"), a month ("January
 * 2021") or a year ("2021").
 */
export function formatEngagementDates(value: DatedEngagement, t: TFunction): string {
  const start = partsOf(value.startOn);
  if (value.precision === "year") return t("engagements.dates.year", { year: String(start.year) });
  if (value.precision === "month") return formatMonth(start.year, start.month, t);
  const endOn = value.endOn && value.endOn > value.startOn ? value.endOn : null;
  if (!endOn) return formatDay(value.startOn, t);
  const end = partsOf(endOn);
  if (start.year === end.year && start.month === end.month) {
    return t("engagements.dates.daysInMonth", {
      from: String(start.day),
      to: String(end.day),
      month: monthInDate(start.month, t),
      year: String(start.year),
    });
  }
  if (start.year === end.year) {
    return t("engagements.dates.daysInYear", {
      fromDay: String(start.day),
      fromMonth: monthInDate(start.month, t),
      toDay: String(end.day),
      toMonth: monthInDate(end.month, t),
      year: String(start.year),
    });
  }
  return t("engagements.dates.range", { from: formatDay(value.startOn, t), to: formatDay(endOn, t) });
}

/** A partial date ("2025", "2025-09", "2025-09-14") as a year, a month or a day. */
export function formatPartialDate(value: string, t: TFunction): string {
  const precision: DatePrecision = value.length === 4 ? "year" : value.length === 7 ? "month" : "day";
  return formatEngagementDates({ startOn: value, endOn: null, precision }, t);
}

/** A heading's first letter in capitals: "май 2025 г." -> "Май 2025 г.". */
export function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

type Titled = { titleEn: string; titleRu: string | null };

/** The title in the interface language; the other language stands in for a missing one. */
export function titleIn(value: Titled, language: string): string {
  return language === "ru" ? value.titleRu || value.titleEn : value.titleEn || value.titleRu || "";
}

/** The title in the other language, when there is one and it differs. */
export function otherTitle(value: Titled, language: string): { text: string; lang: "en" | "ru" } | null {
  const other = language === "ru" ? value.titleEn : value.titleRu;
  if (!other || other === titleIn(value, language)) return null;
  return { text: other, lang: language === "ru" ? "en" : "ru" };
}

/** A text kept in both languages (a commitment, an invitation's event), in the reader's. */
export function textIn(english: string, russian: string | null, language: string): string {
  return language === "ru" && russian ? russian : english;
}
