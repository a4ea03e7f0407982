import { listCaseDocuments } from "../../db/cases/case-documents.repository.js";
import { type CaseRow, listCaseEvents } from "../../db/cases/cases.repository.js";
import { findTeam } from "../../db/platform/teams.repository.js";
import type { CaseView } from "../../domain/cases/schemas.js";
import type { OperationContext } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { evaluateCase } from "./evaluate-case.js";
import { toCaseView } from "./views.js";

/**
 * The view of a case as it stands in the operation's transaction, with what its rules say
 * today: the checker's findings and the deadlines, computed afresh (a deadline's state and
 * days left change with the date, not only with the events).
 */
export async function loadCaseView(context: OperationContext, row: CaseRow): Promise<CaseView> {
  // One connection: its queries run one after the other.
  const team = row.teamId ? await findTeam(context.tx, row.teamId) : null;
  const documents = await listCaseDocuments(context.tx, row.id);
  const events = await listCaseEvents(context.tx, row.id);
  const { header, facts } = row.projection;
  const evaluation = await evaluateCase(
    context,
    { header, facts, events },
    officeToday(context.services, context.now),
  );
  return toCaseView(row, documents, team?.name ?? null, evaluation);
}
