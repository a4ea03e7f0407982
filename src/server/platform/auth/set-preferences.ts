import { setUserAuthState } from "../../../db/platform/users.repository.js";
import type { Locale } from "../../../domain/platform/schemas.js";
import { type Caller, runOperation } from "../operation.js";

export type SetPreferencesOptions = Caller & { userId: string; locale: Locale };

/** The interface language, remembered on the account. */
export async function setPreferences({
  services,
  actor,
  origin,
  userId,
  locale,
}: SetPreferencesOptions): Promise<void> {
  await runOperation(
    services,
    { eventType: "user.preferences_changed", objectType: "user", objectId: userId, actor, origin },
    async (context) => {
      await setUserAuthState(context.tx, userId, { locale });
      context.note({ details: { locale } });
    },
  );
}
