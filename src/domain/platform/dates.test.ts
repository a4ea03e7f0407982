import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  dayIn,
  daysBetween,
  earliest,
  firstDayOf,
  type IsoDate,
  instantOf,
  isInstant,
  isIsoDate,
  isoDateOrNull,
  isoDateSchema,
  isPartialIsoDate,
  isTimeZone,
  latest,
  parseInstant,
  parseIsoDate,
  parsePartialIsoDate,
  partialIsoDateSchema,
  periodContains,
  periodLength,
  periodsOverlap,
  todayIn,
  weekdayOf,
  wholeYearsBetween,
  yearPeriod,
} from "./dates.js";

const day = parseIsoDate;
/** Any real day from year 1 to 9999, as a date and as its ISO string. */
const anyDay = fc
  .date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => day(date.toISOString().slice(0, 10)));

describe("parsing days", () => {
  it("accepts real days and refuses impossible ones", () => {
    for (const value of ["2025-01-29", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])
      expect(isIsoDate(value), value).toBe(true);
    for (const value of [
      "2025-02-30",
      "2025-02-29",
      "1900-02-29",
      "2025-13-01",
      "2025-00-10",
      "2025-04-31",
      "2025-01-00",
      "2025-1-9",
      "25-01-09",
      "2025-01-29T00:00:00Z",
      " 2025-01-29",
      "",
    ])
      expect(isIsoDate(value), value).toBe(false);
    expect(isIsoDate(20250129)).toBe(false);
    expect(() => parseIsoDate("2025-02-30")).toThrow(/2025-02-30/);
    expect(isoDateOrNull("2025-02-30")).toBeNull();
    expect(isoDateOrNull(undefined)).toBeNull();
  });

  it("agrees with the schema on every string of the date's shape", () => {
    const shaped = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(
        ([year, month, date]) =>
          `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`,
      );
    fc.assert(
      fc.property(shaped, (value) => {
        expect(isIsoDate(value)).toBe(isoDateSchema.safeParse(value).success);
      }),
      { numRuns: 5000 },
    );
  });

  it("reads partial dates of a year, a month or a day", () => {
    for (const value of ["2006", "2006-05", "2006-05-17"]) expect(isPartialIsoDate(value), value).toBe(true);
    for (const value of ["2006-13", "2006-00", "2006-02-30", "06", "2006-5"])
      expect(isPartialIsoDate(value), value).toBe(false);
    expect(partialIsoDateSchema.safeParse("2006-02-30").success).toBe(false);
    expect(firstDayOf(parsePartialIsoDate("2006"))).toBe("2006-01-01");
    expect(firstDayOf(parsePartialIsoDate("2006-05"))).toBe("2006-05-01");
    expect(firstDayOf(parsePartialIsoDate("2006-05-17"))).toBe("2006-05-17");
  });

  it("reads instants in UTC and writes a Date as one", () => {
    expect(isInstant("2025-01-29T09:30:00.000Z")).toBe(true);
    expect(isInstant("2025-01-29T09:30:00Z")).toBe(true);
    expect(isInstant("2025-01-29T09:30:00+03:00")).toBe(false);
    expect(isInstant("2025-02-30T09:30:00Z")).toBe(false);
    expect(() => parseInstant("yesterday")).toThrow(RangeError);
    expect(instantOf(new Date(Date.UTC(2025, 0, 29, 9, 30)))).toBe("2025-01-29T09:30:00.000Z");
    expect(() => instantOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("arithmetic on days", () => {
  it("adds and counts days across months, leap days and years", () => {
    expect(addDays(day("2025-01-29"), 40)).toBe("2025-03-10");
    expect(addDays(day("2024-02-28"), 1)).toBe("2024-02-29");
    expect(addDays(day("2025-12-31"), 1)).toBe("2026-01-01");
    expect(addDays(day("0001-01-01"), 0)).toBe("0001-01-01");
    expect(daysBetween(day("2025-01-29"), day("2025-03-10"))).toBe(40);
    expect(daysBetween(day("2025-03-10"), day("2025-01-29"))).toBe(-40);
    // A day that skipped validation (JSON read without its schema) is still refused.
    const unchecked: IsoDate = JSON.parse('"2025-02-30"');
    expect(() => addDays(unchecked, 1)).toThrow(RangeError);
  });

  it("adding days and counting them are inverse, and order agrees with comparison", () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -3000, max: 3000 }), (start, days) => {
        const end = addDays(start, days);
        if (!isIsoDate(end)) return; // beyond year 9999 or before year 1
        expect(daysBetween(start, end)).toBe(days);
        expect(Math.sign(compareDates(start, end)) === Math.sign(-days) || days === 0).toBe(true);
        expect(compareDates(start, end) < 0).toBe(start < end);
      }),
    );
  });

  it("adds months and years, keeping the day or the month's last day", () => {
    expect(addMonths(day("2025-01-31"), 1)).toBe("2025-02-28");
    expect(addMonths(day("2024-01-31"), 1)).toBe("2024-02-29");
    expect(addMonths(day("2025-03-31"), -1)).toBe("2025-02-28");
    expect(addMonths(day("2025-11-15"), 3)).toBe("2026-02-15");
    expect(addMonths(day("2025-01-15"), -13)).toBe("2023-12-15");
    expect(addYears(day("2024-02-29"), 1)).toBe("2025-02-28");
    expect(addYears(day("2023-03-23"), 2)).toBe("2025-03-23");
  });

  it("counts whole years from a day, a month or a year", () => {
    expect(wholeYearsBetween(day("2006-05-17"), day("2026-05-16"))).toBe(19);
    expect(wholeYearsBetween(day("2006-05-17"), day("2026-05-17"))).toBe(20);
    expect(wholeYearsBetween(parsePartialIsoDate("2006"), day("2026-01-01"))).toBe(20);
    expect(wholeYearsBetween(parsePartialIsoDate("2025-12"), day("2026-11-30"))).toBe(0);
  });

  it("names weekdays and finds the earliest and latest day", () => {
    expect(weekdayOf(day("2025-01-29"))).toBe(3);
    expect(weekdayOf(day("2025-02-02"))).toBe(0);
    const days = [day("2025-03-01"), day("2024-12-31"), day("2025-01-15")];
    expect(earliest(days)).toBe("2024-12-31");
    expect(latest(days)).toBe("2025-03-01");
    expect(earliest([])).toBeNull();
  });
});

describe("periods", () => {
  it("contain their ends, and open ends run without limit", () => {
    const period = { from: day("2025-01-01"), to: day("2025-01-31") };
    expect(periodContains(period, day("2025-01-01"))).toBe(true);
    expect(periodContains(period, day("2025-01-31"))).toBe(true);
    expect(periodContains(period, day("2025-02-01"))).toBe(false);
    expect(periodContains({ from: null, to: day("2025-01-31") }, day("1990-01-01"))).toBe(true);
    expect(periodContains({ from: day("2025-01-01"), to: null }, day("2099-01-01"))).toBe(true);
    expect(periodLength(period)).toBe(31);
    expect(periodLength({ from: day("2025-05-26"), to: day("2025-05-26") })).toBe(1);
  });

  it("overlap when they share a day", () => {
    const may = { from: day("2025-05-01"), to: day("2025-05-31") };
    expect(periodsOverlap(may, { from: day("2025-05-31"), to: day("2025-06-02") })).toBe(true);
    expect(periodsOverlap(may, { from: day("2025-06-01"), to: null })).toBe(false);
    expect(periodsOverlap(may, { from: null, to: null })).toBe(true);
    expect(yearPeriod(2025)).toEqual({ from: "2025-01-01", to: "2025-12-31" });
  });
});

describe("today in the office's time zone", () => {
  // 22:30 UTC on 31 December is already New Year's Day in Moscow and still 31 December in New York.
  const lateEvening = new Date(Date.UTC(2025, 11, 31, 22, 30));

  it("is the day of the zone, not of UTC or of the machine", () => {
    expect(todayIn("UTC", lateEvening)).toBe("2025-12-31");
    expect(todayIn("Europe/Moscow", lateEvening)).toBe("2026-01-01");
    expect(todayIn("Asia/Phnom_Penh", lateEvening)).toBe("2026-01-01");
    expect(todayIn("America/New_York", lateEvening)).toBe("2025-12-31");
    expect(dayIn("Europe/Moscow", instantOf(lateEvening))).toBe("2026-01-01");
  });

  it("knows the IANA zones and refuses others", () => {
    expect(isTimeZone("Europe/Moscow")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("Europe/Moscow; DROP")).toBe(false);
  });

  it("agrees with UTC's date in the UTC zone for any moment", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1900-01-01T00:00:00Z"),
          max: new Date("2200-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        (moment) => {
          expect(todayIn("UTC", moment)).toBe(moment.toISOString().slice(0, 10));
        },
      ),
    );
  });

  it("gives branded days the schemas accept", () => {
    expect(z.array(isoDateSchema).parse([todayIn("Europe/Moscow")])).toHaveLength(1);
  });
});
