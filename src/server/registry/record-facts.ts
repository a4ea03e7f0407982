import type { z } from "zod";
import {
  bumpInstrument,
  deletePartyAction,
  deleteRelation,
  deleteStage,
  findInstrument,
  type InstrumentRow,
  insertPartyActions,
  insertRelation,
  insertStage,
} from "../../db/registry/instruments.repository.js";
import type { Citation } from "../../domain/registry/model.js";
import type {
  CreatePartyActionInput,
  createRelationSchema,
  createStageSchema,
} from "../../domain/registry/schemas.js";
import { badRequest, conflict, notFound } from "../platform/errors.js";
import {
  type Actor,
  type OperationContext,
  type Origin,
  runOperation,
  type Services,
} from "../platform/operation.js";
import { authorizeRegistry } from "./authorize.js";
import { resolveParty } from "./party-ref.js";

/*
 * The facts of an instrument: party actions, negotiation stages, relations. Each
 * operation locks the instrument, bumps its version (its ETag) and records one audit
 * entry; a removal keeps the removed fact in the audit entry, so nothing is lost.
 */

async function lockInstrument(context: OperationContext, id: string): Promise<InstrumentRow> {
  const instrument = await findInstrument(context.tx, id, true);
  if (!instrument) throw notFound("instrument");
  return instrument;
}

type FactMeta = { eventType: string; objectType: string };

function factOperation<T>(
  services: Services,
  actor: Actor,
  origin: Origin,
  instrumentId: string,
  meta: FactMeta,
  work: (context: OperationContext, instrument: InstrumentRow) => Promise<T>,
): Promise<T> {
  return runOperation(services, { ...meta, objectId: instrumentId, actor, origin }, async (context) => {
    const instrument = await lockInstrument(context, instrumentId);
    const result = await work(context, instrument);
    await bumpInstrument(context.tx, instrumentId, context.now);
    return result;
  });
}

export function addPartyAction(
  services: Services,
  actor: Actor,
  origin: Origin,
  instrumentId: string,
  input: CreatePartyActionInput,
) {
  return factOperation(
    services,
    actor,
    origin,
    instrumentId,
    { eventType: "registry.party_action_added", objectType: "instrument" },
    async (context, instrument) => {
      authorizeRegistry(context, "add_fact");
      const party = await resolveParty(context.tx, input.party, "body.party");
      const [row] = await insertPartyActions(context.tx, [
        {
          instrumentId,
          ...party,
          action: input.action,
          date: input.date,
          effectiveOn: input.effectiveOn ?? null,
          inRespectOf: input.inRespectOf,
          payload: input.payload ?? null,
          text: input.text ?? null,
          source: input.source,
          asOf: input.asOf ?? null,
          verified: input.verified,
          origin: "manual",
          createdAt: context.now,
        },
      ]);
      if (!row) throw conflict("duplicate_fact", "This fact is already recorded for this party.");
      context.note({
        details: {
          instrument: instrument.code,
          party: party.partyCode ?? party.partyAgencyId,
          action: input.action,
          date: input.date,
        },
      });
      return row;
    },
  );
}

export function removePartyAction(
  services: Services,
  actor: Actor,
  origin: Origin,
  instrumentId: string,
  actionId: string,
) {
  return factOperation(
    services,
    actor,
    origin,
    instrumentId,
    { eventType: "registry.party_action_removed", objectType: "instrument" },
    async (context, instrument) => {
      authorizeRegistry(context, "add_fact");
      const removed = await deletePartyAction(context.tx, instrumentId, actionId);
      if (!removed) throw notFound("party action");
      authorizeRegistry(context, "remove_fact", removed);
      context.note({
        details: {
          instrument: instrument.code,
          removed: {
            id: removed.id,
            party: removed.partyCode ?? removed.partyAgencyId,
            action: removed.action,
            date: removed.date,
            source_url: (removed.source as Citation | null)?.url ?? null,
          },
        },
      });
    },
  );
}

export function addStage(
  services: Services,
  actor: Actor,
  origin: Origin,
  instrumentId: string,
  input: z.infer<typeof createStageSchema>,
) {
  return factOperation(
    services,
    actor,
    origin,
    instrumentId,
    { eventType: "registry.stage_added", objectType: "instrument" },
    async (context, instrument) => {
      authorizeRegistry(context, "add_fact");
      const row = await insertStage(context.tx, {
        instrumentId,
        stage: input.stage,
        date: input.date,
        note: input.note ?? null,
        source: input.source ?? null,
        createdAt: context.now,
      });
      context.note({ details: { instrument: instrument.code, stage: input.stage, date: input.date } });
      return row;
    },
  );
}

export function removeStage(
  services: Services,
  actor: Actor,
  origin: Origin,
  instrumentId: string,
  stageId: string,
) {
  return factOperation(
    services,
    actor,
    origin,
    instrumentId,
    { eventType: "registry.stage_removed", objectType: "instrument" },
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

export function addRelation(
  services: Services,
  actor: Actor,
  origin: Origin,
  instrumentId: string,
  input: z.infer<typeof createRelationSchema>,
) {
  return factOperation(
    services,
    actor,
    origin,
    instrumentId,
    { eventType: "registry.relation_added", objectType: "instrument" },
    async (context, instrument) => {
      authorizeRegistry(context, "add_fact");
      if (input.toInstrumentId === instrumentId) {
        throw badRequest("self_relation", "An instrument cannot relate to itself.", [
          { path: "body.toInstrumentId", message: "same instrument" },
        ]);
      }
      const target = await findInstrument(context.tx, input.toInstrumentId);
      if (!target)
        throw badRequest("unknown_instrument", "There is no such instrument.", [
          { path: "body.toInstrumentId", message: "unknown" },
        ]);
      const row = await insertRelation(context.tx, {
        fromInstrumentId: instrumentId,
        toInstrumentId: input.toInstrumentId,
        kind: input.kind,
        note: input.note ?? null,
        source: input.source ?? null,
        createdAt: context.now,
      });
      if (!row) throw conflict("duplicate_fact", "This relation is already recorded.");
      context.note({ details: { instrument: instrument.code, kind: input.kind, other: target.code } });
      return row;
    },
  );
}

export function removeRelation(
  services: Services,
  actor: Actor,
  origin: Origin,
  instrumentId: string,
  relationId: string,
) {
  return factOperation(
    services,
    actor,
    origin,
    instrumentId,
    { eventType: "registry.relation_removed", objectType: "instrument" },
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
