import { findAgency, wouldCycle } from "../../db/directory/agencies.repository.js";
import { getState } from "../../db/directory/states.repository.js";
import type { StateCode } from "../../domain/directory/state-codes.js";
import { badRequest } from "../platform/errors.js";
import type { OperationContext } from "../platform/operation.js";
import { decideAgencyParent } from "./agency.policy.js";

/** The state an agency names must exist (400 unknown_state). */
export async function checkStateExists(context: OperationContext, code: StateCode): Promise<void> {
  if (!(await getState(context.tx, code))) {
    throw badRequest("unknown_state", `There is no state ${code}.`, [
      { path: "body.stateCode", message: "unknown state" },
    ]);
  }
}

/**
 * An agency's parent must exist and be allowed by the policy: of the same state, and
 * neither the agency itself nor one of its own units. `agency.id` is null for a new one.
 */
export async function checkAgencyParent(
  context: OperationContext,
  agency: { id: string | null; stateCode: string },
  parentId: string | null | undefined,
): Promise<void> {
  if (!parentId) return;
  const parent = await findAgency(context.tx, parentId);
  if (!parent)
    throw badRequest("unknown_agency", "There is no such parent agency.", [
      { path: "body.parentAgencyId", message: "unknown" },
    ]);
  const descendant = agency.id !== null && (await wouldCycle(context.tx, agency.id, parentId));
  const decision = decideAgencyParent(agency, parent, descendant);
  if (!decision.allowed)
    throw badRequest(decision.code, decision.message, [
      { path: "body.parentAgencyId", message: decision.message },
    ]);
}
