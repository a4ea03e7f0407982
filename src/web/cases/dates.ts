import { todayIso } from "../registry/dates.js";

export { isIsoDate, todayIso } from "../registry/dates.js";

const DAY = 86_400_000;

/** Whole calendar days from `from` to `to` (both "YYYY-MM-DD"), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** Days left until a due date, counted from today in the browser's calendar. */
export function daysLeftUntil(dueOn: string, today: string = todayIso()): number {
  return daysBetween(today, dueOn);
}
