/**
 * Calendar dates as ISO strings (YYYY-MM-DD), the form every legal date takes in Comity.
 * A legal date has no time and no time zone: "arrested on 29 January" is the same day in
 * Moscow and in Phnom Penh. The arithmetic therefore runs on UTC midnights, where every day
 * has 24 hours and no daylight-saving change can shift a date.
 */

export type IsoDate = string;

/** Day of the week as JavaScript numbers it: 0 Sunday, 1 Monday, ... 6 Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const DAY_IN_MILLISECONDS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-02-30 over into March; a real date survives the round trip.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toUtcMilliseconds(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`"${date}" is not a date as YYYY-MM-DD`);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtcMilliseconds(milliseconds: number): IsoDate {
  return new Date(milliseconds).toISOString().slice(0, 10);
}

/** The date `days` days later (earlier when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMilliseconds(toUtcMilliseconds(date) + days * DAY_IN_MILLISECONDS);
}

/** Days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMilliseconds(to) - toUtcMilliseconds(from)) / DAY_IN_MILLISECONDS);
}

export function weekdayOf(date: IsoDate): Weekday {
  return new Date(toUtcMilliseconds(date)).getUTCDay() as Weekday;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** ISO dates compare as strings; this names the intent and validates both sides. */
export function compareDates(left: IsoDate, right: IsoDate): number {
  return toUtcMilliseconds(left) - toUtcMilliseconds(right);
}

export const WEEKDAY_NAMES: Record<Weekday, { en: string; ru: string }> = {
  0: { en: "Sunday", ru: "воскресенье" },
  1: { en: "Monday", ru: "понедельник" },
  2: { en: "Tuesday", ru: "вторник" },
  3: { en: "Wednesday", ru: "среда" },
  4: { en: "Thursday", ru: "четверг" },
  5: { en: "Friday", ru: "пятница" },
  6: { en: "Saturday", ru: "суббота" },
};
