/**
 * <input type="datetime-local"> gives "2026-03-01T14:30" in the browser's time zone;
 * the API wants an ISO date-time with an offset.
 */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
