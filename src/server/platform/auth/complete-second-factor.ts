import { rotateSessionToken } from "../../../db/platform/sessions.repository.js";
import { findUserById, setUserAuthState } from "../../../db/platform/users.repository.js";
import { checkTotp, hashToken, newToken, openTotpSecret } from "../credentials.js";
import { conflict } from "../errors.js";
import { type Caller, runOperation } from "../operation.js";
import { countAuthFailure } from "./failures.js";

export type CompleteSecondFactorOptions = Caller & {
  /** The signed-in account and its session, whose second factor is pending. */
  userId: string;
  sessionId: string;
  /** The six digits from the authenticator. */
  code: string;
  /** Confirm a new enrolment, or the second step of signing in. */
  mode: "enrol" | "verify";
};

export type SecondFactorResult = { ok: true; token: string } | { ok: false; locked: boolean };

/**
 * Checks a code from the authenticator: to confirm a new enrolment, or as the second
 * step of signing in. On success the session is complete and gets a new token; a
 * wrong code counts towards the lock like a wrong password.
 */
export async function completeSecondFactor({
  services,
  actor,
  origin,
  userId,
  sessionId,
  code,
  mode,
}: CompleteSecondFactorOptions): Promise<SecondFactorResult> {
  const eventType = mode === "enrol" ? "auth.mfa.enrolled" : "auth.mfa.verified";
  return runOperation(
    services,
    { eventType, objectType: "user", objectId: userId, actor, origin },
    async (context) => {
      const user = await findUserById(context.tx, userId, true);
      if (!user?.totpSecret) throw conflict("mfa_not_started", "Start enrolment of an authenticator first.");
      if (mode === "enrol" && user.totpEnabledAt) {
        throw conflict("mfa_already_enrolled", "An authenticator is already enrolled for this account.");
      }
      if (mode === "verify" && !user.totpEnabledAt) {
        throw conflict("mfa_not_enrolled", "Enrol an authenticator first.");
      }
      const secret = openTotpSecret(services.secrets.fieldKey, user.id, user.totpSecret);
      const step = await checkTotp(secret, code, context.now, user.totpLastStep ?? null);
      if (step === null) {
        const { locked, failures } = await countAuthFailure(context, user);
        context.note({
          outcome: "failure",
          details: { reason: "wrong_or_reused_code", locked, recent_failures: failures },
        });
        return { ok: false, locked };
      }
      await setUserAuthState(context.tx, user.id, {
        totpLastStep: step,
        recentFailures: [],
        lastLoginAt: context.now,
        ...(mode === "enrol" ? { totpEnabledAt: context.now } : {}),
      });
      const token = newToken();
      await rotateSessionToken(context.tx, sessionId, hashToken(token), {
        mfaVerifiedAt: context.now,
        now: context.now,
      });
      return { ok: true, token };
    },
  );
}
