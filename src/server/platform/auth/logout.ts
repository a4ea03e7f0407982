import { endSession } from "../../../db/platform/sessions.repository.js";
import { type Caller, runOperation } from "../operation.js";

export type LogoutOptions = Caller & { sessionId: string };

/** Ends the session on the server at once; the cookie alone opens nothing any more (ASVS 7.4.1). */
export async function logout({ services, actor, origin, sessionId }: LogoutOptions): Promise<void> {
  await runOperation(
    services,
    { eventType: "auth.logout", objectType: "session", objectId: sessionId, actor, origin },
    async (context) => {
      await endSession(context.tx, sessionId, "logout", context.now);
    },
  );
}
