import type { z } from "zod";
import { insertStage, type StageRow } from "../../db/registry/instruments.repository.js";
import type { createStageSchema } from "../../domain/registry/schemas.js";
import type { Caller } from "../platform/operation.js";
import { authorizeRegistry } from "./authorize.js";
import { runFactOperation } from "./fact-operation.js";

export type AddStageOptions = Caller & { instrumentId: string; stage: z.infer<typeof createStageSchema> };

/** Records a stage of the negotiation of an instrument (a round of talks, an initialling...). */
export function addStage({
  services,
  actor,
  origin,
  instrumentId,
  stage,
}: AddStageOptions): Promise<StageRow> {
  return runFactOperation(
    { services, actor, origin, instrumentId, eventType: "registry.stage_added" },
    async (context, instrument) => {
      authorizeRegistry(context, "add_fact");
      const row = await insertStage(context.tx, {
        instrumentId,
        stage: stage.stage,
        date: stage.date,
        note: stage.note ?? null,
        source: stage.source ?? null,
        createdAt: context.now,
      });
      context.note({ details: { instrument: instrument.code, stage: stage.stage, date: stage.date } });
      return row;
    },
  );
}
