import { hasPermission } from "../../../domain/platform/roles.js";
import type { Role } from "../../../domain/platform/vocabulary.js";
import type { PolicyDecision } from "../users/user.policy.js";

/**
 * Who may change teams. Read as sentences:
 * - administrators make teams, rename them and decide who is in them;
 * - nobody who works cases may change a team, not even their own: being added to a team
 *   opens its cases, so a case worker adding themselves would grant themselves access.
 */
export type TeamAction = "create" | "update" | "add_member" | "remove_member";

export function decideTeamAction(role: Role, _action: TeamAction): PolicyDecision {
  if (!hasPermission(role, "teams.manage"))
    return { allowed: false, code: "permission_denied", message: "Only administrators manage teams." };
  return { allowed: true };
}
