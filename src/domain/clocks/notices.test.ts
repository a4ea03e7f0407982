import { describe, expect, it } from "vitest";
import {
  arrest,
  type ClockCase,
  day,
  deadlinesOf,
  header,
  measureChange,
  receipt,
} from "../../../test/support/clocks-fixtures.js";
import { type DeadlineNotice, deadlineNotices, noticeKey, reminderHorizonDays } from "./notices.js";

const incoming: ClockCase = { header: header(), legalBasisCodes: ["CETS024", "CETS209"] };
// Arrest on 29 January 2025: CETS 209 art. 6 ends on Saturday 8 February (act by Friday 7),
// the 18 days on Sunday 16 February (act by Friday 14), the 40 days on 10 March.
const deadlines = deadlinesOf(incoming, [arrest("2025-01-29")], "2025-01-29");

const summary = (notices: DeadlineNotice[]) =>
  notices.map((notice) =>
    notice.kind === "deadline_reminder"
      ? `${notice.deadline.ruleId} reminder ${notice.remindOn} (${notice.daysBefore})`
      : `${notice.deadline.ruleId} overdue ${notice.deadline.dueOn}`,
  );

describe("deadlineNotices", () => {
  it("gives nothing before the first reminder day", () => {
    expect(deadlineNotices(deadlines, day("2025-01-30"))).toEqual([]);
  });

  it("gives the reminder of the day", () => {
    expect(summary(deadlineNotices(deadlines, day("2025-02-06")))).toEqual([
      "CETS209-6 reminder 2025-02-06 (1)",
    ]);
  });

  it("gives only the latest reminder that has come, not one per day missed", () => {
    // 18 days: reminders on 7, 11 and 13 February; on the 12th only the 11th's is due.
    expect(summary(deadlineNotices(deadlines, day("2025-02-12")))).toEqual([
      "CETS209-6 overdue 2025-02-08",
      "E24-16-18d reminder 2025-02-11 (3)",
    ]);
  });

  it("keeps the last reminder due between the practical and the legal last day, then turns overdue", () => {
    // Saturday 15 February: the day to act by has passed, the legal last day has not.
    expect(summary(deadlineNotices(deadlines, day("2025-02-15")))).toContain(
      "E24-16-18d reminder 2025-02-13 (1)",
    );
    expect(summary(deadlineNotices(deadlines, day("2025-02-17")))).toContain("E24-16-18d overdue 2025-02-16");
  });

  it("gives nothing for a stopped clock", () => {
    const met = deadlinesOf(incoming, [arrest("2025-01-29"), receipt("2025-02-03")], "2025-02-04");
    expect(summary(deadlineNotices(met, day("2025-03-09")))).toEqual(["CETS209-6 overdue 2025-02-08"]);
  });

  it("never calls a minimum period overdue", () => {
    const preservation: ClockCase = {
      header: header({ kind: "preservation_of_data", requestingState: "PL" }),
      legalBasisCodes: ["CETS185"],
      measures: [{ id: "preserve-mailbox", kind: "expedited_preservation" }],
    };
    // At least 60 days from 21 February: until 22 April, reminders on 8, 15 and 19 April.
    const preserved = deadlinesOf(
      preservation,
      [measureChange("2025-02-21", "preserve-mailbox", "executed")],
      "2025-02-22",
    );
    expect(preserved.map((deadline) => deadline.period)).toEqual(["minimum"]);
    expect(summary(deadlineNotices(preserved, day("2025-04-16")))).toEqual(["B29-7 reminder 2025-04-15 (7)"]);
    expect(deadlineNotices(preserved, day("2025-06-01"))).toEqual([]);
  });
});

describe("noticeKey", () => {
  it("is the same for the same reminder day and differs from day to day", () => {
    const first = deadlineNotices(deadlines, day("2025-02-06"))[0]!;
    const again = deadlineNotices(deadlines, day("2025-02-06"))[0]!;
    expect(noticeKey("case-1", first)).toBe(noticeKey("case-1", again));
    expect(noticeKey("case-1", first)).toBe(`deadline_reminder:case-1:${first.deadline.key}:2025-02-06`);
    const next = deadlineNotices(deadlines, day("2025-02-09")).find(
      (notice) => notice.deadline.key === first.deadline.key,
    )!;
    expect(noticeKey("case-1", next)).toBe(`deadline_overdue:case-1:${first.deadline.key}:2025-02-08`);
    expect(noticeKey("case-2", first)).not.toBe(noticeKey("case-1", first));
  });
});

describe("reminderHorizonDays", () => {
  it("covers the longest reminder period and a month of days off before the last day", () => {
    expect(reminderHorizonDays([10, 5, 14, 3])).toBe(45);
    expect(reminderHorizonDays([])).toBe(31);
  });
});
