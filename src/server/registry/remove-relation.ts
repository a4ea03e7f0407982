import { deleteRelation } from "../../db/registry/instruments.repository.js";
import { notFound } from "../platform/errors.js";
import type { Caller } from "../platform/operation.js";
import { authorizeRegistry } from "./authorize.js";
import { runFactOperation } from "./fact-operation.js";

export type RemoveRelationOptions = Caller & { instrumentId: string; relationId: string };

/** Removes a relation between two instruments; the audit entry keeps what it said. */
export function removeRelation({
  services,
  actor,
  origin,
  instrumentId,
  relationId,
}: RemoveRelationOptions): Promise<void> {
  return runFactOperation(
    { services, actor, origin, instrumentId, eventType: "registry.relation_removed" },
    async (context, instrument) => {
      authorizeRegistry(context, "remove_fact");
      const removed = await deleteRelation(context.tx, instrumentId, relationId);
      if (!removed) throw notFound("relation");
      context.note({
        details: {
          instrument: instrument.code,
          removed: { kind: removed.kind, from: removed.fromInstrumentId, to: removed.toInstrumentId },
        },
      });
    },
  );
}
