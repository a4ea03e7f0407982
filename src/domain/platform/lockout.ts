/**
 * Account lock after repeated failures (CJIS AC-7: 5 consecutive invalid attempts
 * within 15 minutes lock the account until an administrator releases it; ASVS 6.3.1).
 * Failed passwords and failed second-factor codes both count.
 */
export const LOCKOUT_MAX_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

export type FailureOutcome = { recentFailures: Date[]; locked: boolean };

/** Records one more failure at `now`; failures older than the window are forgotten. */
export function registerFailure(recentFailures: readonly Date[], now: Date): FailureOutcome {
  const since = now.getTime() - LOCKOUT_WINDOW_MS;
  const kept = recentFailures.filter((at) => at.getTime() > since);
  kept.push(now);
  return { recentFailures: kept, locked: kept.length >= LOCKOUT_MAX_FAILURES };
}
