import {
  findUsableAccountToken,
  markAccountTokenUsed,
} from "../../../db/platform/account-tokens.repository.js";
import { findUserById, setUserAuthState } from "../../../db/platform/users.repository.js";
import { checkPassword } from "../../../domain/platform/password-policy.js";
import { subjectOf } from "../auth/failures.js";
import { passwordProblemError } from "../auth/password-errors.js";
import { hashPassword, hashToken } from "../credentials.js";
import { type Caller, runOperation } from "../operation.js";

/**
 * No actor: whoever holds the invitation link acts anonymously, whatever session the
 * browser may hold; the audit entry names the invited user.
 */
export type AcceptInvitationOptions = Omit<Caller, "actor"> & { token: string; password: string };

/** The invited user chooses a password; the authenticator is enrolled at first sign-in. */
export async function acceptInvitation({
  services,
  origin,
  token,
  password,
}: AcceptInvitationOptions): Promise<{ ok: boolean }> {
  return runOperation(
    services,
    { eventType: "user.invitation_accepted", objectType: "user", actor: { kind: "anonymous" }, origin },
    async (context) => {
      const link = await findUsableAccountToken(context.tx, hashToken(token), "invitation", context.now);
      const user = link?.userId ? await findUserById(context.tx, link.userId, true) : null;
      if (!link || !user || user.disabledAt) {
        context.note({ outcome: "failure", details: { reason: "invalid_link" } });
        return { ok: false };
      }
      const problems = checkPassword(password, {
        username: user.username,
        displayName: user.displayName,
      });
      if (problems.length > 0) throw passwordProblemError(problems, "password");
      await setUserAuthState(context.tx, user.id, {
        passwordHash: await hashPassword(password),
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
