import { rotateSessionToken } from "../../../db/platform/sessions.repository.js";
import { findUserById, setUserAuthState } from "../../../db/platform/users.repository.js";
import {
  checkTotp,
  hashToken,
  newToken,
  newTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  totpQrSvg,
  totpUri,
} from "../credentials.js";
import { conflict } from "../errors.js";
import { type Actor, type Origin, runOperation, type Services } from "../operation.js";
import type { Authenticated } from "../session.js";
import { countAuthFailure } from "./failures.js";

export type SecondFactorResult = { ok: true; token: string } | { ok: false; locked: boolean };

type UserActor = Extract<Actor, { kind: "user" }>;

/**
 * Starts enrolment of an authenticator app: a new secret, shown once as text and as a
 * QR code. Calling it again replaces a secret that was never confirmed.
 */
export async function startEnrolment(
  services: Services,
  auth: Authenticated,
  actor: UserActor,
  origin: Origin,
) {
  return runOperation(
    services,
    { eventType: "auth.mfa.enrolment_started", objectType: "user", objectId: auth.user.id, actor, origin },
    async (context) => {
      const user = await findUserById(context.tx, auth.user.id, true);
      if (!user) throw conflict("no_user", "This account no longer exists.");
      if (user.totpEnabledAt)
        throw conflict("mfa_already_enrolled", "An authenticator is already enrolled for this account.");
      const secret = newTotpSecret();
      await setUserAuthState(context.tx, user.id, {
        totpSecret: sealTotpSecret(services.secrets.fieldKey, user.id, secret),
        totpLastStep: null,
      });
      const otpauthUri = totpUri(secret, user.username);
      return { secret, otpauthUri, qrSvg: await totpQrSvg(otpauthUri) };
    },
  );
}

/**
 * Checks a code from the authenticator: to confirm a new enrolment, or as the second
 * step of signing in. On success the session is complete and gets a new token; a
 * wrong code counts towards the lock like a wrong password.
 */
export async function completeSecondFactor(
  services: Services,
  auth: Authenticated,
  actor: UserActor,
  origin: Origin,
  code: string,
  mode: "enrol" | "verify",
): Promise<SecondFactorResult> {
  const eventType = mode === "enrol" ? "auth.mfa.enrolled" : "auth.mfa.verified";
  return runOperation(
    services,
    { eventType, objectType: "user", objectId: auth.user.id, actor, origin },
    async (context) => {
      const user = await findUserById(context.tx, auth.user.id, true);
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
      await rotateSessionToken(context.tx, auth.session.id, hashToken(token), {
        mfaVerifiedAt: context.now,
        now: context.now,
      });
      return { ok: true, token };
    },
  );
}
