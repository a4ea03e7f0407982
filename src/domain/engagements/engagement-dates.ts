import { addDays, addMonths, compareDates, type IsoDate, parseIsoDate } from "../platform/dates.js";
import type { DatePrecision } from "./vocabulary.js";

/**
 * The range of days an engagement covers, from what the sources say: a day or a range
 * of days as given; a month ("January 2021") or a year as the whole of it, whatever day
 * of it was typed. The range is what lists, calendars and filters read; the precision is
 * what the page shows ("January 2021", not "1–31 January 2021").
 */
export function engagementRange(
  startOn: IsoDate,
  endOn: IsoDate | null | undefined,
  precision: DatePrecision,
): { startOn: IsoDate; endOn: IsoDate } {
  if (precision === "year") {
    const year = startOn.slice(0, 4);
    return { startOn: parseIsoDate(`${year}-01-01`), endOn: parseIsoDate(`${year}-12-31`) };
  }
  if (precision === "month") {
    const first = parseIsoDate(`${startOn.slice(0, 7)}-01`);
    return { startOn: first, endOn: addDays(addMonths(first, 1), -1) };
  }
  return { startOn, endOn: endOn && compareDates(endOn, startOn) > 0 ? endOn : startOn };
}
