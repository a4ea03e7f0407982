import { type CaseActor, loadCaseSubject } from "../cases/authorize.js";
import type { OperatorCaseSubject } from "../cases/case.policy.js";
import { forbidden } from "../platform/errors.js";
import type { OperationContext } from "../platform/operation.js";
import { decideReportRead } from "./report.policy.js";

/**
 * The reader of a report, as the case policy sees them (role, clearance and teams read in
 * the operation's transaction, or the operator), refused (403, recorded) unless their
 * role reads reports.
 */
export async function loadReportReader(context: OperationContext): Promise<CaseActor | OperatorCaseSubject> {
  const subject = await loadCaseSubject(context);
  const decision = decideReportRead(subject);
  if (!decision.allowed) throw forbidden(decision.code, decision.message);
  return subject;
}
