import { sql } from "drizzle-orm";
import {
  findUsableAccountToken,
  insertAccountToken,
  markAccountTokenUsed,
  revokeAccountTokens,
} from "../../../db/platform/account-tokens.repository.js";
import { countUsers, findUserByUsername, insertUser } from "../../../db/platform/users.repository.js";
import { checkPassword } from "../../../domain/platform/password-policy.js";
import type { User } from "../../../domain/platform/schemas.js";
import { subjectOf } from "../auth/failures.js";
import { passwordProblemError } from "../auth/password-errors.js";
import { hashPassword, hashToken, newToken } from "../credentials.js";
import { conflict } from "../errors.js";
import { type Actor, type Origin, runOperation, type Services } from "../operation.js";
import { type Invitation, issueInvitation, SETUP_LINK_LIFETIME_MS } from "./invitations.js";
import { toUserView } from "./user-view.js";

export type SetupLink = { token: string; url: string; expiresAt: string };

/**
 * While no account exists, every start of the server issues a one-time setup link
 * (printed once, valid 24 hours) with which the first administrator is created.
 * A new link revokes the previous one.
 */
export async function issueSetupLinkIfNeeded(services: Services): Promise<SetupLink | null> {
  if ((await countUsers(services.database)) > 0) return null;
  return runOperation(
    services,
    {
      eventType: "setup.link_issued",
      objectType: "setup",
      actor: { kind: "system" },
      origin: { requestId: null, sourceIp: null, userAgent: null },
    },
    async (context) => {
      await revokeAccountTokens(context.tx, "setup", null, context.now);
      const token = newToken();
      const expiresAt = new Date(context.now.getTime() + SETUP_LINK_LIFETIME_MS);
      await insertAccountToken(context.tx, {
        tokenHash: hashToken(token),
        purpose: "setup",
        userId: null,
        createdBy: null,
        now: context.now,
        expiresAt,
      });
      context.note({ details: { expires_at: expiresAt.toISOString() } });
      return {
        token,
        url: `${services.config.publicUrl}/setup#${token}`,
        expiresAt: expiresAt.toISOString(),
      };
    },
  );
}

export type SetupResult = { ok: true; user: User } | { ok: false; reason: "invalid_link" | "already_set_up" };

/** Creates the first administrator with the setup link. */
export async function setupFirstAdministrator(
  services: Services,
  origin: Origin,
  input: { token: string; username: string; displayName: string; password: string },
): Promise<SetupResult> {
  const problems = checkPassword(input.password, {
    username: input.username,
    displayName: input.displayName,
  });
  if (problems.length > 0) throw passwordProblemError(problems, "password");
  const passwordHash = await hashPassword(input.password);
  return runOperation(
    services,
    { eventType: "user.created", objectType: "user", actor: { kind: "anonymous" }, origin },
    async (context) => {
      // Two setup attempts at once: the second waits here and then finds a user.
      await context.tx.execute(sql`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`);
      const link = await findUsableAccountToken(context.tx, hashToken(input.token), "setup", context.now);
      if (!link) {
        context.note({ outcome: "failure", details: { reason: "invalid_link", via: "setup_link" } });
        return { ok: false, reason: "invalid_link" };
      }
      if ((await countUsers(context.tx)) > 0) {
        context.note({ outcome: "failure", details: { reason: "already_set_up", via: "setup_link" } });
        return { ok: false, reason: "already_set_up" };
      }
      const user = await insertUser(context.tx, {
        username: input.username,
        displayName: input.displayName,
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

/**
 * `comity users create-admin`: an administrator created from the server's shell, with a
 * password given on standard input or, without one, an invitation link. This is also
 * the way back in when every administrator is locked out.
 */
export async function createAdministrator(
  services: Services,
  actor: Actor,
  input: { username: string; displayName: string; password?: string | undefined },
): Promise<{ user: User; invitation: Invitation | null }> {
  if (input.password !== undefined) {
    const problems = checkPassword(input.password, {
      username: input.username,
      displayName: input.displayName,
    });
    if (problems.length > 0) throw passwordProblemError(problems, "password");
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  const origin = { requestId: null, sourceIp: null, userAgent: null };
  return runOperation(
    services,
    { eventType: "user.created", objectType: "user", actor, origin },
    async (context) => {
      if (await findUserByUsername(context.tx, input.username)) {
        throw conflict("username_taken", `The user name "${input.username}" is taken.`);
      }
      const user = await insertUser(context.tx, {
        username: input.username,
        displayName: input.displayName,
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
