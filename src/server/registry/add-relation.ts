import type { z } from "zod";
import {
  findInstrument,
  insertRelation,
  type RelationRow,
} from "../../db/registry/instruments.repository.js";
import type { createRelationSchema } from "../../domain/registry/schemas.js";
import { badRequest, conflict } from "../platform/errors.js";
import type { Caller } from "../platform/operation.js";
import { authorizeRegistry } from "./authorize.js";
import { runFactOperation } from "./fact-operation.js";

export type AddRelationOptions = Caller & {
  instrumentId: string;
  relation: z.infer<typeof createRelationSchema>;
};

/** Relates an instrument to another: protocol of, amends, supersedes, aims at. */
export function addRelation({
  services,
  actor,
  origin,
  instrumentId,
  relation,
}: AddRelationOptions): Promise<RelationRow> {
  return runFactOperation(
    { services, actor, origin, instrumentId, eventType: "registry.relation_added" },
    async (context, instrument) => {
      authorizeRegistry(context, "add_fact");
      if (relation.toInstrumentId === instrumentId) {
        throw badRequest("self_relation", "An instrument cannot relate to itself.", [
          { path: "body.toInstrumentId", message: "same instrument" },
        ]);
      }
      const target = await findInstrument(context.tx, relation.toInstrumentId);
      if (!target)
        throw badRequest("unknown_instrument", "There is no such instrument.", [
          { path: "body.toInstrumentId", message: "unknown" },
        ]);
      const row = await insertRelation(context.tx, {
        fromInstrumentId: instrumentId,
        toInstrumentId: relation.toInstrumentId,
        kind: relation.kind,
        note: relation.note ?? null,
        source: relation.source ?? null,
        createdAt: context.now,
      });
      if (!row) throw conflict("duplicate_fact", "This relation is already recorded.");
      context.note({ details: { instrument: instrument.code, kind: relation.kind, other: target.code } });
      return row;
    },
  );
}
