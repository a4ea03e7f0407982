import { endUserSessions } from "../../../db/platform/sessions.repository.js";
import { findUserById, setUserAuthState, type UserRow } from "../../../db/platform/users.repository.js";
import { checkPassword } from "../../../domain/platform/password-policy.js";
import { hashPassword, verifyPassword } from "../credentials.js";
import { badRequest } from "../errors.js";
import { type Caller, runOperation } from "../operation.js";
import { countAuthFailure } from "./failures.js";
import { passwordProblemError } from "./password-errors.js";

export type ChangePasswordOptions = Caller & {
  /** The signed-in account, as read at the start of the request. */
  user: UserRow;
  /** The session the change is made from: it stays open, the others end. */
  sessionId: string;
  currentPassword: string;
  newPassword: string;
};

export type ChangePasswordResult = { ok: true } | { ok: false; locked: boolean };

/**
 * Changing one's password needs the current one (re-authentication, ASVS 7.5.1); a
 * wrong current password counts towards the lock. The user's other sessions end.
 */
export async function changePassword({
  services,
  actor,
  origin,
  user,
  sessionId,
  currentPassword,
  newPassword,
}: ChangePasswordOptions): Promise<ChangePasswordResult> {
  const problems = checkPassword(newPassword, {
    username: user.username,
    displayName: user.displayName,
  });
  if (problems.length > 0) throw passwordProblemError(problems, "newPassword");
  if (newPassword === currentPassword) {
    throw badRequest("password_unchanged", "Choose a password different from the current one.", [
      { path: "body.newPassword", message: "same as the current password" },
    ]);
  }
  const newHash = await hashPassword(newPassword);
  return runOperation(
    services,
    { eventType: "user.password_changed", objectType: "user", objectId: user.id, actor, origin },
    async (context) => {
      const account = await findUserById(context.tx, user.id, true);
      if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, currentPassword))) {
        const { locked } = account ? await countAuthFailure(context, account) : { locked: false };
        context.note({ outcome: "failure", details: { reason: "wrong_current_password", locked } });
        return { ok: false, locked };
      }
      await setUserAuthState(context.tx, account.id, {
        passwordHash: newHash,
        passwordChangedAt: context.now,
        recentFailures: [],
      });
      const ended = await endUserSessions(context.tx, account.id, "password_changed", context.now, sessionId);
      context.note({ details: { other_sessions_ended: ended } });
      return { ok: true };
    },
  );
}
