import { deleteStage } from "../../db/registry/instruments.repository.js";
import { notFound } from "../platform/errors.js";
import type { Caller } from "../platform/operation.js";
import { authorizeRegistry } from "./authorize.js";
import { runFactOperation } from "./fact-operation.js";

export type RemoveStageOptions = Caller & { instrumentId: string; stageId: string };

/** Removes a negotiation stage; the audit entry keeps what it said. */
export function removeStage({
  services,
  actor,
  origin,
  instrumentId,
  stageId,
}: RemoveStageOptions): Promise<void> {
  return runFactOperation(
    { services, actor, origin, instrumentId, eventType: "registry.stage_removed" },
    async (context, instrument) => {
      authorizeRegistry(context, "remove_fact");
      const removed = await deleteStage(context.tx, instrumentId, stageId);
      if (!removed) throw notFound("negotiation stage");
      context.note({
        details: {
          instrument: instrument.code,
          removed: { stage: removed.stage, date: removed.date, note: removed.note },
        },
      });
    },
  );
}
