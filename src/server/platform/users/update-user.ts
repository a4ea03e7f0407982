import { updateUserIfVersion } from "../../../db/platform/users.repository.js";
import type { User } from "../../../domain/platform/schemas.js";
import type { ConfidentialityLevel, Role } from "../../../domain/platform/vocabulary.js";
import { preconditionFailed } from "../errors.js";
import { type Caller, runOperation } from "../operation.js";
import { authorizeOnUser } from "./target-user.js";
import { toUserView } from "./user-view.js";

export type UpdateUserOptions = Caller & {
  userId: string;
  expectedVersion: number;
  changes: {
    displayName?: string | undefined;
    role?: Role | undefined;
    clearance?: ConfidentialityLevel | undefined;
  };
};

/**
 * Renames an account or changes its role or clearance, if nobody changed it since the
 * caller read version `expectedVersion` (else 412). A new role or clearance applies on
 * the user's next request: neither is cached anywhere (ASVS 8.3.2).
 */
export async function updateUser({
  services,
  actor,
  origin,
  userId,
  expectedVersion,
  changes,
}: UpdateUserOptions): Promise<User> {
  return runOperation(
    services,
    { eventType: "user.updated", objectType: "user", objectId: userId, actor, origin },
    async (context) => {
      const roleChange = changes.role !== undefined;
      const target = await authorizeOnUser(
        context,
        userId,
        roleChange ? "change_role" : "update_profile",
        changes.role,
      );
      if (target.version !== expectedVersion) throw preconditionFailed();
      const differences: Record<string, { from: string; to: string }> = {};
      if (changes.displayName !== undefined && changes.displayName !== target.displayName) {
        differences.display_name = { from: target.displayName, to: changes.displayName };
      }
      if (changes.role !== undefined && changes.role !== target.role)
        differences.role = { from: target.role, to: changes.role };
      if (changes.clearance !== undefined && changes.clearance !== target.clearance)
        differences.clearance = { from: target.clearance, to: changes.clearance };
      const updated = await updateUserIfVersion(
        context.tx,
        userId,
        expectedVersion,
        {
          ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
          ...(changes.role !== undefined ? { role: changes.role } : {}),
          ...(changes.clearance !== undefined ? { clearance: changes.clearance } : {}),
        },
        context.now,
      );
      if (!updated) throw preconditionFailed();
      context.note({ details: { changes: differences } });
      return toUserView(updated);
    },
  );
}
