import { type CaseRow, caseColumns, rewriteCase } from "../../db/cases/cases.repository.js";
import type { CaseEvent } from "../../domain/cases/model.js";
import { applyEvent } from "../../domain/cases/projection.js";
import type { OperationContext } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { caseStreamHooks } from "./case-stream-hooks.js";
import { evaluateCase } from "./evaluate-case.js";

/**
 * Everything derived from a case's stream, brought up to date in the transaction that
 * appended `event`, under the case row's lock. `caseRow` is the row as it was before the
 * event (for `opened`, the row just inserted from it); `events` is the whole stream with
 * `event` last. The returned row is current: status, the indexed columns of the list
 * filters, the search document, the version, and the deadlines of the clock engine with
 * the earliest open one (`next_deadline_on`, which the due-soon and overdue lists read),
 * and what other features keep in step with the stream (case-stream-hooks.ts: the
 * statistic rows reports count from).
 */
export async function afterEventAppended(
  context: OperationContext,
  caseRow: CaseRow,
  event: CaseEvent,
  events: readonly CaseEvent[],
): Promise<CaseRow> {
  const projection = applyEvent(event.type === "opened" ? null : caseRow.projection, event);
  const evaluation = await evaluateCase(
    context,
    { header: projection.header, facts: projection.facts, events },
    officeToday(context.services, context.now),
  );
  for (const hook of caseStreamHooks()) await hook.appended(context.tx, caseRow.id, events);
  return rewriteCase(
    context.tx,
    caseRow.id,
    {
      ...caseColumns(projection),
      deadlines: evaluation.deadlines,
      nextDeadlineOn: evaluation.nextDeadlineOn,
    },
    context.now,
  );
}
