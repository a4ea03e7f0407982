import { insertAccountToken, revokeAccountTokens } from "../../../db/platform/account-tokens.repository.js";
import { countUsers } from "../../../db/platform/users.repository.js";
import { hashToken, newToken } from "../credentials.js";
import { runOperation, type Services } from "../operation.js";
import { SETUP_LINK_LIFETIME_MS } from "./invitations.js";

export type SetupLink = { token: string; url: string; expiresAt: string };

/** Run by the server at start, not on anyone's behalf: the audit entry names the system. */
export type IssueSetupLinkIfNeededOptions = { services: Services };

/**
 * While no account exists, every start of the server issues a one-time setup link
 * (printed once, valid 24 hours) with which the first administrator is created.
 * A new link revokes the previous one.
 */
export async function issueSetupLinkIfNeeded({
  services,
}: IssueSetupLinkIfNeededOptions): Promise<SetupLink | null> {
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
