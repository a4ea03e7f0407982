import type { Role } from "../../domain/platform/vocabulary.js";
import { forbidden, unauthorized } from "../platform/errors.js";
import type { OperationContext } from "../platform/operation.js";
import { decideRegistryAction, type RegistryAction } from "./instrument.policy.js";

/** Asks the registry policy for the operation's actor; a refusal is recorded as denied. */
export function authorizeRegistry(
  context: OperationContext,
  action: RegistryAction,
  fact?: { origin: string },
): void {
  const actor = context.actor;
  const subject =
    actor.kind === "user"
      ? { role: actor.role as Role }
      : actor.kind === "cli" || actor.kind === "system"
        ? { cli: true as const }
        : null;
  if (!subject) throw unauthorized();
  const decision = decideRegistryAction(subject, action, fact);
  if (!decision.allowed) throw forbidden(decision.code, decision.message);
}
