import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, parseIsoDate } from "../platform/dates.js";
import { actionNoticeKey, actionNotices, dueState } from "./action-items.js";
import { engagementRange } from "./engagement-dates.js";

const day = parseIsoDate;

describe("engagementRange", () => {
  it("keeps a day or a range of days as given", () => {
    expect(engagementRange(day("2025-05-26"), day("2025-05-27"), "day")).toEqual({
      startOn: "2025-05-26",
      endOn: "2025-05-27",
    });
    expect(engagementRange(day("2025-05-26"), null, "day")).toEqual({
      startOn: "2025-05-26",
      endOn: "2025-05-26",
    });
  });
  it("widens a month or a year to the whole of it", () => {
    expect(engagementRange(day("2021-01-19"), null, "month")).toEqual({
      startOn: "2021-01-01",
      endOn: "2021-01-31",
    });
    expect(engagementRange(day("2024-02-10"), null, "month")).toEqual({
      startOn: "2024-02-01",
      endOn: "2024-02-29",
    });
    expect(engagementRange(day("2023-06-01"), day("2023-06-02"), "year")).toEqual({
      startOn: "2023-01-01",
      endOn: "2023-12-31",
    });
  });
});

describe("dueState", () => {
  const today = day("2026-03-10");
  it("reads an item against the office's today", () => {
    expect(dueState({ status: "open", dueOn: day("2026-03-09") }, today)).toBe("overdue");
    expect(dueState({ status: "in_progress", dueOn: today }, today)).toBe("due_soon");
    expect(dueState({ status: "open", dueOn: day("2026-03-24") }, today)).toBe("due_soon");
    expect(dueState({ status: "open", dueOn: day("2026-03-25") }, today)).toBe("later");
    expect(dueState({ status: "done", dueOn: day("2026-01-01") }, today)).toBe("closed");
  });
});

describe("actionNotices", () => {
  const item = { id: "a", status: "open" as const, dueOn: day("2026-03-20") };
  it("reminds 7 days and 1 day before, then tells once that it is overdue", () => {
    expect(actionNotices([item], day("2026-03-12"))).toEqual([]);
    expect(actionNotices([item], day("2026-03-13"))).toEqual([
      { kind: "deadline_reminder", item, remindOn: "2026-03-13", daysBefore: 7 },
    ]);
    expect(actionNotices([item], day("2026-03-19"))[0]).toMatchObject({
      remindOn: "2026-03-19",
      daysBefore: 1,
    });
    expect(actionNotices([item], day("2026-03-20"))[0]).toMatchObject({ remindOn: "2026-03-19" });
    expect(actionNotices([item], day("2026-03-21"))).toEqual([{ kind: "deadline_overdue", item }]);
    expect(actionNotices([{ ...item, status: "done" }], day("2026-03-21"))).toEqual([]);
  });
  it("gives, over any run of days, at most one notice per reminder day and one overdue notice", () => {
    fc.assert(
      fc.property(fc.integer({ min: -40, max: 40 }), fc.integer({ min: 1, max: 60 }), (offset, days) => {
        const start = addDays(item.dueOn, offset);
        const keys = new Set<string>();
        for (let index = 0; index < days; index++)
          for (const notice of actionNotices([item], addDays(start, index)))
            keys.add(actionNoticeKey(notice));
        const overdue = [...keys].filter((key) => key.includes("deadline_overdue"));
        expect(overdue.length).toBeLessThanOrEqual(1);
        expect(keys.size).toBeLessThanOrEqual(3);
      }),
    );
  });
});
