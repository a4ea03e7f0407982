import {
  CONFIDENTIALITY_LEVELS,
  CONFIDENTIALITY_RANK,
  type ConfidentialityLevel,
} from "../../domain/cases/vocabulary.js";
import { hasPermission } from "../../domain/platform/roles.js";
import type { ErrorCodeOf, Role } from "../../domain/platform/vocabulary.js";

/**
 * Need-to-know on cases. Read as sentences:
 * - a user reads a case if their role reads cases, their clearance is at least the case's
 *   confidentiality, and they are on the case's team, or their role reads every case
 *   (a supervisor);
 * - a user writes to a case if they may read it and their role writes cases;
 * - a case the user may not read does not exist for them: it answers 404, never 403,
 *   and is never counted in a list;
 * - a user opens a case, or moves one to another team or confidentiality level, only where
 *   they could work it afterwards: within their clearance, and in one of their teams
 *   unless they read every case (a case officer cannot hand a case to a team they are
 *   not in, nor open a case that belongs to no team, which only supervisors would see);
 * - the persons, documents and events of a case follow the case;
 * - the server's operator (the `comity` command on the server's machine, and the server
 *   itself) reads, lists, imports and places every case at every level.
 * Administrators make teams and set clearances but read no case (separation of duties).
 */

export type UserCaseSubject = {
  role: Role;
  clearance: ConfidentialityLevel;
  /** The teams the user belongs to, read in the same transaction (never cached). */
  teamIds: ReadonlySet<string>;
};

/**
 * The operator: whoever runs `comity cases ...` on the server's machine (or the server on
 * its own behalf, as `comity seed --demo` does). They hold the database and the master
 * secret and could read every row with psql; refusing them would only send them to psql,
 * which leaves no audit entry. So they see everything, through the same services as the
 * API, and every read or import is audited as `cli:<operating-system user>`. They are no
 * user: no role, no team, no clearance, no session; the events they import have no actor.
 */
export type OperatorCaseSubject = { operator: true };

export type CaseSubject = UserCaseSubject | OperatorCaseSubject;

export const OPERATOR: OperatorCaseSubject = { operator: true };

function isOperator(subject: CaseSubject): subject is OperatorCaseSubject {
  return "operator" in subject && subject.operator === true;
}

/** What the policy needs to know of a case: where it stands. */
export type CasePlacement = { teamId: string | null; confidentiality: ConfidentialityLevel };

export type CaseAction = "read" | "write";

export type CaseDecision =
  | { allowed: true }
  /** The user may not learn that the case exists: the refusal answers "not found". */
  | { allowed: false; code: "need_to_know"; message: string; conceal: true }
  | { allowed: false; code: ErrorCodeOf<403>; message: string; conceal: false };

const ALLOW = { allowed: true } as const;

function cleared(subject: UserCaseSubject, level: ConfidentialityLevel): boolean {
  return CONFIDENTIALITY_RANK[subject.clearance] >= CONFIDENTIALITY_RANK[level];
}

function readsEveryTeam(subject: UserCaseSubject): boolean {
  return hasPermission(subject.role, "cases.read_all");
}

function onTeam(subject: UserCaseSubject, teamId: string | null): boolean {
  return teamId !== null && subject.teamIds.has(teamId);
}

export function mayReadCase(subject: CaseSubject, kase: CasePlacement): boolean {
  if (isOperator(subject)) return true;
  return (
    hasPermission(subject.role, "cases.read") &&
    cleared(subject, kase.confidentiality) &&
    (readsEveryTeam(subject) || onTeam(subject, kase.teamId))
  );
}

export function decideCaseAction(
  subject: CaseSubject,
  action: CaseAction,
  kase: CasePlacement,
): CaseDecision {
  if (!mayReadCase(subject, kase)) {
    return { allowed: false, code: "need_to_know", message: "No such case.", conceal: true };
  }
  if (isOperator(subject)) return ALLOW;
  if (action === "write" && !hasPermission(subject.role, "cases.write")) {
    return {
      allowed: false,
      code: "permission_denied",
      message: "Your role reads cases but does not record in them.",
      conceal: false,
    };
  }
  return ALLOW;
}

/** Where a new case, or a case moved to another team or level, is to stand. */
export function decideCasePlacement(
  subject: CaseSubject,
  placement: CasePlacement,
): Exclude<CaseDecision, { conceal: true }> {
  if (isOperator(subject)) return ALLOW;
  if (!hasPermission(subject.role, "cases.write")) {
    return {
      allowed: false,
      code: "permission_denied",
      message: "Your role does not record cases.",
      conceal: false,
    };
  }
  if (!cleared(subject, placement.confidentiality)) {
    return {
      allowed: false,
      code: "clearance_exceeded",
      message: `Your clearance (${subject.clearance}) is below the case's confidentiality level (${placement.confidentiality}).`,
      conceal: false,
    };
  }
  if (readsEveryTeam(subject)) return ALLOW;
  if (placement.teamId === null) {
    return {
      allowed: false,
      code: "team_required",
      message: "Choose one of your teams for the case: a case without a team is seen by supervisors only.",
      conceal: false,
    };
  }
  if (!onTeam(subject, placement.teamId)) {
    return {
      allowed: false,
      code: "not_team_member",
      message: "You can place a case only in a team you belong to.",
      conceal: false,
    };
  }
  return ALLOW;
}

/**
 * The same rule as `mayReadCase`, in the shape the list query's WHERE clause takes
 * (src/db/cases/cases.repository.ts), so that lists and counts never include a case
 * that `mayReadCase` would hide.
 */
export function caseVisibility(subject: CaseSubject): {
  levels: ConfidentialityLevel[];
  allTeams: boolean;
  teamIds: string[];
} {
  if (isOperator(subject)) return { levels: [...CONFIDENTIALITY_LEVELS], allTeams: true, teamIds: [] };
  if (!hasPermission(subject.role, "cases.read")) return { levels: [], allTeams: false, teamIds: [] };
  return {
    levels: CONFIDENTIALITY_LEVELS.filter((level) => cleared(subject, level)),
    allTeams: readsEveryTeam(subject),
    teamIds: [...subject.teamIds].sort(),
  };
}
