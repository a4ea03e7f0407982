import { sql } from "drizzle-orm";
import {
  findUsableAccountToken,
  markAccountTokenUsed,
} from "../../../db/platform/account-tokens.repository.js";
import { countUsers, insertUser } from "../../../db/platform/users.repository.js";
import { checkPassword } from "../../../domain/platform/password-policy.js";
import type { User } from "../../../domain/platform/schemas.js";
import { subjectOf } from "../auth/failures.js";
import { passwordProblemError } from "../auth/password-errors.js";
import { hashPassword, hashToken } from "../credentials.js";
import { type Caller, runOperation } from "../operation.js";
import { toUserView } from "./user-view.js";

/**
 * No actor: whoever holds the setup link acts anonymously, whatever session the browser
 * may hold; the audit entry names the administrator created.
 */
export type SetupFirstAdministratorOptions = Omit<Caller, "actor"> & {
  token: string;
  username: string;
  displayName: string;
  password: string;
};

export type SetupResult = { ok: true; user: User } | { ok: false; reason: "invalid_link" | "already_set_up" };

/** Creates the first administrator with the setup link. */
export async function setupFirstAdministrator({
  services,
  origin,
  token,
  username,
  displayName,
  password,
}: SetupFirstAdministratorOptions): Promise<SetupResult> {
  const problems = checkPassword(password, { username, displayName });
  if (problems.length > 0) throw passwordProblemError(problems, "password");
  const passwordHash = await hashPassword(password);
  return runOperation(
    services,
    { eventType: "user.created", objectType: "user", actor: { kind: "anonymous" }, origin },
    async (context) => {
      // Two setup attempts at once: the second waits here and then finds a user.
      await context.tx.execute(sql`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`);
      const link = await findUsableAccountToken(context.tx, hashToken(token), "setup", context.now);
      if (!link) {
        context.note({ outcome: "failure", details: { reason: "invalid_link", via: "setup_link" } });
        return { ok: false, reason: "invalid_link" };
      }
      if ((await countUsers(context.tx)) > 0) {
        context.note({ outcome: "failure", details: { reason: "already_set_up", via: "setup_link" } });
        return { ok: false, reason: "already_set_up" };
      }
      const user = await insertUser(context.tx, {
        username,
        displayName,
        role: "administrator",
        passwordHash,
        passwordChangedAt: context.now,
        createdAt: context.now,
        updatedAt: context.now,
      });
      await markAccountTokenUsed(context.tx, link.id, context.now);
      context.note({
        objectId: user.id,
        subject: subjectOf(user),
        details: { username: user.username, role: user.role, via: "setup_link" },
      });
      return { ok: true, user: toUserView(user) };
    },
  );
}
