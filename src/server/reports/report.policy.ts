import { hasPermission } from "../../domain/platform/roles.js";
import type { ErrorCodeOf } from "../../domain/platform/vocabulary.js";
import { type CaseSubject, caseVisibility } from "../cases/case.policy.js";

/**
 * Who reads statistics, and what of the cases behind them. Read as sentences:
 * - a user reads figures if their role reads reports (reports.read): figures are counts
 *   over every case, whatever its team or confidentiality, and never carry a name or a
 *   reference, so need-to-know does not narrow them;
 * - the cases behind a figure are listed only as the case policy lets the reader see
 *   cases (their teams' cases within their clearance, or every team's for a supervisor);
 *   the others are counted as hidden, never listed. An analyst, who reads no case, sees
 *   every one of them hidden;
 * - the server's operator (the `comity` command) reads every figure and every case.
 */

export type ReportDecision = { allowed: true } | { allowed: false; code: ErrorCodeOf<403>; message: string };

export function mayReadReports(subject: CaseSubject): boolean {
  if ("operator" in subject) return subject.operator;
  return hasPermission(subject.role, "reports.read");
}

export function decideReportRead(subject: CaseSubject): ReportDecision {
  if (mayReadReports(subject)) return { allowed: true };
  return {
    allowed: false,
    code: "permission_denied",
    message: "Your role does not read statistics.",
  };
}

/** Which of the cases behind a figure the reader may see listed: the case policy's rule. */
export function drillDownVisibility(subject: CaseSubject): ReturnType<typeof caseVisibility> {
  return caseVisibility(subject);
}
