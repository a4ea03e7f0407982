import { describe, expect, it } from "vitest";
import { calendars, day } from "../../../test/support/clocks-fixtures.js";
import { addDays, daysBetween, type IsoDate, isIsoDate, weekdayOf } from "../platform/dates.js";
import { createHolidayCalendars } from "./calendar.js";

describe("dates", () => {
  it("adds days across months, leap days and years", () => {
    expect(addDays(day("2024-12-28"), 18)).toBe("2025-01-15");
    expect(addDays(day("2024-02-28"), 1)).toBe("2024-02-29");
    expect(addDays(day("2025-01-29"), 40)).toBe("2025-03-10");
    expect(addDays(day("2025-03-10"), -40)).toBe("2025-01-29");
    expect(daysBetween(day("2025-01-29"), day("2025-03-10"))).toBe(40);
    expect(weekdayOf(day("2025-03-16"))).toBe(0);
  });

  it("refuses what is not a real date", () => {
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("29.01.2025")).toBe(false);
    // A day that skipped validation (JSON read without its schema) is still refused.
    const unchecked: IsoDate = JSON.parse('"2025-02-30"');
    expect(() => addDays(unchecked, 1)).toThrow(RangeError);
  });
});

describe("holiday calendars (date-holidays, public holidays only)", () => {
  it("knows Russia's New Year holidays, 1 to 8 January, with English and Russian names", () => {
    const russia = calendars.forState("RU");
    expect(russia.holidaysKnown).toBe(true);
    const january = russia.holidaysBetween(day("2024-12-31"), day("2025-01-09"));
    expect(january.map((holiday) => holiday.date)).toEqual([
      "2025-01-01",
      "2025-01-02",
      "2025-01-03",
      "2025-01-04",
      "2025-01-05",
      "2025-01-06",
      "2025-01-07",
      "2025-01-08",
    ]);
    expect(russia.holidaysOn(day("2025-01-07"))).toEqual([
      { date: "2025-01-07", name: { en: "Christmas Day", ru: "Рождество Христово" } },
    ]);
    expect(russia.holidaysOn(day("2025-01-03"))[0]?.name).toEqual({
      en: "New Year Holiday",
      ru: "Новогодние каникулы",
    });
    expect(russia.isWorkingDay(day("2025-01-09"))).toBe(true);
    expect(russia.holidaysOn(day("2025-05-09"))[0]?.name.ru).toBe("День Победы");
  });

  it("says when it knows no holidays: date-holidays 3.37 does not cover Cambodia", () => {
    const cambodia = calendars.forState("KH");
    expect(cambodia.holidaysKnown).toBe(false);
    expect(cambodia.holidaysBetween(day("2025-01-01"), day("2025-12-31"))).toEqual([]);
    // Only the assumed weekend is left: Cambodia's own holidays (Khmer New Year in April) are unknown.
    expect(cambodia.weekendSource).toBe("assumed");
    expect(cambodia.isWorkingDay(day("2025-04-14"))).toBe(true);
    expect(cambodia.isWorkingDay(day("2025-04-12"))).toBe(false);
  });

  it("takes the weekend from date-holidays where it gives one (Bangladesh: Friday and Saturday)", () => {
    const bangladesh = calendars.forState("BD");
    expect(bangladesh.weekendSource).toBe("date-holidays");
    expect(bangladesh.weekend).toEqual([5, 6]);
    expect(bangladesh.isWorkingDay(day("2025-01-03"))).toBe(false);
    expect(bangladesh.isWorkingDay(day("2025-01-05"))).toBe(true);
    expect(bangladesh.workingDayOnOrBefore(day("2025-01-04"))).toBe("2025-01-02");
    expect(calendars.forState("RU").weekendSource).toBe("assumed");
  });

  it("describes a day off as weekend, holiday or both", () => {
    const russia = calendars.forState("RU");
    expect(russia.dayOff(day("2025-03-10"))).toBeNull();
    expect(russia.dayOff(day("2025-03-16"))).toEqual({ date: "2025-03-16", weekend: true, holidays: [] });
    expect(russia.dayOff(day("2025-03-08"))).toMatchObject({
      weekend: true,
      holidays: [{ date: "2025-03-08" }],
    });
    expect(russia.dayOff(day("2025-05-09"))).toMatchObject({
      weekend: false,
      holidays: [{ date: "2025-05-09" }],
    });
  });

  it("gives the last working day on or before a date", () => {
    const russia = calendars.forState("RU");
    expect(russia.workingDayOnOrBefore(day("2025-03-10"))).toBe("2025-03-10");
    expect(russia.workingDayOnOrBefore(day("2025-03-16"))).toBe("2025-03-14");
    expect(russia.workingDayOnOrBefore(day("2025-05-09"))).toBe("2025-05-08");
    // 1 to 8 January and the weekend before: back to Tuesday 31 December.
    expect(russia.workingDayOnOrBefore(day("2025-01-08"))).toBe("2024-12-31");
  });

  it("counts business days past weekends and holidays, not counting the first day", () => {
    const russia = calendars.forState("RU");
    expect(russia.addBusinessDays(day("2024-12-27"), 0)).toBe("2024-12-27");
    expect(russia.addBusinessDays(day("2024-12-27"), 1)).toBe("2024-12-30");
    expect(russia.addBusinessDays(day("2024-12-27"), 5)).toBe("2025-01-13");
    expect(() => russia.addBusinessDays(day("2024-12-27"), -1)).toThrow(RangeError);
    expect(() => russia.addBusinessDays(day("2024-12-27"), 1.5)).toThrow(RangeError);
  });

  it("keeps a multi-day holiday that runs into the next year (Eswatini's Incwala from 28 December)", () => {
    const eswatini = calendars.forState("SZ");
    expect(eswatini.holidaysOn(day("2025-01-02")).map((holiday) => holiday.name.en)).toContain(
      "Incwala Festival",
    );
    expect(eswatini.holidaysOn(day("2025-01-03")).map((holiday) => holiday.name.en)).not.toContain(
      "Incwala Festival",
    );
  });

  it("leaves the morning of a half-day holiday a working day (Iceland, 24 December from 13:00)", () => {
    const iceland = calendars.forState("IS");
    expect(iceland.isWorkingDay(day("2025-12-24"))).toBe(true);
    expect(iceland.isWorkingDay(day("2025-12-25"))).toBe(false);
  });

  it("applies decreed changes: Russia's day off on 31 December 2024 and the Saturday worked on 28 December", () => {
    const adjusted = createHolidayCalendars({
      RU: {
        extraDaysOff: [
          { date: day("2024-12-31"), name: { en: "Day off (transferred)", ru: "Выходной (перенос)" } },
        ],
        extraWorkingDays: [day("2024-12-28")],
      },
    }).forState("RU");
    expect(adjusted.isWorkingDay(day("2024-12-31"))).toBe(false);
    expect(adjusted.isWorkingDay(day("2024-12-28"))).toBe(true);
    expect(adjusted.addBusinessDays(day("2024-12-27"), 1)).toBe("2024-12-28");
    expect(adjusted.workingDayOnOrBefore(day("2025-01-08"))).toBe("2024-12-30");
    // The shared calendars are not touched by another set's adjustments.
    expect(calendars.forState("RU").isWorkingDay(day("2024-12-31"))).toBe(true);
  });

  it("takes a Friday weekend from the adjustments where date-holidays has none (Saudi Arabia)", () => {
    const saudiArabia = createHolidayCalendars({ SA: { weekend: [5, 6] } }).forState("SA");
    expect(saudiArabia.weekendSource).toBe("adjustment");
    expect(saudiArabia.isWorkingDay(day("2025-01-05"))).toBe(true);
    expect(saudiArabia.isWorkingDay(day("2025-01-03"))).toBe(false);
  });

  it("keeps one calendar per state, and refuses what is not an ISO 3166-1 alpha-2 code", () => {
    expect(calendars.forState("RU")).toBe(calendars.forState("RU"));
    expect(() => calendars.forState("RUS")).toThrow(RangeError);
    // Adjustments that skipped validation (JSON read without a schema): an impossible day is refused, not skipped.
    const adjustments = JSON.parse('{ "RU": { "extraWorkingDays": ["2024-13-01"] } }');
    expect(() => createHolidayCalendars(adjustments).forState("RU")).toThrow(RangeError);
  });
});
