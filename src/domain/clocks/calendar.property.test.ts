import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arrest, calendars, deadlinesOf, header } from "../../../test/support/clocks-fixtures.js";
import { addDays, compareDates, daysBetween, parseIsoDate } from "../platform/dates.js";
import { type Rule, ruleSchema } from "../rules/model.js";

/**
 * Properties over many dates and states: Russia (long New Year holidays), Bangladesh
 * (Friday-Saturday weekend), Germany, the United States (holidays moved to Mondays) and
 * Cambodia (no holiday data).
 */
const STATES = ["RU", "BD", "DE", "US", "KH"] as const;
const state = fc.constantFrom(...STATES);
/** Any day from 2015 to 2035. */
const date = fc.integer({ min: 0, max: 7670 }).map((offset) => addDays(parseIsoDate("2015-01-01"), offset));
const workingDays = fc.integer({ min: 0, max: 90 });

describe("business-day arithmetic", () => {
  it("never lands on a weekend or a public holiday", () => {
    fc.assert(
      fc.property(state, date, fc.integer({ min: 1, max: 90 }), (code, start, days) => {
        const calendar = calendars.forState(code);
        expect(calendar.isWorkingDay(calendar.addBusinessDays(start, days))).toBe(true);
      }),
    );
  });

  it("counts exactly the working days asked for after the start", () => {
    fc.assert(
      fc.property(state, date, workingDays, (code, start, days) => {
        const calendar = calendars.forState(code);
        const end = calendar.addBusinessDays(start, days);
        let counted = 0;
        for (let day = addDays(start, 1); compareDates(day, end) <= 0; day = addDays(day, 1))
          if (calendar.isWorkingDay(day)) counted += 1;
        expect(counted).toBe(days);
      }),
      { numRuns: 50 },
    );
  });

  it("is monotone in the number of days and in the start date", () => {
    fc.assert(
      fc.property(state, date, date, workingDays, workingDays, (code, first, second, fewer, more) => {
        const calendar = calendars.forState(code);
        const [early, late] = compareDates(first, second) <= 0 ? [first, second] : [second, first];
        const [small, large] = fewer <= more ? [fewer, more] : [more, fewer];
        expect(
          compareDates(calendar.addBusinessDays(early, small), calendar.addBusinessDays(early, large)),
        ).toBeLessThanOrEqual(0);
        expect(
          compareDates(calendar.addBusinessDays(early, small), calendar.addBusinessDays(late, small)),
        ).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("gives as the last working day on or before a date a working day, with only days off after it", () => {
    fc.assert(
      fc.property(state, date, (code, day) => {
        const calendar = calendars.forState(code);
        const practical = calendar.workingDayOnOrBefore(day);
        expect(calendar.isWorkingDay(practical)).toBe(true);
        expect(compareDates(practical, day)).toBeLessThanOrEqual(0);
        for (
          let between = addDays(practical, 1);
          compareDates(between, day) <= 0;
          between = addDays(between, 1)
        )
          expect(calendar.isWorkingDay(between)).toBe(false);
      }),
    );
  });
});

describe("calendar-day clocks", () => {
  const clockOf = (days: number): Rule =>
    ruleSchema.parse({
      id: "TEST-N",
      instruments: ["CETS024"],
      article: "art. 16(4)",
      kind: "clock",
      titleEn: "A period of N days",
      titleRu: "Срок в N дней",
      explanationEn: "A test clock.",
      explanationRu: "Тестовый срок.",
      clock: {
        from: "provisional_arrest",
        days,
        dayKind: "calendar",
        consequenceEn: "release the person no later than",
        consequenceRu: "освободить лицо не позднее",
        stoppedBy: ["released"],
        newClockAfter: ["released"],
      },
      source: "test",
      verified: false,
    });

  it("always end the start date plus N days, whatever the holidays, with a practical day on or before", () => {
    fc.assert(
      fc.property(state, date, fc.integer({ min: 1, max: 400 }), (code, start, days) => {
        const [deadline] = deadlinesOf(
          { header: header({ requestedState: code }), legalBasisCodes: ["CETS024"] },
          [arrest(start)],
          start,
          [clockOf(days)],
        );
        expect(deadline?.dueOn).toBe(addDays(start, days));
        expect(daysBetween(start, deadline!.dueOn)).toBe(days);
        expect(deadline!.practicalDueOn).toBe(calendars.forState(code).workingDayOnOrBefore(deadline!.dueOn));
        expect(deadline!.lastDayOff === null).toBe(deadline!.practicalDueOn === deadline!.dueOn);
      }),
      { numRuns: 200 },
    );
  });
});
