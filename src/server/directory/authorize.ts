import type { Role } from "../../domain/platform/vocabulary.js";
import { forbidden, unauthorized } from "../platform/errors.js";
import type { OperationContext } from "../platform/operation.js";
import { decideDirectoryWrite } from "./agency.policy.js";

/**
 * Asks the directory policy whether the operation's actor may change the directory; the
 * command line and the server itself may. A refusal is recorded as denied.
 */
export function authorizeDirectoryWrite(context: OperationContext): void {
  const actor = context.actor;
  if (actor.kind === "cli" || actor.kind === "system") return;
  if (actor.kind !== "user") throw unauthorized();
  const decision = decideDirectoryWrite(actor.role as Role);
  if (!decision.allowed) throw forbidden(decision.code, decision.message);
}
