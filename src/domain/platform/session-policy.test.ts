import { describe, expect, it } from "vitest";
import { sessionVerdict, shouldRefreshLastSeen } from "./session-policy.js";

const limits = { idleTimeoutMs: 30 * 60_000, absoluteTimeoutMs: 12 * 3_600_000 };
const created = new Date("2026-01-01T08:00:00Z");
const plus = (ms: number) => new Date(created.getTime() + ms);

describe("session policy", () => {
  it("is idle-expired after 30 minutes without activity, not before", () => {
    const session = { createdAt: created, lastSeenAt: created, endedAt: null };
    expect(sessionVerdict(session, plus(29 * 60_000 + 59_000), limits)).toBe("active");
    expect(sessionVerdict(session, plus(30 * 60_000 + 1_000), limits)).toBe("idle_timeout");
  });

  it("ends 12 hours after creation however active", () => {
    const session = { createdAt: created, lastSeenAt: plus(12 * 3_600_000 - 1000), endedAt: null };
    expect(sessionVerdict(session, plus(12 * 3_600_000), limits)).toBe("active");
    expect(sessionVerdict(session, plus(12 * 3_600_000 + 1000), limits)).toBe("absolute_timeout");
  });

  it("stays ended once ended", () => {
    expect(
      sessionVerdict({ createdAt: created, lastSeenAt: created, endedAt: plus(1) }, plus(2), limits),
    ).toBe("ended");
  });

  it("refreshes the last-seen time at most every 10 seconds", () => {
    expect(shouldRefreshLastSeen(created, plus(9_999))).toBe(false);
    expect(shouldRefreshLastSeen(created, plus(10_000))).toBe(true);
  });
});
