import { findUserById, setUserAuthState } from "../../../db/platform/users.repository.js";
import { newTotpSecret, sealTotpSecret, totpQrSvg, totpUri } from "../credentials.js";
import { conflict } from "../errors.js";
import { type Caller, runOperation } from "../operation.js";

/** `userId`: the signed-in account, whose second factor may still be pending. */
export type StartEnrolmentOptions = Caller & { userId: string };

export type Enrolment = { secret: string; otpauthUri: string; qrSvg: string };

/**
 * Starts enrolment of an authenticator app: a new secret, shown once as text and as a
 * QR code. Calling it again replaces a secret that was never confirmed.
 */
export async function startEnrolment({
  services,
  actor,
  origin,
  userId,
}: StartEnrolmentOptions): Promise<Enrolment> {
  return runOperation(
    services,
    { eventType: "auth.mfa.enrolment_started", objectType: "user", objectId: userId, actor, origin },
    async (context) => {
      const user = await findUserById(context.tx, userId, true);
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
