import type { CaseRow } from "../../db/cases/cases.repository.js";
import type { CaseEventInput } from "../../domain/cases/model.js";
import { type CaseView, SERVER_ONLY_EVENT_TYPES } from "../../domain/cases/schemas.js";
import { mergeHeader } from "../../domain/cases/state-machine.js";
import { badRequest, preconditionFailed } from "../platform/errors.js";
import { type Caller, type OperationContext, runOperation } from "../platform/operation.js";
import { authorizePlacement, type CaseActor, loadCaseActor, openCase } from "./authorize.js";
import { loadCaseView } from "./case-view.js";
import { checkHeaderReferences, checkReferenceFree, checkTeamExists } from "./check-references.js";
import { recordCaseEvent } from "./record-event.js";

const SERVER_ONLY: readonly string[] = SERVER_ONLY_EVENT_TYPES;

/**
 * An event that moves the case (to another team, another confidentiality level, another
 * reference) is checked like an opening: what it names must exist, and the case must stay
 * where its author could work it.
 */
async function checkMove(
  context: OperationContext,
  actor: CaseActor,
  row: CaseRow,
  input: CaseEventInput,
): Promise<void> {
  const projection = row.projection;
  if (input.type === "header_amended") {
    const amendment = input.payload.header;
    const merged = mergeHeader(projection.header, amendment);
    if (amendment.reference !== undefined && amendment.reference !== row.reference)
      await checkReferenceFree(context, amendment.reference, "body.payload.header.reference");
    await checkHeaderReferences(context, { header: amendment, merged, path: "body.payload.header" });
    if ((merged.teamId ?? null) !== row.teamId || merged.confidentiality !== row.confidentiality)
      authorizePlacement(actor, { teamId: merged.teamId ?? null, confidentiality: merged.confidentiality });
  }
  if (input.type === "assigned" && input.payload.teamId && input.payload.teamId !== row.teamId) {
    await checkTeamExists(context, input.payload.teamId, "body.payload.teamId");
    authorizePlacement(actor, {
      teamId: input.payload.teamId,
      confidentiality: projection.header.confidentiality,
    });
  }
}

export type AppendCaseEventOptions = Caller & {
  reference: string;
  expectedVersion: number;
  event: CaseEventInput;
};

/**
 * Records what happened in a case, if nobody recorded anything since the version the
 * client read (If-Match; else 412 with the current ETag). The row is locked for the
 * transaction, so parallel appends queue and none is lost; the state machine decides
 * whether the event may happen now (409 illegal_transition, 422 invalid_reference).
 */
export async function appendCaseEvent({
  services,
  actor,
  origin,
  reference,
  expectedVersion,
  event,
}: AppendCaseEventOptions): Promise<CaseView> {
  return runOperation(
    services,
    { eventType: "case.event_recorded", objectType: "case", objectId: reference, actor, origin },
    async (context) => {
      const caseActor = await loadCaseActor(context);
      const row = await openCase(context, caseActor, reference, "write");
      if (row.version !== expectedVersion) throw preconditionFailed(row.version);
      if (SERVER_ONLY.includes(event.type)) {
        throw badRequest("server_recorded_event", `Only the server records "${event.type}" events.`, [
          { path: "body.type", message: "recorded by the server only" },
        ]);
      }
      await checkMove(context, caseActor, row, event);
      const { row: updated, event: recorded } = await recordCaseEvent(context, row, event, caseActor.userId);
      context.note({
        details: { reference: row.reference, type: recorded.type, sequence: recorded.sequence },
      });
      return loadCaseView(context, updated);
    },
  );
}
