import { findUserByUsername, insertUser } from "../../../db/platform/users.repository.js";
import { checkPassword } from "../../../domain/platform/password-policy.js";
import type { User } from "../../../domain/platform/schemas.js";
import { passwordProblemError } from "../auth/password-errors.js";
import { hashPassword } from "../credentials.js";
import { conflict } from "../errors.js";
import { type Caller, runOperation } from "../operation.js";
import { type Invitation, issueInvitation } from "./invitations.js";
import { toUserView } from "./user-view.js";

export type CreateAdministratorOptions = Caller & {
  username: string;
  displayName: string;
  /** Without one, the result carries an invitation link with which the administrator chooses it. */
  password?: string | undefined;
};

/**
 * `comity users create-admin`: an administrator created from the server's shell, with a
 * password given on standard input or, without one, an invitation link. This is also
 * the way back in when every administrator is locked out.
 */
export async function createAdministrator({
  services,
  actor,
  origin,
  username,
  displayName,
  password,
}: CreateAdministratorOptions): Promise<{ user: User; invitation: Invitation | null }> {
  if (password !== undefined) {
    const problems = checkPassword(password, { username, displayName });
    if (problems.length > 0) throw passwordProblemError(problems, "password");
  }
  const passwordHash = password !== undefined ? await hashPassword(password) : null;
  return runOperation(
    services,
    { eventType: "user.created", objectType: "user", actor, origin },
    async (context) => {
      if (await findUserByUsername(context.tx, username)) {
        throw conflict("username_taken", `The user name "${username}" is taken.`);
      }
      const user = await insertUser(context.tx, {
        username,
        displayName,
        role: "administrator",
        passwordHash,
        passwordChangedAt: passwordHash ? context.now : null,
        createdAt: context.now,
        updatedAt: context.now,
      });
      const invitation = passwordHash ? null : await issueInvitation(context, user.id, null);
      context.note({ objectId: user.id, details: { username: user.username, role: user.role, via: "cli" } });
      return { user: toUserView(user), invitation };
    },
  );
}
