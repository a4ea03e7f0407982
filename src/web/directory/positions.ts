import type { Person } from "../../domain/directory/schemas.js";
import { type IsoDate, isoDateOrNull, periodContains } from "../../domain/platform/dates.js";

type Position = Person["positions"][number];

/** Held on `date`: started on or before it (or start unknown) and not ended before it. */
export function heldOn(position: Position, date: IsoDate): boolean {
  return periodContains({ from: isoDateOrNull(position.startOn), to: isoDateOrNull(position.endOn) }, date);
}

/** Newest first; a post without an end (still held) before ended ones of the same start. */
export function byRecency(a: Position, b: Position): number {
  const start = (b.startOn ?? "").localeCompare(a.startOn ?? "");
  if (start !== 0) return start;
  return (b.endOn ?? "9999").localeCompare(a.endOn ?? "9999");
}
