/**
 * When a server-side session stops being valid (ASVS 7.3.1, 7.3.2; CJIS AC-11, IA-11).
 * Pure: the caller passes the clock, so tests can move time.
 */
export type SessionLimits = {
  idleTimeoutMs: number;
  absoluteTimeoutMs: number;
};

export type SessionTimes = {
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
};

export type SessionVerdict = "active" | "ended" | "idle_timeout" | "absolute_timeout";

export function sessionVerdict(session: SessionTimes, now: Date, limits: SessionLimits): SessionVerdict {
  if (session.endedAt) return "ended";
  if (now.getTime() - session.createdAt.getTime() > limits.absoluteTimeoutMs) return "absolute_timeout";
  if (now.getTime() - session.lastSeenAt.getTime() > limits.idleTimeoutMs) return "idle_timeout";
  return "active";
}

/**
 * Recording activity on every request would be a write per read. The last-seen time
 * is refreshed at most this often; a session may therefore expire up to this much
 * earlier than the idle limit, never later.
 */
export const LAST_SEEN_REFRESH_MS = 10_000;

export function shouldRefreshLastSeen(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_REFRESH_MS;
}
