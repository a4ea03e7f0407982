import { endUserSessions } from "../../../db/platform/sessions.repository.js";
import { setUserAuthState, type UserRow } from "../../../db/platform/users.repository.js";
import { registerFailure } from "../../../domain/platform/lockout.js";
import type { OperationContext } from "../operation.js";

/**
 * One more failed password or code for this account. The fifth within 15 minutes locks
 * it until an administrator unlocks it (CJIS AC-7) and ends its sessions.
 */
export async function countAuthFailure(
  context: OperationContext,
  user: UserRow,
): Promise<{ locked: boolean; failures: number }> {
  if (user.lockedAt || user.disabledAt)
    return { locked: user.lockedAt !== null, failures: user.recentFailures.length };
  const outcome = registerFailure(user.recentFailures, context.now);
  await setUserAuthState(context.tx, user.id, {
    recentFailures: outcome.recentFailures,
    ...(outcome.locked ? { lockedAt: context.now } : {}),
  });
  if (outcome.locked) await endUserSessions(context.tx, user.id, "account_locked", context.now);
  return { locked: outcome.locked, failures: outcome.recentFailures.length };
}

export function subjectOf(user: UserRow, sessionId: string | null = null) {
  return { id: user.id, username: user.username, role: user.role, sessionId };
}

/** What the audit trail may keep of a user name someone typed: only if it looks like one. */
export function typedUsername(value: string): string {
  const cleaned = value.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9._-]{0,63}$/.test(cleaned) ? cleaned : "(not a user name)";
}
