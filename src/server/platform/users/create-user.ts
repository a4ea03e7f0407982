import { findUserByUsername, insertUser } from "../../../db/platform/users.repository.js";
import type { ConfidentialityLevel } from "../../../domain/cases/vocabulary.js";
import type { Role } from "../../../domain/platform/roles.js";
import type { Locale, User } from "../../../domain/platform/schemas.js";
import { conflict, unauthorized } from "../errors.js";
import { type Actor, type Origin, runOperation, type Services } from "../operation.js";
import { type Invitation, issueInvitation } from "./invitations.js";
import { toUserView } from "./user-view.js";

/** An administrator opens an account; the user completes it through the invitation link. */
export async function createUser(
  services: Services,
  actor: Actor,
  origin: Origin,
  input: {
    username: string;
    displayName: string;
    role: Role;
    clearance?: ConfidentialityLevel | undefined;
    locale: Locale;
  },
): Promise<{ user: User; invitation: Invitation }> {
  return runOperation(
    services,
    { eventType: "user.created", objectType: "user", actor, origin },
    async (context) => {
      if (actor.kind !== "user") throw unauthorized();
      if (await findUserByUsername(context.tx, input.username)) {
        throw conflict("username_taken", "This user name is taken.", [
          { path: "body.username", message: "taken" },
        ]);
      }
      const user = await insertUser(context.tx, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        clearance: input.clearance ?? "standard",
        locale: input.locale,
        createdAt: context.now,
        updatedAt: context.now,
      });
      const invitation = await issueInvitation(context, user.id, actor.userId);
      context.note({
        objectId: user.id,
        details: { username: user.username, role: user.role, clearance: user.clearance },
      });
      return { user: toUserView(user), invitation };
    },
  );
}
