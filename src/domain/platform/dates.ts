import { z } from "zod";

/**
 * Every date and time in Comity goes through this module.
 *
 * - An `IsoDate` is a calendar day, "2025-01-29": the form every legal date takes. It has
 *   no time and no time zone ("arrested on 29 January" is the same day in Moscow and in
 *   Phnom Penh), so its arithmetic runs on UTC midnights, where every day has 24 hours.
 * - An `Instant` is a moment, "2025-01-29T09:30:00.000Z": when something was recorded.
 * - A `PartialIsoDate` is a day, a month ("2006-05") or a year ("2006"): what a source
 *   leaves vague, such as the "as of" date of a party list.
 *
 * The types are branded: a plain string is not an `IsoDate` until `parseIsoDate` (or the
 * schema) has checked it, and every check rejects impossible days such as 2025-02-30.
 * "Today" is a day in a time zone: the office's (COMITY_TIME_ZONE, docs/configuration.md),
 * never the server's or the browser's by accident.
 */

/** A calendar day as YYYY-MM-DD; impossible days (2025-02-30) are refused. */
export const isoDateSchema = z.iso.date("a date as YYYY-MM-DD").brand<"IsoDate">();
export type IsoDate = z.infer<typeof isoDateSchema>;

/** A moment in UTC as RFC 3339 with Z, as JavaScript writes it: 2025-01-29T09:30:00.000Z. */
export const instantSchema = z.iso
  .datetime("a date and time in UTC, such as 2025-01-29T09:30:00Z")
  .brand<"Instant">();
export type Instant = z.infer<typeof instantSchema>;

/** A moment with any offset (+03:00 or Z), as a client may send it in a filter. */
export const instantWithOffsetSchema = z.iso.datetime({
  offset: true,
  message: "a date and time with an offset, such as 2025-01-29T12:30:00+03:00",
});

/** A year, a month or a day: 2006, 2006-05, 2006-05-17. */
export const partialIsoDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "a date as YYYY, YYYY-MM or YYYY-MM-DD")
  .refine((value) => isRealPartialDate(value), "not a real year, month or day")
  .brand<"PartialIsoDate">();
export type PartialIsoDate = z.infer<typeof partialIsoDateSchema>;

/** Day of the week as JavaScript numbers it: 0 Sunday, 1 Monday, ... 6 Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const DAY_IN_MILLISECONDS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** Midnight UTC of a year, month (1-12) and day; years 0-99 are years, not 1900-1999. */
function utcMidnight(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function splitDate(value: string): [number, number, number] | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

// --- parsing ------------------------------------------------------------------------------------

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const parts = splitDate(value);
  if (!parts) return false;
  const [year, month, day] = parts;
  if (month < 1 || month > 12 || day < 1) return false;
  // A real day survives the round trip; 2025-02-30 rolls over into March.
  const date = new Date(utcMidnight(year, month, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The day, or a RangeError naming the bad value. */
export function parseIsoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`"${value}" is not a date as YYYY-MM-DD`);
  return value;
}

/** The day, or null: for values a user typed or a URL carried. */
export function isoDateOrNull(value: string | null | undefined): IsoDate | null {
  return isIsoDate(value) ? value : null;
}

function isRealPartialDate(value: string): boolean {
  if (/^\d{4}$/.test(value)) return true;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return Number(month[2]) >= 1 && Number(month[2]) <= 12;
  return isIsoDate(value);
}

export function isPartialIsoDate(value: unknown): value is PartialIsoDate {
  return typeof value === "string" && isRealPartialDate(value);
}

export function parsePartialIsoDate(value: string): PartialIsoDate {
  if (!isPartialIsoDate(value))
    throw new RangeError(`"${value}" is not a date as YYYY, YYYY-MM or YYYY-MM-DD`);
  return value;
}

/** The first day a partial date can mean: 2006 -> 2006-01-01, 2006-05 -> 2006-05-01. */
export function firstDayOf(value: PartialIsoDate): IsoDate {
  if (value.length === 4) return `${value}-01-01` as IsoDate;
  if (value.length === 7) return `${value}-01` as IsoDate;
  return value as unknown as IsoDate;
}

export function isInstant(value: unknown): value is Instant {
  return (
    typeof value === "string" &&
    INSTANT.test(value) &&
    !Number.isNaN(Date.parse(value)) &&
    isIsoDate(value.slice(0, 10))
  );
}

export function parseInstant(value: string): Instant {
  if (!isInstant(value))
    throw new RangeError(`"${value}" is not a date and time in UTC such as 2025-01-29T09:30:00Z`);
  return value;
}

/** The moment a JavaScript Date holds, as an Instant. */
export function instantOf(date: Date): Instant {
  if (Number.isNaN(date.getTime())) throw new RangeError("an invalid Date has no instant");
  return date.toISOString() as Instant;
}

/** An Instant or null, from a nullable Date (a database column). */
export function instantOrNull(date: Date | null | undefined): Instant | null {
  return date ? instantOf(date) : null;
}

// --- arithmetic on days ------------------------------------------------------------------------

function toUtcMilliseconds(date: IsoDate): number {
  const parts = isIsoDate(date) ? splitDate(date) : null;
  if (!parts) throw new RangeError(`"${date}" is not a date as YYYY-MM-DD`);
  return utcMidnight(...parts);
}

function fromUtcMilliseconds(milliseconds: number): IsoDate {
  const date = new Date(milliseconds);
  const year = String(date.getUTCFullYear()).padStart(4, "0");
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  const day = String(date.getUTCDate()).padStart(2, "0");
  return `${year}-${month}-${day}` as IsoDate;
}

/** The day `days` days later (earlier when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMilliseconds(toUtcMilliseconds(date) + days * DAY_IN_MILLISECONDS);
}

/**
 * The same day `months` months later (earlier when negative); a day the month lacks
 * becomes its last day: 31 January + 1 month is 28 (or 29) February.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = splitDate(parseIsoDate(date)) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const lastDay = new Date(utcMidnight(targetYear, targetMonth + 1, 0)).getUTCDate();
  return fromUtcMilliseconds(utcMidnight(targetYear, targetMonth, Math.min(day, lastDay)));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMilliseconds(to) - toUtcMilliseconds(from)) / DAY_IN_MILLISECONDS);
}

/** Whole years from a (possibly partial) date to a day; a year or month counts from its first day. */
export function wholeYearsBetween(from: PartialIsoDate | IsoDate, to: IsoDate): number {
  const [fromYear, fromMonth, fromDay] = splitDate(firstDayOf(from as PartialIsoDate)) as [
    number,
    number,
    number,
  ];
  const [toYear, toMonth, toDay] = splitDate(parseIsoDate(to)) as [number, number, number];
  let years = toYear - fromYear;
  if (toMonth < fromMonth || (toMonth === fromMonth && toDay < fromDay)) years -= 1;
  return years;
}

export function weekdayOf(date: IsoDate): Weekday {
  return new Date(toUtcMilliseconds(date)).getUTCDay() as Weekday;
}

export function yearOf(date: IsoDate | PartialIsoDate): number {
  return Number(date.slice(0, 4));
}

/** Negative when `left` is earlier, 0 on the same day, positive when later; validates both. */
export function compareDates(left: IsoDate, right: IsoDate): number {
  return toUtcMilliseconds(left) - toUtcMilliseconds(right);
}

export function earliest(dates: readonly IsoDate[]): IsoDate | null {
  let found: IsoDate | null = null;
  for (const date of dates) if (found === null || compareDates(date, found) < 0) found = date;
  return found;
}

export function latest(dates: readonly IsoDate[]): IsoDate | null {
  let found: IsoDate | null = null;
  for (const date of dates) if (found === null || compareDates(date, found) > 0) found = date;
  return found;
}

// --- periods -------------------------------------------------------------------------------------

/** Days from `from` through `to`, both included; an open end (null) runs without limit. */
export type DatePeriod = { from: IsoDate | null; to: IsoDate | null };

export function periodContains(period: DatePeriod, date: IsoDate): boolean {
  if (period.from !== null && compareDates(date, period.from) < 0) return false;
  if (period.to !== null && compareDates(date, period.to) > 0) return false;
  return true;
}

/** Days in a closed period, both ends included (1 for a single day). */
export function periodLength(period: { from: IsoDate; to: IsoDate }): number {
  return daysBetween(period.from, period.to) + 1;
}

export function periodsOverlap(left: DatePeriod, right: DatePeriod): boolean {
  const startsAfter = (a: DatePeriod, b: DatePeriod) =>
    a.from !== null && b.to !== null && compareDates(a.from, b.to) > 0;
  return !startsAfter(left, right) && !startsAfter(right, left);
}

/** The calendar year of a day, as a period: what "this year" means in a report. */
export function yearPeriod(year: number): { from: IsoDate; to: IsoDate } {
  const pad = String(year).padStart(4, "0");
  return { from: `${pad}-01-01` as IsoDate, to: `${pad}-12-31` as IsoDate };
}

// --- today in a time zone ------------------------------------------------------------------------

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      calendar: "gregory",
      numberingSystem: "latn",
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** Whether the runtime knows this IANA time zone (Europe/Moscow, Asia/Phnom_Penh, UTC). */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+/-]*$/.test(value)) return false;
  try {
    dayFormat(value);
    return true;
  } catch {
    return false;
  }
}

/** The calendar day a moment falls on in a time zone. */
export function dayIn(timeZone: string, moment: Date | Instant): IsoDate {
  const date = typeof moment === "string" ? new Date(moment) : moment;
  const parts = Object.fromEntries(
    dayFormat(timeZone)
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return parseIsoDate(`${String(parts.year).padStart(4, "0")}-${parts.month}-${parts.day}`);
}

/** Today in the office's time zone: the day every "due today", "overdue" and default date is read against. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  return dayIn(timeZone, now);
}
