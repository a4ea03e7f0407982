import { endSession, insertSession, type SessionRow } from "../../../db/platform/sessions.repository.js";
import { findUserByUsername, type UserRow } from "../../../db/platform/users.repository.js";
import { hashToken, newToken, spendPasswordCheck, verifyPassword } from "../credentials.js";
import { type Caller, runOperation } from "../operation.js";
import { countAuthFailure, subjectOf, typedUsername } from "./failures.js";

export type LoginResult =
  | { ok: true; token: string; session: SessionRow; user: UserRow; mfa: "enrol" | "verify" }
  | { ok: false };

/**
 * No actor: whoever signs in is anonymous until the password is checked; the audit
 * entry names the account once known.
 */
export type LoginOptions = Omit<Caller, "actor"> & {
  username: string;
  password: string;
  /** The session the browser held before, ended by this sign-in. */
  previousSessionId: string | null;
};

/**
 * First step of signing in: the password. Success opens a session whose second factor
 * is still pending (enrol an authenticator, or enter its code). Every way of failing
 * gives the caller the same answer and takes as long (no user enumeration); the audit
 * trail keeps the reason.
 */
export async function login({
  services,
  origin,
  username,
  password,
  previousSessionId,
}: LoginOptions): Promise<LoginResult> {
  return runOperation(
    services,
    { eventType: "auth.login", objectType: "user", actor: { kind: "anonymous" }, origin },
    async (context) => {
      const user = await findUserByUsername(context.tx, username, true);
      if (!user) {
        await spendPasswordCheck(password);
        context.note({
          outcome: "failure",
          details: { reason: "unknown_user", typed: typedUsername(username) },
        });
        return { ok: false };
      }
      // Without a password (invitation not accepted) a check is still spent, for equal timing.
      let passwordOk = false;
      if (user.passwordHash) passwordOk = await verifyPassword(user.passwordHash, password);
      else await spendPasswordCheck(password);
      const refusal = user.disabledAt
        ? "account_disabled"
        : user.lockedAt
          ? "account_locked"
          : !user.passwordHash
            ? "invitation_not_accepted"
            : !passwordOk
              ? "wrong_password"
              : null;
      if (refusal) {
        const { locked, failures } =
          refusal === "wrong_password"
            ? await countAuthFailure(context, user)
            : { locked: user.lockedAt !== null, failures: 0 };
        context.note({
          outcome: "failure",
          objectId: user.id,
          subject: subjectOf(user),
          details: { reason: refusal, locked, recent_failures: failures },
        });
        return { ok: false };
      }
      // Failures are cleared only when the second factor passes too: otherwise knowing the
      // password would allow unlimited guesses at the code, one per sign-in.
      // A fresh token at every sign-in; the session the browser held before ends (ASVS 7.2.4).
      if (previousSessionId)
        await endSession(context.tx, previousSessionId, "replaced_by_login", context.now);
      const token = newToken();
      const session = await insertSession(context.tx, {
        tokenHash: hashToken(token),
        userId: user.id,
        now: context.now,
        sourceIp: origin.sourceIp,
        userAgent: origin.userAgent,
      });
      const mfa = user.totpEnabledAt ? "verify" : "enrol";
      context.note({
        objectId: user.id,
        subject: subjectOf(user, session.id),
        details: { second_factor: mfa },
      });
      return { ok: true, token, session, user, mfa };
    },
  );
}
