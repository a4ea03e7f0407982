import type { Executor } from "../../db/client.js";
import {
  type ActionItemRow,
  type EngagementRow,
  findActionItem,
  findEngagement,
} from "../../db/engagements/engagements.repository.js";
import { teamIdsOf } from "../../db/platform/teams.repository.js";
import { findUserById } from "../../db/platform/users.repository.js";
import type { ConfidentialityLevel, Role } from "../../domain/platform/vocabulary.js";
import { ConcealedError, forbidden, unauthorized } from "../platform/errors.js";
import type { OperationContext } from "../platform/operation.js";
import {
  type ActionItemChange,
  decideActionItemUpdate,
  decideEngagementRead,
  decideEngagementWrite,
  ENGAGEMENT_OPERATOR,
  type EngagementDecision,
  type EngagementSubject,
  type UserEngagementSubject,
} from "./engagement.policy.js";

export type { EngagementSubject, UserEngagementSubject };

/**
 * Whoever acts on engagements in this operation: a signed-in user with their role,
 * clearance and teams read in the operation's transaction (a change by an administrator
 * applies at once), or the server's operator (the `comity` command, the server itself),
 * who may do everything (engagement.policy.ts). Anyone else is refused.
 */
export async function loadEngagementSubject(context: OperationContext): Promise<EngagementSubject> {
  if (context.actor.kind === "cli" || context.actor.kind === "system") return ENGAGEMENT_OPERATOR;
  if (context.actor.kind !== "user") throw unauthorized();
  return loadUserEngagementSubject(context.tx, context.actor.userId);
}

/** The user `userId` as the engagement policy sees them, read with `executor`; unknown: 401. */
export async function loadUserEngagementSubject(
  executor: Executor,
  userId: string,
): Promise<UserEngagementSubject> {
  const user = await findUserById(executor, userId);
  if (!user) throw unauthorized();
  return {
    userId: user.id,
    username: user.username,
    role: user.role as Role,
    clearance: user.clearance as ConfidentialityLevel,
    teamIds: new Set(await teamIdsOf(executor, user.id)),
  };
}

/** Throws what a refusal answers: "not found" when concealed, else 403 (both recorded as denied). */
export function enforce(decision: EngagementDecision, what = "engagement"): void {
  if (decision.allowed) return;
  if (decision.conceal) throw new ConcealedError(what, "need_to_know");
  throw forbidden(decision.code, decision.message);
}

/**
 * The engagement `id`, if the subject may read it (or write it, for "write"); locked for
 * the transaction when it is to be written. One the subject may not read answers exactly
 * like one that does not exist (404).
 */
export async function openEngagement(
  context: OperationContext,
  subject: EngagementSubject,
  id: string,
  action: "read" | "write",
): Promise<EngagementRow> {
  const row = await findEngagement(context.tx, id, action === "write");
  if (!row) throw new ConcealedError("engagement", "not_found");
  const placement = { confidentiality: row.confidentiality };
  enforce(
    action === "read" ? decideEngagementRead(subject, placement) : decideEngagementWrite(subject, placement),
  );
  return row;
}

/** The action item `id` and its engagement, locked, if the subject may make the change (read off the item) to it. */
export async function openActionItem(
  context: OperationContext,
  subject: EngagementSubject,
  id: string,
  change: (item: ActionItemRow) => ActionItemChange,
): Promise<{ item: ActionItemRow; engagement: EngagementRow }> {
  const item = await findActionItem(context.tx, id, true);
  if (!item) throw new ConcealedError("action item", "not_found");
  const engagement = await findEngagement(context.tx, item.engagementId, true);
  if (!engagement) throw new ConcealedError("action item", "not_found");
  enforce(
    decideActionItemUpdate(subject, { confidentiality: engagement.confidentiality }, item, change(item)),
    "action item",
  );
  return { item, engagement };
}
