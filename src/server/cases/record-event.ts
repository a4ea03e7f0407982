import { type CaseRow, insertCaseEvent, listCaseEvents } from "../../db/cases/cases.repository.js";
import type { CaseEvent, CaseEventInput } from "../../domain/cases/model.js";
import { checkTransition, type TransitionRefusal } from "../../domain/cases/state-machine.js";
import { blockersFor, followUpsFor } from "../../domain/rules/evaluate.js";
import { type AppError, conflict, unprocessable } from "../platform/errors.js";
import type { OperationContext } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { afterEventAppended } from "./after-event-appended.js";
import { evaluateCase } from "./evaluate-case.js";

/** A refusal of the state machine as the API answers it: 409 for the status, 422 for a reference. */
export function transitionRefused(refusal: TransitionRefusal): AppError {
  return refusal.code === "illegal_transition"
    ? conflict("illegal_transition", refusal.message, [{ path: "body.type", message: refusal.message }])
    : unprocessable("invalid_reference", refusal.message, [
        { path: "body.payload", message: refusal.message },
      ]);
}

/**
 * Appends one event to a case whose row the caller holds locked (SELECT ... FOR UPDATE):
 * the state machine must accept it, and the conditions of the legal basis must not stop
 * it (a consultation before a refusal, an assurance before a grant: 409
 * condition_unmet, citing the articles). Then the next sequence, the stream, everything
 * derived from it (afterEventAppended), and the follow-ups the rules open on it (a
 * refusal to extradite an own national opens domestic prosecution), recorded by the
 * server as events of their own in the same transaction.
 */
export async function recordCaseEvent(
  context: OperationContext,
  caseRow: CaseRow,
  input: CaseEventInput,
  actorId: string | null,
): Promise<{ row: CaseRow; event: CaseEvent }> {
  const check = checkTransition(caseRow.projection, input);
  if (!check.ok) throw transitionRefused(check);
  const events: CaseEvent[] = await listCaseEvents(context.tx, caseRow.id);
  const { header, facts } = caseRow.projection;
  const before = await evaluateCase(
    context,
    { header, facts, events },
    officeToday(context.services, context.now),
  );
  const blockers = blockersFor(before.checker, input);
  if (blockers.length > 0) {
    throw conflict(
      "condition_unmet",
      blockers.map((blocker) => blocker.message.en).join(" "),
      blockers.map((blocker) => ({
        path: "body.type",
        message: `${blocker.instrument} art. ${blocker.article} (${blocker.ruleId}): ${blocker.message.en}`,
      })),
    );
  }
  const event = appended(context, caseRow.version + 1, input, actorId);
  await insertCaseEvent(context.tx, caseRow.id, event);
  events.push(event);
  let row = await afterEventAppended(context, caseRow, event, events);
  for (const followUp of followUpsFor(before.checker, input)) {
    const opened: CaseEventInput = {
      type: "follow_up_opened",
      payload: {
        on: input.type === "decided" ? input.payload.on : officeToday(context.services, context.now),
        task: followUp.task,
        ruleId: followUp.ruleId,
        note: followUp.note.en,
      },
    };
    if (!checkTransition(row.projection, opened).ok) continue;
    const next = appended(context, row.version + 1, opened, null);
    await insertCaseEvent(context.tx, row.id, next);
    events.push(next);
    row = await afterEventAppended(context, row, next, events);
  }
  return { row, event };
}

function appended(
  context: OperationContext,
  sequence: number,
  input: CaseEventInput,
  actorId: string | null,
): CaseEvent {
  return { ...input, sequence, recordedAt: context.now.toISOString(), actorId } as CaseEvent;
}
