import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";
import { officeToday } from "./today.js";

describe("the office's today", () => {
  // 22:30 UTC on 31 December: New Year's Day in Moscow, still 31 December in UTC.
  const lateEvening = new Date(Date.UTC(2025, 11, 31, 22, 30));

  it("is the day in the configured time zone, not the server's clock zone", () => {
    const moscow = { config: loadConfig({ COMITY_TIME_ZONE: "Europe/Moscow" }), clock: () => lateEvening };
    const utc = { config: loadConfig({ COMITY_TIME_ZONE: "UTC" }), clock: () => lateEvening };
    expect(officeToday(moscow)).toBe("2026-01-01");
    expect(officeToday(utc)).toBe("2025-12-31");
    expect(officeToday(moscow, new Date(Date.UTC(2025, 11, 31, 20, 59)))).toBe("2025-12-31");
  });
});
