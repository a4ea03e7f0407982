import {
  addDays,
  addMonths,
  addYears,
  type IsoDate,
  isoDateOrNull,
  yearOf,
  yearPeriod,
} from "../../domain/platform/dates.js";

/**
 * The periods a report is asked for, as a press office names them: this year so far, last
 * year, a whole year, the first N months of a year, a quarter, a month, the last twelve
 * months, or any two dates. The address and the API carry only `from` and `to`; a choice
 * is recognised again from them (and from the `period` hint the form adds to the address,
 * so that "the first 3 months" does not come back as "the first quarter").
 */

export const PERIOD_KINDS = [
  "this_year",
  "last_year",
  "year",
  "first_months",
  "quarter",
  "month",
  "last_12_months",
  "custom",
] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The form's state of a period: the kind and every part any kind needs. */
export type PeriodChoice = {
  kind: PeriodKind;
  year: number;
  /** 1-11: "the first 8 months". */
  months: number;
  /** 1-4. */
  quarter: number;
  /** 1-12. */
  month: number;
  from: IsoDate;
  to: IsoDate;
};

export type Period = { from: IsoDate; to: IsoDate };

const pad = (value: number, length = 2) => String(value).padStart(length, "0");

function firstOfMonth(year: number, month: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-01` as IsoDate;
}

function lastOfMonth(year: number, month: number): IsoDate {
  return addDays(addMonths(firstOfMonth(year, month), 1), -1);
}

const clamp = (value: number, low: number, high: number) =>
  Math.min(high, Math.max(low, Number.isFinite(value) ? Math.trunc(value) : low));

/** The dates of a choice, both included; "this year" and "the last 12 months" end today. */
export function periodOf(choice: PeriodChoice, today: IsoDate): Period {
  const year = clamp(choice.year, 1900, 2100);
  switch (choice.kind) {
    case "this_year":
      return { from: yearPeriod(yearOf(today)).from, to: today };
    case "last_year":
      return yearPeriod(yearOf(today) - 1);
    case "year":
      return yearPeriod(year);
    case "first_months":
      return { from: firstOfMonth(year, 1), to: lastOfMonth(year, clamp(choice.months, 1, 11)) };
    case "quarter": {
      const quarter = clamp(choice.quarter, 1, 4);
      return { from: firstOfMonth(year, quarter * 3 - 2), to: lastOfMonth(year, quarter * 3) };
    }
    case "month": {
      const month = clamp(choice.month, 1, 12);
      return { from: firstOfMonth(year, month), to: lastOfMonth(year, month) };
    }
    case "last_12_months":
      return { from: addDays(addYears(today, -1), 1), to: today };
    case "custom":
      return { from: choice.from, to: choice.to };
  }
}

/** A choice with every part filled from today, of the given kind. */
export function defaultChoice(today: IsoDate, kind: PeriodKind = "this_year"): PeriodChoice {
  const year = yearOf(today);
  const month = Number(today.slice(5, 7));
  const base: PeriodChoice = {
    kind,
    year,
    // The months already over this year (at least one).
    months: Math.max(1, Math.min(11, month - 1)),
    quarter: Math.ceil(month / 3),
    month,
    from: yearPeriod(year).from,
    to: today,
  };
  return { ...base, ...periodOf(base, today) };
}

function isPeriodKind(value: string | null | undefined): value is PeriodKind {
  return (PERIOD_KINDS as readonly string[]).includes(value ?? "");
}

/** The choices that give exactly these dates, the most specific first. */
function candidates(from: IsoDate, to: IsoDate, today: IsoDate): PeriodChoice[] {
  const year = yearOf(from);
  const fromMonth = Number(from.slice(5, 7));
  const toMonth = Number(to.slice(5, 7));
  const base = defaultChoice(today);
  const all: PeriodChoice[] = [
    { ...base, kind: "this_year" },
    { ...base, kind: "last_12_months" },
    { ...base, kind: "last_year" },
    { ...base, kind: "year", year },
    { ...base, kind: "quarter", year, quarter: Math.ceil(toMonth / 3) },
    { ...base, kind: "month", year, month: fromMonth },
    { ...base, kind: "first_months", year, months: toMonth },
  ];
  return all.filter((choice) => {
    const period = periodOf(choice, today);
    return period.from === from && period.to === to;
  });
}

/**
 * The choice that gives these dates: the hinted kind when it does, else the most specific
 * one that does, else custom dates.
 */
export function choiceOf(period: Period, today: IsoDate, hint?: string | null): PeriodChoice {
  const matching = candidates(period.from, period.to, today);
  const hinted = isPeriodKind(hint) ? matching.find((choice) => choice.kind === hint) : undefined;
  const found = hinted ?? matching[0];
  if (found) return { ...found, from: period.from, to: period.to };
  return {
    ...defaultChoice(today),
    kind: "custom",
    year: yearOf(period.from),
    from: period.from,
    to: period.to,
  };
}

/** A choice whose custom dates are both days and in order, as the API requires. */
export function isCompleteChoice(choice: PeriodChoice, today: IsoDate): boolean {
  const period = periodOf(choice, today);
  return isoDateOrNull(period.from) !== null && isoDateOrNull(period.to) !== null && period.from <= period.to;
}

/** The years a picker offers: from 2000 to next year, latest first. */
export function yearOptions(today: IsoDate, earliestYear = 2000): number[] {
  const years: number[] = [];
  for (let year = yearOf(today) + 1; year >= earliestYear; year -= 1) years.push(year);
  return years;
}
