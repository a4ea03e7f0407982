import type { Executor } from "../../../db/client.js";
import {
  findUsableAccountToken,
  markAccountTokenUsed,
} from "../../../db/platform/account-tokens.repository.js";
import { findUserById, setUserAuthState } from "../../../db/platform/users.repository.js";
import { checkPassword } from "../../../domain/platform/password-policy.js";
import { subjectOf } from "../auth/failures.js";
import { passwordProblemError } from "../auth/password-errors.js";
import { hashPassword, hashToken } from "../credentials.js";
import { type Origin, runOperation, type Services } from "../operation.js";

/** Who an invitation is for, so the page can greet them. Null if it is not usable. */
export async function inspectInvitation(executor: Executor, token: string, now: Date) {
  const link = await findUsableAccountToken(executor, hashToken(token), "invitation", now);
  if (!link?.userId) return null;
  const user = await findUserById(executor, link.userId);
  if (!user || user.disabledAt) return null;
  return { username: user.username, displayName: user.displayName };
}

/** The invited user chooses a password; the authenticator is enrolled at first sign-in. */
export async function acceptInvitation(
  services: Services,
  origin: Origin,
  input: { token: string; password: string },
): Promise<{ ok: boolean }> {
  return runOperation(
    services,
    { eventType: "user.invitation_accepted", objectType: "user", actor: { kind: "anonymous" }, origin },
    async (context) => {
      const link = await findUsableAccountToken(
        context.tx,
        hashToken(input.token),
        "invitation",
        context.now,
      );
      const user = link?.userId ? await findUserById(context.tx, link.userId, true) : null;
      if (!link || !user || user.disabledAt) {
        context.note({ outcome: "failure", details: { reason: "invalid_link" } });
        return { ok: false };
      }
      const problems = checkPassword(input.password, {
        username: user.username,
        displayName: user.displayName,
      });
      if (problems.length > 0) throw passwordProblemError(problems, "password");
      await setUserAuthState(context.tx, user.id, {
        passwordHash: await hashPassword(input.password),
        passwordChangedAt: context.now,
        lockedAt: null,
        recentFailures: [],
      });
      await markAccountTokenUsed(context.tx, link.id, context.now);
      context.note({ objectId: user.id, subject: subjectOf(user) });
      return { ok: true };
    },
  );
}
