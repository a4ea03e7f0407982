import { endUserSessions } from "../../../db/platform/sessions.repository.js";
import { updateUser } from "../../../db/platform/users.repository.js";
import type { User } from "../../../domain/platform/schemas.js";
import { type Caller, runOperation } from "../operation.js";
import { type Invitation, issueInvitation } from "./invitations.js";
import { authorizeOnUser } from "./target-user.js";
import { toUserView } from "./user-view.js";

export type ResetUserAccessOptions = Caller & { userId: string };

/**
 * For a forgotten password or a lost authenticator: the password and the enrolled
 * authenticator are removed, sessions end, the lock is released, and a new invitation
 * lets the user choose a password and enrol again. Never weaker than a first sign-in.
 */
export async function resetUserAccess({
  services,
  actor,
  origin,
  userId,
}: ResetUserAccessOptions): Promise<{ user: User; invitation: Invitation }> {
  return runOperation(
    services,
    { eventType: "user.access_reset", objectType: "user", objectId: userId, actor, origin },
    async (context) => {
      await authorizeOnUser(context, userId, "reset_access");
      const updated = await updateUser(
        context.tx,
        userId,
        {
          passwordHash: null,
          passwordChangedAt: null,
          totpSecret: null,
          totpEnabledAt: null,
          totpLastStep: null,
          lockedAt: null,
          recentFailures: [],
        },
        context.now,
      );
      const ended = await endUserSessions(context.tx, userId, "access_reset", context.now);
      const invitation = await issueInvitation(context, userId, actor.kind === "user" ? actor.userId : null);
      context.note({ details: { sessions_ended: ended } });
      return { user: toUserView(updated), invitation };
    },
  );
}
