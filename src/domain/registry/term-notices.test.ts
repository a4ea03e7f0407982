import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, parseIsoDate } from "../platform/dates.js";
import {
  TERM_EXPIRED_LOOKBACK_DAYS,
  type TermInstrument,
  termEndOf,
  termNoticeKey,
  termNotices,
  termWindow,
} from "./term-notices.js";
import { TERM_REMINDER_DAYS } from "./vocabulary.js";

const day = parseIsoDate;

/** The seed scenario's kind of programme: adopted in March 2023 for 24 months, no end recorded. */
const programme: TermInstrument = {
  id: "programme",
  termStart: day("2023-03-15"),
  termEnd: null,
  durationMonths: 24,
};

describe("termEndOf", () => {
  it("reads the recorded end, else the start plus the duration", () => {
    expect(termEndOf(programme)).toBe("2025-03-15");
    expect(termEndOf({ ...programme, termEnd: day("2024-12-31") })).toBe("2024-12-31");
    expect(termEndOf({ termStart: day("2024-01-31"), termEnd: null, durationMonths: 1 })).toBe("2024-02-29");
  });
  it("gives none without a term", () => {
    expect(termEndOf({ termStart: null, termEnd: null, durationMonths: 24 })).toBeNull();
    expect(termEndOf({ termStart: day("2023-03-15"), termEnd: null, durationMonths: null })).toBeNull();
  });
});

describe("termNotices", () => {
  it("reminds of a 24-month programme from March 2023 before March 2025: 180, 90 and 30 days ahead", () => {
    expect(termNotices([programme], day("2024-09-15"))).toEqual([]);
    expect(termNotices([programme], day("2024-09-16"))).toEqual([
      {
        kind: "deadline_reminder",
        instrumentId: "programme",
        termEnd: "2025-03-15",
        remindOn: "2024-09-16",
        daysBefore: 180,
      },
    ]);
    expect(termNotices([programme], day("2024-12-15"))).toMatchObject([
      { kind: "deadline_reminder", remindOn: "2024-12-15", daysBefore: 90 },
    ]);
    expect(termNotices([programme], day("2025-02-13"))).toMatchObject([
      { kind: "deadline_reminder", remindOn: "2025-02-13", daysBefore: 30 },
    ]);
    // The last day itself is still a reminder day's (the 30 days'), not yet expired.
    expect(termNotices([programme], day("2025-03-15"))).toMatchObject([
      { kind: "deadline_reminder", remindOn: "2025-02-13", daysBefore: 30 },
    ]);
    expect(termNotices([programme], day("2025-03-16"))).toEqual([
      { kind: "deadline_overdue", instrumentId: "programme", termEnd: "2025-03-15" },
    ]);
  });

  it("gives the latest reminder that has come, not one per day missed", () => {
    const notices = termNotices([programme], day("2025-01-10"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ remindOn: "2024-12-15", daysBefore: 90 });
  });

  it("says nothing of terms that ended long ago, nor of instruments without a term", () => {
    const lastExpiredDay = addDays(day("2025-03-15"), TERM_EXPIRED_LOOKBACK_DAYS);
    expect(termNotices([programme], lastExpiredDay)).toHaveLength(1);
    expect(termNotices([programme], addDays(lastExpiredDay, 1))).toEqual([]);
    expect(
      termNotices(
        [{ id: "open-ended", termStart: null, termEnd: null, durationMonths: null }],
        day("2025-01-01"),
      ),
    ).toEqual([]);
  });

  it("keys one reminder per reminder day and one expiry per term end", () => {
    const reminder = termNotices([programme], day("2024-12-20"))[0]!;
    expect(termNoticeKey(reminder)).toBe("instrument_term:deadline_reminder:programme:2024-12-15");
    expect(termNoticeKey(termNotices([programme], day("2024-12-21"))[0]!)).toBe(termNoticeKey(reminder));
    expect(termNoticeKey(termNotices([programme], day("2025-04-01"))[0]!)).toBe(
      "instrument_term:deadline_overdue:programme:2025-03-15",
    );
  });

  it("notices only what the job's window reads", () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (offset) => {
        const today = day("2025-01-01");
        const termEnd = addDays(today, offset);
        const notices = termNotices([{ id: "x", termStart: null, termEnd, durationMonths: null }], today);
        const { from, to } = termWindow(today);
        const inWindow = termEnd >= from && termEnd <= to;
        expect(notices.length).toBe(inWindow ? 1 : 0);
      }),
    );
    expect(Math.max(...TERM_REMINDER_DAYS)).toBe(180);
  });
});
