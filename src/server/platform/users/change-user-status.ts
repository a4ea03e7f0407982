import { endUserSessions } from "../../../db/platform/sessions.repository.js";
import { type UserPatch, updateUser } from "../../../db/platform/users.repository.js";
import type { User } from "../../../domain/platform/schemas.js";
import { type Caller, runOperation } from "../operation.js";
import { authorizeOnUser } from "./target-user.js";
import { toUserView } from "./user-view.js";

export type StatusChange = "disable" | "enable" | "unlock";

const EVENTS: Record<StatusChange, string> = {
  disable: "user.disabled",
  enable: "user.enabled",
  unlock: "user.unlocked",
};

export type ChangeUserStatusOptions = Caller & { userId: string; change: StatusChange };

/**
 * Disable (the account's sessions end at once, ASVS 7.4.2), enable again, or release a
 * lock left by five failed sign-ins (CJIS AC-7: only an administrator can).
 */
export async function changeUserStatus({
  services,
  actor,
  origin,
  userId,
  change,
}: ChangeUserStatusOptions): Promise<User> {
  return runOperation(
    services,
    { eventType: EVENTS[change], objectType: "user", objectId: userId, actor, origin },
    async (context) => {
      const target = await authorizeOnUser(context, userId, change);
      const patch: UserPatch =
        change === "disable"
          ? { disabledAt: target.disabledAt ?? context.now }
          : change === "enable"
            ? { disabledAt: null }
            : { lockedAt: null, recentFailures: [] };
      const updated = await updateUser(context.tx, userId, patch, context.now);
      if (change === "disable") {
        const ended = await endUserSessions(context.tx, userId, "account_disabled", context.now);
        context.note({ details: { sessions_ended: ended } });
      }
      return toUserView(updated);
    },
  );
}
