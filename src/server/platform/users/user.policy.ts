import { hasPermission } from "../../../domain/platform/roles.js";
import type { ErrorCode, ErrorCodeOf, Role } from "../../../domain/platform/vocabulary.js";

/**
 * Who may do what to which user account. Read as sentences:
 * - an administrator may edit any account's name and unlock or enable any account;
 * - an administrator may change another account's role, disable it or reset its access,
 *   but not their own (they would lock themselves out of administration);
 * - nobody may remove the last active administrator, by disabling or demoting them.
 */
export type UserAction = "update_profile" | "change_role" | "disable" | "enable" | "unlock" | "reset_access";

export type UserPolicyInput = {
  actor: { userId: string; role: Role };
  target: { id: string; role: Role; disabled: boolean };
  /** Administrators that are not disabled, the target included if it is one. */
  activeAdministrators: number;
  newRole?: Role;
};

/** A policy's answer; a refusal names its code (403 unless the policy says otherwise). */
export type PolicyDecision<Code extends ErrorCode = ErrorCodeOf<403>> =
  | { allowed: true }
  | { allowed: false; code: Code; message: string };

const ALLOW: PolicyDecision = { allowed: true };
const deny = (code: ErrorCodeOf<403>, message: string): PolicyDecision => ({ allowed: false, code, message });

export function decideUserAction(action: UserAction, input: UserPolicyInput): PolicyDecision {
  if (!hasPermission(input.actor.role, "users.manage")) {
    return deny("permission_denied", "Your role does not allow managing accounts.");
  }
  const self = input.actor.userId === input.target.id;
  const removesAnAdministrator =
    input.target.role === "administrator" &&
    !input.target.disabled &&
    (action === "disable" || (action === "change_role" && input.newRole !== "administrator"));
  switch (action) {
    case "update_profile":
    case "enable":
    case "unlock":
      return ALLOW;
    case "change_role":
      if (self)
        return deny("self_role_change", "You cannot change your own role; ask another administrator.");
      break;
    case "disable":
      if (self) return deny("self_disable", "You cannot disable your own account.");
      break;
    case "reset_access":
      if (self) return deny("self_reset", "Change your own password from your profile instead.");
      return ALLOW;
  }
  if (removesAnAdministrator && input.activeAdministrators <= 1) {
    return deny("last_administrator", "This is the last active administrator; appoint another one first.");
  }
  return ALLOW;
}
