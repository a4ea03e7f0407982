import type { DatePrecision } from "../../domain/engagements/vocabulary.js";
import {
  addDays,
  addMonths,
  type IsoDate,
  isoDateOrNull,
  parseIsoDate,
  weekdayOf,
} from "../../domain/platform/dates.js";

/** A month of the calendar: its year and month (1-12). */
export type CalendarMonth = { year: number; month: number };

type Dated = { startOn: string; endOn: string; precision: DatePrecision };

export function firstDayOf(month: CalendarMonth): IsoDate {
  return parseIsoDate(`${String(month.year).padStart(4, "0")}-${String(month.month).padStart(2, "0")}-01`);
}

export function lastDayOf(month: CalendarMonth): IsoDate {
  return addDays(addMonths(firstDayOf(month), 1), -1);
}

/** "2025-05" in the address, else the month of `today`. */
export function monthFrom(value: string | null, today: IsoDate): CalendarMonth {
  const match = value ? /^(\d{4})-(\d{2})$/.exec(value) : null;
  const month = match ? Number(match[2]) : 0;
  if (match && month >= 1 && month <= 12) return { year: Number(match[1]), month };
  return { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
}

export function monthParam(month: CalendarMonth): string {
  return firstDayOf(month).slice(0, 7);
}

export function shiftMonth(month: CalendarMonth, by: number): CalendarMonth {
  const day = addMonths(firstDayOf(month), by);
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) };
}

/** The weeks shown for a month, Monday to Sunday, from the week of its first day to that of its last. */
export function monthWeeks(month: CalendarMonth): IsoDate[][] {
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  // weekdayOf: 0 Sunday ... 6 Saturday; the grid starts on Monday.
  let day = addDays(first, -((weekdayOf(first) + 6) % 7));
  const weeks: IsoDate[][] = [];
  while (day <= last) {
    const week: IsoDate[] = [];
    for (let index = 0; index < 7; index += 1) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** Engagements dated to the day that take place on `day` (every day of a range). */
export function onDay<T extends Dated>(engagements: readonly T[], day: IsoDate): T[] {
  return engagements.filter(
    (engagement) => engagement.precision === "day" && engagement.startOn <= day && day <= engagement.endOn,
  );
}

/** Engagements the sources date only by month or year, that meet the month. */
export function vagueIn<T extends Dated>(engagements: readonly T[], month: CalendarMonth): T[] {
  const from = firstDayOf(month);
  const to = lastDayOf(month);
  return engagements.filter(
    (engagement) => engagement.precision !== "day" && engagement.startOn <= to && from <= engagement.endOn,
  );
}

/** Where a day stands in an engagement's range: alone, its first, a middle or its last day. */
export function partOfRange(engagement: Dated, day: IsoDate): "single" | "first" | "middle" | "last" {
  if (engagement.startOn === engagement.endOn) return "single";
  if (day === engagement.startOn) return "first";
  if (day === engagement.endOn) return "last";
  return "middle";
}

/** Upcoming engagements grouped by the month of their first day, in order. */
export function byMonth<T extends Dated>(engagements: readonly T[]): { month: CalendarMonth; items: T[] }[] {
  const groups: { month: CalendarMonth; items: T[] }[] = [];
  for (const engagement of engagements) {
    const start = isoDateOrNull(engagement.startOn);
    if (!start) continue;
    const month = { year: Number(start.slice(0, 4)), month: Number(start.slice(5, 7)) };
    const last = groups[groups.length - 1];
    if (last && last.month.year === month.year && last.month.month === month.month)
      last.items.push(engagement);
    else groups.push({ month, items: [engagement] });
  }
  return groups;
}
