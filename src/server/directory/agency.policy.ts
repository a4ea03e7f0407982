import { hasPermission } from "../../domain/platform/roles.js";
import type { ErrorCodeOf, Role } from "../../domain/platform/vocabulary.js";
import type { PolicyDecision } from "../platform/users/user.policy.js";

/**
 * Who may change the directory, and what an agency's parent may be. Read as sentences:
 * - registrars add and edit agencies, officials and positions; everyone else reads;
 * - an agency's parent is another agency of the same state (a regional prosecutor's
 *   office under the Prosecutor General's Office), never itself or one of its own units.
 */
export function decideDirectoryWrite(role: Role): PolicyDecision {
  return hasPermission(role, "directory.write")
    ? { allowed: true }
    : { allowed: false, code: "permission_denied", message: "Only registrars change the directory." };
}

export function decideAgencyParent(
  agency: { id: string | null; stateCode: string },
  parent: { id: string; stateCode: string },
  parentIsDescendant: boolean,
): PolicyDecision<ErrorCodeOf<400>> {
  if (agency.id !== null && (parent.id === agency.id || parentIsDescendant)) {
    return {
      allowed: false,
      code: "agency_cycle",
      message: "An agency cannot be placed under itself or one of its own units.",
    };
  }
  if (parent.stateCode !== agency.stateCode) {
    return {
      allowed: false,
      code: "agency_parent_state",
      message: "The parent agency must belong to the same state.",
    };
  }
  return { allowed: true };
}
