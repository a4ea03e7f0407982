import { insertAccountToken, revokeAccountTokens } from "../../../db/platform/account-tokens.repository.js";
import { type Instant, instantOf } from "../../../domain/platform/dates.js";
import { hashToken, newToken } from "../credentials.js";
import type { OperationContext } from "../operation.js";

export const INVITATION_LIFETIME_MS = 72 * 3_600_000;
export const SETUP_LINK_LIFETIME_MS = 24 * 3_600_000;

export type Invitation = { token: string; path: string; expiresAt: Instant };

/**
 * A one-time link with which the user chooses their own password; the administrator
 * hands it over and never knows the password. Earlier open invitations are revoked.
 */
export async function issueInvitation(
  context: OperationContext,
  userId: string,
  createdBy: string | null,
): Promise<Invitation> {
  await revokeAccountTokens(context.tx, "invitation", userId, context.now);
  const token = newToken();
  const expiresAt = new Date(context.now.getTime() + INVITATION_LIFETIME_MS);
  await insertAccountToken(context.tx, {
    tokenHash: hashToken(token),
    purpose: "invitation",
    userId,
    createdBy,
    now: context.now,
    expiresAt,
  });
  // The token travels in the fragment (#), which browsers never send to a server.
  return { token, path: `/invite#${token}`, expiresAt: instantOf(expiresAt) };
}
