import { findUserByUsername, insertUser } from "../../../db/platform/users.repository.js";
import type { Locale, User } from "../../../domain/platform/schemas.js";
import type { ConfidentialityLevel, Role } from "../../../domain/platform/vocabulary.js";
import { conflict, unauthorized } from "../errors.js";
import { type Caller, runOperation } from "../operation.js";
import { type Invitation, issueInvitation } from "./invitations.js";
import { toUserView } from "./user-view.js";

export type CreateUserOptions = Caller & {
  username: string;
  displayName: string;
  role: Role;
  clearance?: ConfidentialityLevel | undefined;
  locale: Locale;
};

/** An administrator opens an account; the user completes it through the invitation link. */
export async function createUser({
  services,
  actor,
  origin,
  username,
  displayName,
  role,
  clearance,
  locale,
}: CreateUserOptions): Promise<{ user: User; invitation: Invitation }> {
  return runOperation(
    services,
    { eventType: "user.created", objectType: "user", actor, origin },
    async (context) => {
      if (actor.kind !== "user") throw unauthorized();
      if (await findUserByUsername(context.tx, username)) {
        throw conflict("username_taken", "This user name is taken.", [
          { path: "body.username", message: "taken" },
        ]);
      }
      const user = await insertUser(context.tx, {
        username,
        displayName,
        role,
        clearance: clearance ?? "standard",
        locale,
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
