import { endUserSessions } from "../../../db/platform/sessions.repository.js";
import { findUserById, setUserAuthState } from "../../../db/platform/users.repository.js";
import { checkPassword } from "../../../domain/platform/password-policy.js";
import { hashPassword, verifyPassword } from "../credentials.js";
import { badRequest } from "../errors.js";
import { type Actor, type Origin, runOperation, type Services } from "../operation.js";
import type { Authenticated } from "../session.js";
import { countAuthFailure } from "./failures.js";
import { passwordProblemError } from "./password-errors.js";

export type ChangePasswordResult = { ok: true } | { ok: false; locked: boolean };

/**
 * Changing one's password needs the current one (re-authentication, ASVS 7.5.1); a
 * wrong current password counts towards the lock. The user's other sessions end.
 */
export async function changePassword(
  services: Services,
  auth: Authenticated,
  actor: Actor,
  origin: Origin,
  input: { currentPassword: string; newPassword: string },
): Promise<ChangePasswordResult> {
  const problems = checkPassword(input.newPassword, {
    username: auth.user.username,
    displayName: auth.user.displayName,
  });
  if (problems.length > 0) throw passwordProblemError(problems, "newPassword");
  if (input.newPassword === input.currentPassword) {
    throw badRequest("password_unchanged", "Choose a password different from the current one.", [
      { path: "body.newPassword", message: "same as the current password" },
    ]);
  }
  const newHash = await hashPassword(input.newPassword);
  return runOperation(
    services,
    { eventType: "user.password_changed", objectType: "user", objectId: auth.user.id, actor, origin },
    async (context) => {
      const user = await findUserById(context.tx, auth.user.id, true);
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
        const { locked } = user ? await countAuthFailure(context, user) : { locked: false };
        context.note({ outcome: "failure", details: { reason: "wrong_current_password", locked } });
        return { ok: false, locked };
      }
      await setUserAuthState(context.tx, user.id, {
        passwordHash: newHash,
        passwordChangedAt: context.now,
        recentFailures: [],
      });
      const ended = await endUserSessions(
        context.tx,
        user.id,
        "password_changed",
        context.now,
        auth.session.id,
      );
      context.note({ details: { other_sessions_ended: ended } });
      return { ok: true };
    },
  );
}
