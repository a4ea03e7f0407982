import { hasPermission } from "../../domain/platform/roles.js";
import type { Role } from "../../domain/platform/vocabulary.js";
import type { PolicyDecision } from "../platform/users/user.policy.js";

/**
 * Who may change the registry. Read as sentences:
 * - registrars create and edit instruments and record their facts; everyone else reads;
 * - a person with a shell on the server (the CLI) acts as a registrar, for imports;
 * - facts shipped in the catalogue cannot be removed: they come with their source, so a
 *   wrong one is answered by recording the right fact with its own source.
 */
export type RegistryAction = "create" | "update" | "add_fact" | "remove_fact" | "import";

export type RegistryActor = { role: Role } | { cli: true };

export function decideRegistryAction(
  actor: RegistryActor,
  action: RegistryAction,
  fact?: { origin: string },
): PolicyDecision {
  const allowed = "cli" in actor || hasPermission(actor.role, "registry.write");
  if (!allowed)
    return { allowed: false, code: "permission_denied", message: "Only registrars change the registry." };
  if (action === "remove_fact" && fact?.origin === "catalogue") {
    return {
      allowed: false,
      code: "shipped_fact",
      message: "Facts shipped with Comity's catalogue stay; record the correct fact with its source instead.",
    };
  }
  return { allowed: true };
}
