import { type IsoDate, isPartialIsoDate, wholeYearsBetween } from "../../domain/platform/dates.js";

/** A party list older than this (in whole years) is flagged as possibly out of date. */
export const STALE_AFTER_YEARS = 1;

/**
 * Whole years from a party list's "as of" date (a day, a month or a year, which counts from
 * its first day) to today; null when there is no date or it cannot be read.
 */
export function partyListAge(asOf: string | null, today: IsoDate): number | null {
  if (!isPartialIsoDate(asOf)) return null;
  return Math.max(0, wholeYearsBetween(asOf, today));
}

export function isStale(asOf: string | null, today: IsoDate): boolean {
  const age = partyListAge(asOf, today);
  return age !== null && age >= STALE_AFTER_YEARS;
}
