/** Today in the browser's calendar, as the API's dates are written: "2026-03-01". */
export function todayIso(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/**
 * Whole years between a (possibly partial) "as of" date and `today`; a year-only date
 * ("2006") counts from its first day. Null when the date cannot be read.
 */
export function ageInYears(asOf: string, today: string): number | null {
  const from = DATE.exec(asOf);
  const to = DATE.exec(today);
  if (!from || !to) return null;
  const [fy, fm, fd] = [Number(from[1]), Number(from[2] ?? "1"), Number(from[3] ?? "1")];
  const [ty, tm, td] = [Number(to[1]), Number(to[2] ?? "1"), Number(to[3] ?? "1")];
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return Math.max(0, years);
}

/** A party list older than this (in whole years) is flagged as possibly out of date. */
export const STALE_AFTER_YEARS = 1;

export function isStale(asOf: string | null, today: string): boolean {
  if (!asOf) return false;
  const age = ageInYears(asOf, today);
  return age !== null && age >= STALE_AFTER_YEARS;
}
