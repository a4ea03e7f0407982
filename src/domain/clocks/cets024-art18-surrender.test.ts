import { describe, expect, it } from "vitest";
import {
  type ClockCase,
  deadlinesOf,
  header,
  only,
  release,
  surrender,
  surrenderDate,
} from "../../../test/support/clocks-fixtures.js";

const incoming: ClockCase = { header: header(), legalBasisCodes: ["CETS024"] };

describe("CETS 024 art. 18(4): 15 and 30 days after the date set for surrender", () => {
  it("counts from the date set for surrender, not from the day it was set", () => {
    const deadlines = deadlinesOf(incoming, [surrenderDate("2025-02-20", "2025-03-10")], "2025-03-01");
    expect(deadlines.map((deadline) => deadline.ruleId)).toEqual(["E24-18-15d", "E24-18-30d"]);
    const fifteen = only(deadlines, "E24-18-15d");
    expect(fifteen).toMatchObject({
      startedBy: { eventType: "surrender_date_set", on: "2025-02-20" },
      startsOn: "2025-03-10",
      dueOn: "2025-03-25",
      state: "running",
    });
    expect(fifteen.derivation.en).toMatch(
      /^If not taken over, the person may be released after 2025-03-25: 15 days after the date set for surrender, 2025-03-10, CETS 024 art\. 18\(4\)\./,
    );
    expect(fifteen.derivation.ru).toMatch(
      /^Если лицо не принято, оно может быть освобождено после 2025-03-25: 15 дней с даты передачи, назначенной на 2025-03-10, ст\. 18\(4\) Европейской конвенции о выдаче \(CETS 024\)\./,
    );
    expect(only(deadlines, "E24-18-30d").dueOn).toBe("2025-04-09");
  });

  it("is met by the surrender, even a few days before the date set", () => {
    const deadlines = deadlinesOf(
      incoming,
      [surrenderDate("2025-02-20", "2025-03-10"), surrender("2025-03-07")],
      "2025-03-08",
    );
    expect(deadlines.map((deadline) => deadline.state)).toEqual(["met", "met"]);
  });

  it("is overdue when the person has been neither taken over nor released after 30 days", () => {
    const thirty = only(
      deadlinesOf(incoming, [surrenderDate("2025-02-20", "2025-03-10")], "2025-04-10"),
      "E24-18-30d",
    );
    expect(thirty.state).toBe("overdue");
    const fifteenThenReleased = only(
      deadlinesOf(incoming, [surrenderDate("2025-02-20", "2025-03-10"), release("2025-03-28")], "2025-04-10"),
      "E24-18-15d",
    );
    expect(fifteenThenReleased.state).toBe("missed");
  });

  it("takes a new date agreed after force majeure (art. 18(5)) in place of the first one", () => {
    const deadlines = deadlinesOf(
      incoming,
      [surrenderDate("2025-02-20", "2025-03-10"), surrenderDate("2025-03-05", "2025-03-20")],
      "2025-03-21",
    );
    expect(deadlines.map((deadline) => [deadline.ruleId, deadline.dueOn, deadline.practicalDueOn])).toEqual([
      ["E24-18-15d", "2025-04-04", "2025-04-04"],
      ["E24-18-30d", "2025-04-19", "2025-04-18"],
    ]);
    expect(only(deadlines, "E24-18-15d").corrects).toEqual([{ sequence: 2, on: "2025-03-10" }]);
  });

  it("applies to outgoing requests too, in the requested state's calendar", () => {
    const outgoing: ClockCase = {
      header: header({ direction: "outgoing", requestingState: "RU", requestedState: "FR" }),
      legalBasisCodes: ["CETS024"],
    };
    const fifteen = only(
      deadlinesOf(outgoing, [surrenderDate("2025-04-20", "2025-04-23")], "2025-04-24"),
      "E24-18-15d",
    );
    // 8 May is Victory in Europe Day in France: the last day is a holiday there, not in Russia.
    expect(fifteen).toMatchObject({ calendarState: "FR", dueOn: "2025-05-08", practicalDueOn: "2025-05-07" });
  });
});
