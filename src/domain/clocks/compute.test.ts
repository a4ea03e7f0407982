import { describe, expect, it } from "vitest";
import {
  arrest,
  type ClockCase,
  calendars,
  clockRules,
  day,
  deadlinesOf,
  header,
  only,
  receipt,
  stream,
  surrenderDate,
} from "../../../test/support/clocks-fixtures.js";
import type { IsoDate } from "../platform/dates.js";
import { type Rule, ruleSchema } from "../rules/model.js";
import { computeDeadlines, dueSoon, overdue, remindersFor } from "./compute.js";

const incoming: ClockCase = { header: header(), legalBasisCodes: ["CETS024", "CETS209"] };

/** A business-day clock for the arithmetic: no treaty period in the rule files counts working days. */
const fiveWorkingDays: Rule = ruleSchema.parse({
  id: "TEST-5WD",
  instruments: ["CETS024"],
  article: "art. 99",
  kind: "clock",
  titleEn: "Answer within five working days",
  titleRu: "Ответ в течение пяти рабочих дней",
  explanationEn: "A test clock.",
  explanationRu: "Тестовый срок.",
  clock: {
    from: "received",
    days: 5,
    dayKind: "business",
    calendarOf: "requesting",
    consequenceEn: "answer no later than",
    consequenceRu: "ответить не позднее",
    stoppedBy: ["decided"],
  },
  source: "test",
  verified: false,
});

describe("computeDeadlines", () => {
  it("counts working days of the calendar state, skipping Russia's New Year holidays", () => {
    const russianRequest: ClockCase = {
      header: header({ requestingState: "RU", requestedState: "DE" }),
      legalBasisCodes: ["CETS024"],
    };
    const answer = only(
      deadlinesOf(russianRequest, [receipt("2024-12-27")], "2024-12-28", [fiveWorkingDays]),
      "TEST-5WD",
    );
    expect(answer).toMatchObject({
      calendarState: "RU",
      dayKind: "business",
      dueOn: "2025-01-13",
      practicalDueOn: "2025-01-13",
    });
    expect(answer.derivation.en).toMatch(
      /^Answer no later than 2025-01-13: 5 working days in RU after receipt of the request on 2024-12-27, CETS 024 art\. 99\. Weekends and these public holidays in RU are not counted: 2025-01-01 New Year's Day/,
    );
    expect(answer.derivation.ru).toMatch(
      /^Ответить не позднее 2025-01-13: 5 рабочих дней \(RU\) со дня получения запроса 2024-12-27/,
    );
  });

  it("is a pure function of its inputs: the same events in another order give the same deadlines", () => {
    const events = stream([
      arrest("2025-01-29"),
      receipt("2025-02-10"),
      surrenderDate("2025-04-01", "2025-04-10"),
    ]);
    const input = {
      header: header(),
      legalBasisCodes: ["CETS024", "CETS209"],
      rules: clockRules,
      today: day("2025-04-02"),
      calendars,
    };
    const forward = computeDeadlines({ ...input, events });
    expect(computeDeadlines({ ...input, events: [...events].reverse() })).toEqual(forward);
    expect(forward.map((deadline) => deadline.ruleId)).toEqual([
      "CETS209-6",
      "E24-16-18d",
      "E24-16-40d",
      "E24-18-15d",
      "E24-18-30d",
    ]);
  });

  it("refuses a clock rule it cannot run, and a date that is not one", () => {
    const bad = { ...clockRules[0]!, appliesWhen: { facts: ["political" as const] } };
    const input = {
      header: header(),
      events: stream([]),
      legalBasisCodes: ["CETS024"],
      today: day("2025-01-01"),
      calendars,
    };
    expect(() => computeDeadlines({ ...input, rules: [bad] })).toThrow(/E24-16-18d appliesWhen.facts/);
    // A day that skipped validation (JSON read without its schema) still meets the engine's own check.
    const unchecked: IsoDate = JSON.parse('"2025-13-01"');
    expect(() => computeDeadlines({ ...input, rules: clockRules, today: unchecked })).toThrow(RangeError);
  });

  it("ignores rules that are not clocks", () => {
    const refusal = ruleSchema.parse({
      id: "E24-3.1",
      instruments: ["CETS024"],
      article: "art. 3(1)",
      kind: "mandatory_refusal",
      ground: "political_offence",
      titleEn: "Political offence",
      titleRu: "Политическое преступление",
      explanationEn: "x",
      explanationRu: "x",
      source: "test",
      verified: true,
    });
    expect(deadlinesOf(incoming, [arrest("2025-01-29")], "2025-01-30", [refusal])).toEqual([]);
  });
});

describe("dueSoon, overdue and remindersFor", () => {
  const deadlines = deadlinesOf(incoming, [arrest("2025-01-29")], "2025-02-06");

  it("lists running clocks whose day to act by is near, soonest first", () => {
    expect(dueSoon(deadlines, day("2025-02-06"), 2).map((deadline) => deadline.ruleId)).toEqual([
      "CETS209-6",
    ]);
    expect(dueSoon(deadlines, day("2025-02-06"), 10).map((deadline) => deadline.ruleId)).toEqual([
      "CETS209-6",
      "E24-16-18d",
    ]);
    // Saturday 8 February: the practical day (Friday) has passed but the legal last day has not.
    expect(dueSoon(deadlines, day("2025-02-08"), 0).map((deadline) => deadline.ruleId)).toEqual([
      "CETS209-6",
    ]);
    expect(dueSoon(deadlines, day("2025-02-09"), 0)).toEqual([]);
  });

  it("lists clocks past their last day with nothing to stop them", () => {
    expect(overdue(deadlines, day("2025-02-08"))).toEqual([]);
    expect(overdue(deadlines, day("2025-02-17")).map((deadline) => deadline.ruleId)).toEqual([
      "CETS209-6",
      "E24-16-18d",
    ]);
    const met = deadlinesOf(incoming, [arrest("2025-01-29"), receipt("2025-02-03")], "2025-02-04");
    expect(overdue(met, day("2025-02-17")).map((deadline) => deadline.ruleId)).toEqual(["CETS209-6"]);
  });

  it("gives the reminder days before the practical last day, none before the start, none once stopped", () => {
    expect(remindersFor(only(deadlines, "E24-16-40d"))).toEqual([
      { on: "2025-02-28", daysBefore: 10 },
      { on: "2025-03-05", daysBefore: 5 },
      { on: "2025-03-07", daysBefore: 3 },
      { on: "2025-03-09", daysBefore: 1 },
    ]);
    // 10 days, practical day Friday 7 February: reminders on 2, 5 and 6 February.
    expect(remindersFor(only(deadlines, "CETS209-6")).map((reminder) => reminder.on)).toEqual([
      "2025-02-02",
      "2025-02-05",
      "2025-02-06",
    ]);
    const shortClock = deadlinesOf(incoming, [arrest("2025-02-05")], "2025-02-06");
    expect(remindersFor({ ...only(shortClock, "CETS209-6"), remindDaysBefore: [30, 1] })).toEqual([
      { on: "2025-02-13", daysBefore: 1 },
    ]);
    const met = deadlinesOf(incoming, [arrest("2025-01-29"), receipt("2025-02-03")], "2025-02-04");
    expect(remindersFor(only(met, "E24-16-40d"))).toEqual([]);
  });
});
