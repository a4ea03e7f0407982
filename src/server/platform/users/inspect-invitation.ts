import { findUsableAccountToken } from "../../../db/platform/account-tokens.repository.js";
import { findUserById } from "../../../db/platform/users.repository.js";
import { hashToken } from "../credentials.js";
import type { Services } from "../operation.js";

/** A read that changes nothing and is not audited: it only tells whom a link greets. */
export type InspectInvitationOptions = { services: Services; token: string };

/** Who an invitation is for, so the page can greet them. Null if it is not usable. */
export async function inspectInvitation({
  services,
  token,
}: InspectInvitationOptions): Promise<{ username: string; displayName: string } | null> {
  const link = await findUsableAccountToken(
    services.database,
    hashToken(token),
    "invitation",
    services.clock(),
  );
  if (!link?.userId) return null;
  const user = await findUserById(services.database, link.userId);
  if (!user || user.disabledAt) return null;
  return { username: user.username, displayName: user.displayName };
}
