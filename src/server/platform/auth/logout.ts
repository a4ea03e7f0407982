import { endSession } from "../../../db/platform/sessions.repository.js";
import { type Actor, type Origin, runOperation, type Services } from "../operation.js";
import type { Authenticated } from "../session.js";

/** Ends the session on the server at once; the cookie alone opens nothing any more (ASVS 7.4.1). */
export async function logout(
  services: Services,
  auth: Authenticated,
  actor: Actor,
  origin: Origin,
): Promise<void> {
  await runOperation(
    services,
    { eventType: "auth.logout", objectType: "session", objectId: auth.session.id, actor, origin },
    async (context) => {
      await endSession(context.tx, auth.session.id, "logout", context.now);
    },
  );
}
