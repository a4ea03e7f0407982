import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LOCKOUT_MAX_FAILURES, LOCKOUT_WINDOW_MS, registerFailure } from "./lockout.js";

const start = new Date("2026-01-01T10:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

describe("lockout", () => {
  it("locks on exactly the fifth failure within 15 minutes", () => {
    let failures: Date[] = [];
    for (let i = 1; i <= 5; i++) {
      const outcome = registerFailure(failures, at(i * 60_000));
      failures = outcome.recentFailures;
      expect(outcome.locked).toBe(i === 5);
    }
  });

  it("forgets failures older than the window", () => {
    const old = [at(0), at(1000), at(2000), at(3000)];
    const outcome = registerFailure(old, at(LOCKOUT_WINDOW_MS + 3001));
    expect(outcome.locked).toBe(false);
    expect(outcome.recentFailures).toHaveLength(1);
  });

  it("property: locked exactly when 5 failures fall within any 15-minute window ending now", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3_600_000 }), { minLength: 1, maxLength: 12 }),
        (offsets) => {
          const times = [...offsets].sort((a, b) => a - b).map(at);
          let failures: Date[] = [];
          for (const [index, time] of times.entries()) {
            const outcome = registerFailure(failures, time);
            failures = outcome.recentFailures;
            // The failures so far (several may share a timestamp) within the window.
            const inWindow = times
              .slice(0, index + 1)
              .filter((other) => time.getTime() - other.getTime() < LOCKOUT_WINDOW_MS).length;
            expect(outcome.locked).toBe(inWindow >= LOCKOUT_MAX_FAILURES);
          }
        },
      ),
    );
  });
});
