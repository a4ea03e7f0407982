import { updateUserIfVersion } from "../../../db/platform/users.repository.js";
import type { ConfidentialityLevel } from "../../../domain/cases/vocabulary.js";
import type { Role } from "../../../domain/platform/roles.js";
import type { User } from "../../../domain/platform/schemas.js";
import { preconditionFailed } from "../errors.js";
import { type Actor, type Origin, runOperation, type Services } from "../operation.js";
import { authorizeOnUser } from "./target-user.js";
import { toUserView } from "./user-view.js";

/**
 * Renames an account or changes its role or clearance, if nobody changed it since the
 * caller read version `expectedVersion` (else 412). A new role or clearance applies on
 * the user's next request: neither is cached anywhere (ASVS 8.3.2).
 */
export async function updateUser(
  services: Services,
  actor: Actor,
  origin: Origin,
  userId: string,
  expectedVersion: number,
  input: {
    displayName?: string | undefined;
    role?: Role | undefined;
    clearance?: ConfidentialityLevel | undefined;
  },
): Promise<User> {
  return runOperation(
    services,
    { eventType: "user.updated", objectType: "user", objectId: userId, actor, origin },
    async (context) => {
      const roleChange = input.role !== undefined;
      const target = await authorizeOnUser(
        context,
        userId,
        roleChange ? "change_role" : "update_profile",
        input.role,
      );
      if (target.version !== expectedVersion) throw preconditionFailed();
      const changes: Record<string, { from: string; to: string }> = {};
      if (input.displayName !== undefined && input.displayName !== target.displayName) {
        changes.display_name = { from: target.displayName, to: input.displayName };
      }
      if (input.role !== undefined && input.role !== target.role)
        changes.role = { from: target.role, to: input.role };
      if (input.clearance !== undefined && input.clearance !== target.clearance)
        changes.clearance = { from: target.clearance, to: input.clearance };
      const updated = await updateUserIfVersion(
        context.tx,
        userId,
        expectedVersion,
        {
          ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
          ...(input.role !== undefined ? { role: input.role } : {}),
          ...(input.clearance !== undefined ? { clearance: input.clearance } : {}),
        },
        context.now,
      );
      if (!updated) throw preconditionFailed();
      context.note({ details: { changes } });
      return toUserView(updated);
    },
  );
}
