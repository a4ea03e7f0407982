import { setUserAuthState } from "../../../db/platform/users.repository.js";
import type { Locale } from "../../../domain/platform/schemas.js";
import { type Actor, type Origin, runOperation, type Services } from "../operation.js";
import type { Authenticated } from "../session.js";

/** The interface language, remembered on the account. */
export async function setPreferences(
  services: Services,
  auth: Authenticated,
  actor: Actor,
  origin: Origin,
  input: { locale: Locale },
): Promise<void> {
  await runOperation(
    services,
    { eventType: "user.preferences_changed", objectType: "user", objectId: auth.user.id, actor, origin },
    async (context) => {
      await setUserAuthState(context.tx, auth.user.id, { locale: input.locale });
      context.note({ details: { locale: input.locale } });
    },
  );
}
