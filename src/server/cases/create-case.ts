import { createHash } from "node:crypto";
import { caseColumns, findCaseById, insertCase, insertCaseEvent } from "../../db/cases/cases.repository.js";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
} from "../../db/platform/idempotency-keys.repository.js";
import type { CaseEvent, CaseEventInput } from "../../domain/cases/model.js";
import { applyEvent } from "../../domain/cases/projection.js";
import { type CaseView, type CreateCaseInput, caseViewSchema } from "../../domain/cases/schemas.js";
import { checkTransition } from "../../domain/cases/state-machine.js";
import { type CanonicalValue, canonicalJson } from "../../domain/platform/canonical-json.js";
import { ConcealedError, unprocessable } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { afterEventAppended } from "./after-event-appended.js";
import { authorizePlacement, loadCaseActor, placementOf } from "./authorize.js";
import { decideCaseAction } from "./case.policy.js";
import { loadCaseView } from "./case-view.js";
import { checkHeaderReferences, checkReferenceFree } from "./check-references.js";
import { recordCaseEvent, transitionRefused } from "./record-event.js";

export const CREATE_CASE_ROUTE = "POST /api/cases";

export type CreateCaseOptions = Caller & {
  /** The client's Idempotency-Key: a repeat with the same key and body returns the first response. */
  idempotencyKey: string;
  /** The case to open: its header, its facts and, for an incoming request, when it arrived. */
  input: CreateCaseInput;
};

/** The case opened now or, for a repeated key, the first response's view (both answer 201). */
export type CreatedCase = { view: CaseView; replayed: boolean };

/** The same body always hashes alike, whatever the order of its keys. */
function requestHash(input: CreateCaseInput): string {
  return createHash("sha256")
    .update(canonicalJson(input as unknown as CanonicalValue))
    .digest("hex");
}

/**
 * Opens a case: its `opened` event (and `received`, when an incoming request's date of
 * arrival is given), in one transaction with its audit entry. Idempotent by key: the
 * same key and body again returns the first response, without opening a second case;
 * the same key with another body is refused (422 idempotency_key_reused).
 */
export async function createCase({
  services,
  actor,
  origin,
  idempotencyKey,
  input,
}: CreateCaseOptions): Promise<CreatedCase> {
  return runOperation(
    services,
    { eventType: "case.created", objectType: "case", objectId: input.header.reference, actor, origin },
    async (context) => {
      const caseActor = await loadCaseActor(context);
      const hash = requestHash(input);
      const earlier = await claimIdempotencyKey(context.tx, {
        userId: caseActor.userId,
        key: idempotencyKey,
        route: CREATE_CASE_ROUTE,
        requestHash: hash,
        createdAt: context.now,
      });
      if (earlier) {
        if (earlier.route !== CREATE_CASE_ROUTE || earlier.requestHash !== hash) {
          throw unprocessable(
            "idempotency_key_reused",
            "This Idempotency-Key was used for another request; make a new key for a new request.",
            [{ path: "headers.idempotency-key", message: "used for another request" }],
          );
        }
        // The first request committed its response with its key: the claim above waited for it.
        const first = earlier.responseBody as { id?: unknown };
        // The case may have moved out of the user's reach since: replay only what they may still read.
        const current = typeof first.id === "string" ? await findCaseById(context.tx, first.id) : null;
        if (!current || !decideCaseAction(caseActor, "read", placementOf(current)).allowed)
          throw new ConcealedError("case", current ? "need_to_know" : "not_found");
        // The first response as stored; one stored before the contract changed is answered as the case is now.
        const stored = caseViewSchema.safeParse(earlier.responseBody);
        const view = stored.success ? stored.data : await loadCaseView(context, current);
        context.note({ objectId: view.id, details: { reference: view.header.reference, replayed: true } });
        return { view, replayed: true };
      }

      const header = input.header;
      authorizePlacement(caseActor, {
        teamId: header.teamId ?? null,
        confidentiality: header.confidentiality,
      });
      await checkReferenceFree(context, header.reference, "body.header.reference");
      await checkHeaderReferences(context, { header, merged: header, path: "body.header" });

      const opened: CaseEventInput = { type: "opened", payload: { header, facts: input.facts } };
      const check = checkTransition(null, opened);
      if (!check.ok) throw transitionRefused(check);
      const event = {
        ...opened,
        sequence: 1,
        recordedAt: context.now.toISOString(),
        actorId: caseActor.userId,
      } as CaseEvent;
      const inserted = await insertCase(context.tx, caseColumns(applyEvent(null, event)), context.now);
      await insertCaseEvent(context.tx, inserted.id, event);
      let row = await afterEventAppended(context, inserted, event, [event]);
      if (input.receivedOn !== undefined) {
        row = (
          await recordCaseEvent(
            context,
            row,
            { type: "received", payload: { on: input.receivedOn } },
            caseActor.userId,
          )
        ).row;
      }

      const view = await loadCaseView(context, row);
      await completeIdempotencyKey(context.tx, caseActor.userId, idempotencyKey, { status: 201, body: view });
      context.note({
        objectId: row.id,
        details: {
          reference: row.reference,
          kind: row.kind,
          direction: row.direction,
          confidentiality: row.confidentiality,
          teamId: row.teamId,
          version: row.version,
        },
      });
      return { view, replayed: false };
    },
  );
}
