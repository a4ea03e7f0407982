import {
  CONFIDENTIALITY_LEVELS,
  CONFIDENTIALITY_RANK,
  type ConfidentialityLevel,
} from "../../domain/cases/vocabulary.js";
import type { OutcomeKind } from "../../domain/engagements/vocabulary.js";
import { hasPermission } from "../../domain/platform/roles.js";
import type { ErrorCodeOf, Role } from "../../domain/platform/vocabulary.js";
import { type CasePlacement, mayReadCase } from "../cases/case.policy.js";

/**
 * Who reads and who records engagements, their outcomes and action items. Read as sentences:
 * - a user reads an engagement if their role reads engagements (engagements.read) and their
 *   clearance is at least the engagement's confidentiality; an engagement they may not read
 *   does not exist for them (404, never counted in a list);
 * - a user records and edits engagements, participants and outcomes if their role writes
 *   engagements (engagements.write), only at a level within their clearance;
 * - an outcome that writes to the registry (an instrument signed, a programme adopted) also
 *   needs the role that changes the registry (registry.write): the signatures land there;
 * - a case linked to an engagement follows the case's own need-to-know: a reader who may
 *   not read the case sees the engagement without that outcome, and cannot link that case
 *   (it answers "no such case", as if it did not exist);
 * - an action item is worked by anyone who writes engagements, and by its owner (the user,
 *   or a member of the owning team) whose role reads engagements: they move its status and
 *   add notes; handing it to someone else or moving its due day needs engagements.write;
 * - the server's operator (the `comity` command on the server's machine) may do everything.
 */

export type UserEngagementSubject = {
  operator?: false;
  userId: string;
  username: string;
  role: Role;
  clearance: ConfidentialityLevel;
  /** The teams the user belongs to, read in the same transaction (never cached). */
  teamIds: ReadonlySet<string>;
};

/** The operator: the `comity` command or the server itself (as cases' operator, case.policy.ts). */
export type OperatorEngagementSubject = { operator: true };

export type EngagementSubject = OperatorEngagementSubject | UserEngagementSubject;

export const ENGAGEMENT_OPERATOR: OperatorEngagementSubject = { operator: true };

export function isEngagementOperator(subject: EngagementSubject): subject is OperatorEngagementSubject {
  return subject.operator === true;
}

/** What the policy needs of an engagement: how confidential it is. */
export type EngagementPlacement = { confidentiality: ConfidentialityLevel };

export type EngagementDecision =
  | { allowed: true }
  /** The user may not learn that the engagement exists: answered as "not found". */
  | { allowed: false; code: "need_to_know"; message: string; conceal: true }
  | { allowed: false; code: ErrorCodeOf<403>; message: string; conceal: false };

const ALLOW = { allowed: true } as const;

function cleared(subject: UserEngagementSubject, level: ConfidentialityLevel): boolean {
  return CONFIDENTIALITY_RANK[subject.clearance] >= CONFIDENTIALITY_RANK[level];
}

function refuse(code: ErrorCodeOf<403>, message: string): EngagementDecision & { conceal: false } {
  return { allowed: false, code, message, conceal: false };
}

const CONCEAL = {
  allowed: false,
  code: "need_to_know",
  message: "No such engagement.",
  conceal: true,
} as const;

export function mayReadEngagement(subject: EngagementSubject, engagement: EngagementPlacement): boolean {
  if (isEngagementOperator(subject)) return true;
  return hasPermission(subject.role, "engagements.read") && cleared(subject, engagement.confidentiality);
}

export function decideEngagementRead(
  subject: EngagementSubject,
  engagement: EngagementPlacement,
): EngagementDecision {
  return mayReadEngagement(subject, engagement) ? ALLOW : CONCEAL;
}

/**
 * Recording an engagement at `confidentiality` (a new one, or an existing one moved to
 * that level): the role writes engagements and the level is within the user's clearance.
 */
export function decideEngagementPlacement(
  subject: EngagementSubject,
  confidentiality: ConfidentialityLevel,
): Exclude<EngagementDecision, { conceal: true }> {
  if (isEngagementOperator(subject)) return ALLOW;
  if (!hasPermission(subject.role, "engagements.write"))
    return refuse("permission_denied", "Your role does not record engagements.");
  if (!cleared(subject, confidentiality))
    return refuse(
      "clearance_exceeded",
      `Your clearance (${subject.clearance}) is below the engagement's confidentiality level (${confidentiality}).`,
    );
  return ALLOW;
}

/** Changing an engagement, or recording an outcome of it: read it (else 404), then write. */
export function decideEngagementWrite(
  subject: EngagementSubject,
  engagement: EngagementPlacement,
): EngagementDecision {
  if (!mayReadEngagement(subject, engagement)) return CONCEAL;
  return decideEngagementPlacement(subject, engagement.confidentiality);
}

/** The extra permission an outcome of this kind needs beyond writing the engagement. */
export function decideOutcomeKind(subject: EngagementSubject, kind: OutcomeKind): EngagementDecision {
  if (isEngagementOperator(subject)) return ALLOW;
  if (
    (kind === "instrument_signed" || kind === "programme_adopted") &&
    !hasPermission(subject.role, "registry.write")
  )
    return refuse(
      "permission_denied",
      "Recording a signature or an adopted programme writes to the registry: only registrars may.",
    );
  return ALLOW;
}

/** Whether a case linked to an engagement (a "case discussed" outcome) may be shown to, or linked by, the subject. */
export function mayReadLinkedCase(subject: EngagementSubject, kase: CasePlacement): boolean {
  return mayReadCase(subject, kase);
}

/** An action item's owner: a user, or a team. */
export type ActionItemOwnership = { ownerUserId: string | null; ownerTeamId: string | null };

export function ownsActionItem(subject: EngagementSubject, item: ActionItemOwnership): boolean {
  if (isEngagementOperator(subject)) return false;
  return (
    (item.ownerUserId !== null && item.ownerUserId === subject.userId) ||
    (item.ownerTeamId !== null && subject.teamIds.has(item.ownerTeamId))
  );
}

/** What a change to an action item touches: its status and notes, or also who owns it and when it is due. */
export type ActionItemChange = { reassigns: boolean };

export function decideActionItemUpdate(
  subject: EngagementSubject,
  engagement: EngagementPlacement,
  item: ActionItemOwnership,
  change: ActionItemChange,
): EngagementDecision {
  if (!mayReadEngagement(subject, engagement)) return CONCEAL;
  if (isEngagementOperator(subject)) return ALLOW;
  if (hasPermission(subject.role, "engagements.write")) return decideEngagementWrite(subject, engagement);
  // The item's ownership refuses here, not the role (which works the items it owns).
  if (!ownsActionItem(subject, item))
    return refuse("forbidden", "Only its owner, or someone who records engagements, works this item.");
  if (change.reassigns)
    return refuse(
      "permission_denied",
      "An owner moves the item on and adds notes; handing it over or moving its due day needs engagements.write.",
    );
  return ALLOW;
}

/** May this account own action items: its role reads engagements. */
export function mayOwnActionItems(role: Role): boolean {
  return hasPermission(role, "engagements.read");
}

/**
 * The same rule as `mayReadEngagement`, as the list queries' WHERE clause takes it
 * (src/db/engagements/engagements.repository.ts), so that lists and totals never count
 * an engagement, or an action item of one, that the reader may not see.
 */
export function engagementVisibility(subject: EngagementSubject): { levels: ConfidentialityLevel[] } {
  if (isEngagementOperator(subject)) return { levels: [...CONFIDENTIALITY_LEVELS] };
  if (!hasPermission(subject.role, "engagements.read")) return { levels: [] };
  return { levels: CONFIDENTIALITY_LEVELS.filter((level) => cleared(subject, level)) };
}
