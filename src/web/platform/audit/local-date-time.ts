import { type Instant, instantOf } from "../../../domain/platform/dates.js";

/**
 * <input type="datetime-local"> gives "2026-03-01T14:30", a time on the wall clock of the
 * browser's time zone (where the reader is); the API filters on the moment it names.
 * Undefined when the input is empty or not a time.
 */
export function localInputToInstant(value: string): Instant | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : instantOf(date);
}
