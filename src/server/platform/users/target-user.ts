import {
  countActiveAdministrators,
  findUserById,
  type UserRow,
} from "../../../db/platform/users.repository.js";
import type { Role } from "../../../domain/platform/vocabulary.js";
import { forbidden, notFound, unauthorized } from "../errors.js";
import type { OperationContext } from "../operation.js";
import { decideUserAction, type UserAction } from "./user.policy.js";

/**
 * Loads the account an administrator acts on, locked for the transaction, and asks the
 * policy. A refusal throws ForbiddenError, which the operation runner records as denied.
 */
export async function authorizeOnUser(
  context: OperationContext,
  userId: string,
  action: UserAction,
  newRole?: Role,
): Promise<UserRow> {
  // A person with a shell on the server (`comity users ...`) acts with an
  // administrator's rights; the rule about the last administrator still holds.
  const actor =
    context.actor.kind === "user"
      ? { userId: context.actor.userId, role: context.actor.role }
      : context.actor.kind === "cli"
        ? { userId: `cli:${context.actor.osUser}`, role: "administrator" as Role }
        : null;
  if (!actor) throw unauthorized();
  const target = await findUserById(context.tx, userId, true);
  if (!target) throw notFound("user");
  const decision = decideUserAction(action, {
    actor,
    target: { id: target.id, role: target.role as Role, disabled: target.disabledAt !== null },
    activeAdministrators: await countActiveAdministrators(context.tx),
    ...(newRole ? { newRole } : {}),
  });
  if (!decision.allowed) throw forbidden(decision.code, decision.message);
  return target;
}
