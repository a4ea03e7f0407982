import { describe, expect, it } from "vitest";
import {
  type ClockCase,
  day,
  deadlinesOf,
  header,
  measureChange,
  only,
  receipt,
} from "../../../test/support/clocks-fixtures.js";
import type { CaseEventInput } from "../cases/model.js";
import { overdue } from "./compute.js";

/** Poland asks Russia to preserve stored data: an incoming preservation request. */
const preservation: ClockCase = {
  header: header({ kind: "preservation_of_data", requestingState: "PL" }),
  legalBasisCodes: ["CETS185"],
  measures: [
    { id: "preserve-mailbox", kind: "expedited_preservation" },
    { id: "subscriber", kind: "production_of_records" },
  ],
};
const withdrawal: CaseEventInput = {
  type: "withdrawn",
  payload: { on: day("2025-03-01"), reason: "no longer needed" },
};

describe("Budapest Convention art. 29(7): preservation for not less than 60 days", () => {
  it("runs 60 days from the preservation effected (the measure executed), not from the request's receipt", () => {
    const deadlines = deadlinesOf(
      preservation,
      [receipt("2025-02-18"), measureChange("2025-02-21", "preserve-mailbox", "executed")],
      "2025-02-22",
    );
    const sixty = only(deadlines, "B29-7");
    expect(sixty).toMatchObject({
      instrument: "CETS185",
      period: "minimum",
      startedBy: { eventType: "measure_status_changed", sequence: 3, on: "2025-02-21" },
      dueOn: "2025-04-22",
      state: "running",
      verified: true,
    });
    expect(sixty.holidaysInWindow.map((holiday) => holiday.date)).toEqual(["2025-02-23", "2025-03-08"]);
    expect(sixty.derivation.en).toMatch(
      /^Keep the data preserved at least until 2025-04-22: 60 days after execution of the measure on 2025-02-21, CETS 185 \(Budapest Convention\) art\. 29\(7\)\./,
    );
    expect(sixty.derivation.ru).toMatch(
      /^Обеспечивать сохранность данных как минимум до 2025-04-22: 60 дней со дня исполнения меры 2025-02-21, ст\. 29\(7\) Конвенции о киберпреступности \(CETS 185\)\./,
    );
  });

  it("ends elapsed, never overdue: a minimum period is not a missed deadline", () => {
    const deadlines = deadlinesOf(
      preservation,
      [measureChange("2025-02-21", "preserve-mailbox", "executed")],
      "2025-05-01",
    );
    expect(only(deadlines, "B29-7").state).toBe("elapsed");
    expect(only(deadlines, "B29-7").daysLeft).toBeNull();
    expect(only(deadlines, "B29-7").derivation.en).toContain("The minimum period has run.");
    expect(overdue(deadlines, day("2025-05-01"))).toEqual([]);
  });

  it("ends early when the request or the preservation measure is withdrawn", () => {
    const byRequest = only(
      deadlinesOf(
        preservation,
        [measureChange("2025-02-21", "preserve-mailbox", "executed"), withdrawal],
        "2025-03-02",
      ),
      "B29-7",
    );
    expect(byRequest.state).toBe("met");
    expect(byRequest.derivation.en).toContain("Ended: the request was withdrawn on 2025-03-01.");
    const byMeasure = only(
      deadlinesOf(
        preservation,
        [
          measureChange("2025-02-21", "preserve-mailbox", "executed"),
          measureChange("2025-03-03", "subscriber", "withdrawn"),
          measureChange("2025-03-04", "preserve-mailbox", "withdrawn"),
        ],
        "2025-03-05",
      ),
      "B29-7",
    );
    expect(byMeasure.stoppedBy).toMatchObject({ eventType: "measure_status_changed", on: "2025-03-04" });
  });

  it("does not start for other measures, for a measure still in progress, or outside a preservation case", () => {
    expect(
      deadlinesOf(
        preservation,
        [
          measureChange("2025-02-21", "subscriber", "executed"),
          measureChange("2025-02-21", "preserve-mailbox", "in_progress"),
        ],
        "2025-02-22",
      ),
    ).toEqual([]);
    expect(
      deadlinesOf(
        { ...preservation, header: header({ kind: "mla", requestingState: "PL" }) },
        [measureChange("2025-02-21", "preserve-mailbox", "executed")],
        "2025-02-22",
      ),
    ).toEqual([]);
  });

  it("for an outgoing request tells us to send the follow-up request within the 60 days abroad", () => {
    const outgoing: ClockCase = {
      ...preservation,
      header: header({
        kind: "preservation_of_data",
        direction: "outgoing",
        requestingState: "RU",
        requestedState: "PL",
      }),
    };
    const sixty = only(
      deadlinesOf(outgoing, [measureChange("2025-02-21", "preserve-mailbox", "executed")], "2025-02-22"),
      "B29-7-out",
    );
    // 21 April 2025 is Easter Monday in Poland, 22 April a working day.
    expect(sixty).toMatchObject({ calendarState: "PL", dueOn: "2025-04-22", practicalDueOn: "2025-04-22" });
    expect(sixty.holidaysInWindow.map((holiday) => holiday.date)).toContain("2025-04-21");
    expect(sixty.derivation.en).toMatch(
      /^Send the request for search, seizure or disclosure of the preserved data before/,
    );
  });
});
