import { type CaseRow, findCaseByReference } from "../../db/cases/cases.repository.js";
import type { Executor } from "../../db/client.js";
import { teamIdsOf } from "../../db/platform/teams.repository.js";
import { findUserById } from "../../db/platform/users.repository.js";
import type { ConfidentialityLevel } from "../../domain/cases/vocabulary.js";
import type { Role } from "../../domain/platform/vocabulary.js";
import { ConcealedError, forbidden, unauthorized } from "../platform/errors.js";
import type { OperationContext } from "../platform/operation.js";
import {
  type CaseAction,
  type CasePlacement,
  type CaseSubject,
  decideCaseAction,
  decideCasePlacement,
  OPERATOR,
  type OperatorCaseSubject,
  type UserCaseSubject,
} from "./case.policy.js";

export type CaseActor = UserCaseSubject & { userId: string };

/**
 * The acting user as the case policy sees them: role, clearance and teams, read in the
 * operation's transaction, so that a change by an administrator applies at once.
 */
export async function loadCaseActor(context: OperationContext): Promise<CaseActor> {
  if (context.actor.kind !== "user") throw unauthorized();
  return loadUserCaseActor(context.tx, context.actor.userId);
}

/** The user `userId` as the case policy sees them, read with `executor`; unknown: 401. */
export async function loadUserCaseActor(executor: Executor, userId: string): Promise<CaseActor> {
  const user = await findUserById(executor, userId);
  if (!user) throw unauthorized();
  return {
    userId: user.id,
    role: user.role as Role,
    clearance: user.clearance as ConfidentialityLevel,
    teamIds: new Set(await teamIdsOf(executor, user.id)),
  };
}

/**
 * Whoever reads cases in this operation: a signed-in user as loadCaseActor reads them, or
 * the server's operator (the `comity` command, the server itself), who sees every case
 * (case.policy.ts). Anyone else is refused. Operations that write events under a user's
 * name keep loadCaseActor, which has a user id.
 */
export async function loadCaseSubject(context: OperationContext): Promise<CaseActor | OperatorCaseSubject> {
  if (context.actor.kind === "cli" || context.actor.kind === "system") return OPERATOR;
  return loadCaseActor(context);
}

export function placementOf(row: Pick<CaseRow, "teamId" | "confidentiality">): CasePlacement {
  return { teamId: row.teamId, confidentiality: row.confidentiality as ConfidentialityLevel };
}

/**
 * The case named by `reference`, if the actor may do `action` on it; locked for the
 * transaction when it is to be written. A case the actor may not read answers exactly
 * like one that does not exist (ConcealedError: 404, recorded as denied).
 */
export async function openCase(
  context: OperationContext,
  actor: CaseSubject,
  reference: string,
  action: CaseAction,
): Promise<CaseRow> {
  const row = await findCaseByReference(context.tx, reference, action === "write");
  if (!row) throw new ConcealedError("case", "not_found");
  const decision = decideCaseAction(actor, action, placementOf(row));
  if (!decision.allowed) {
    throw decision.conceal
      ? new ConcealedError("case", "need_to_know")
      : forbidden(decision.code, decision.message);
  }
  context.note({ objectId: row.id, details: { reference: row.reference } });
  return row;
}

/** Refuses (403, recorded) placing a case where the actor could not work it. */
export function authorizePlacement(actor: CaseActor, placement: CasePlacement): void {
  const decision = decideCasePlacement(actor, placement);
  if (!decision.allowed) throw forbidden(decision.code, decision.message);
}
