import { sql } from "drizzle-orm";
import {
  buildSnapshot,
  type PartyRef,
  type RegistryInstrument,
  type RegistryPartyAction,
  type RegistrySnapshot,
  type ReservationPayload,
} from "../../domain/registry/model.js";
import type {
  InstrumentKind,
  Level,
  NegotiationStage,
  PartyActionKind,
  RelationKind,
  Scope,
  Subject,
} from "../../domain/registry/vocabulary.js";
import type { Executor } from "../client.js";

type InstrumentRow = {
  id: string;
  code: string;
  kind: string;
  title_en: string;
  title_ru: string | null;
  binding: boolean;
  level: string;
  scope: string;
  subjects: string[];
  entry_into_force: string | null;
  entry_into_force_delay_days: number | null;
  term_start: string | null;
  term_end: string | null;
  intended_parties: PartyRef[];
  is_demo: boolean;
};

type ActionRow = {
  id: string;
  instrument_id: string;
  party_type: string;
  party_code: string | null;
  party_agency_id: string | null;
  party_state: string | null;
  action: string;
  date: string | null;
  effective_on: string | null;
  in_respect_of: string[];
  payload: ReservationPayload | null;
  as_of: string | null;
  verified: boolean;
};

export function toRegistryInstrument(row: InstrumentRow): RegistryInstrument {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind as InstrumentKind,
    titleEn: row.title_en,
    titleRu: row.title_ru,
    binding: row.binding,
    level: row.level as Level,
    scope: row.scope as Scope,
    subjects: row.subjects as Subject[],
    entryIntoForce: row.entry_into_force,
    entryIntoForceDelayDays: row.entry_into_force_delay_days,
    termStart: row.term_start,
    termEnd: row.term_end,
    intendedParties: row.intended_parties ?? [],
    isDemo: row.is_demo,
  };
}

function toPartyRef(row: ActionRow): PartyRef {
  if (row.party_type === "agency") return { type: "agency", id: row.party_agency_id! };
  return { type: row.party_type as "state" | "organisation", code: row.party_code! };
}

/**
 * The whole registry as the resolver reads it, in four queries. A few thousand rows:
 * loading it per request costs milliseconds and keeps every server consistent.
 */
export async function loadRegistrySnapshot(executor: Executor): Promise<RegistrySnapshot> {
  // Sequential: the executor may be a transaction, whose queries share one connection.
  const instruments = await executor.execute<InstrumentRow>(sql`
      SELECT id, code, kind, title_en, title_ru, binding, level, scope, subjects, entry_into_force,
             entry_into_force_delay_days, term_start, term_end, intended_parties, is_demo
        FROM instruments`);
  const actions = await executor.execute<ActionRow>(sql`
      SELECT id, instrument_id, party_type, party_code, party_agency_id, party_state, action, date,
             effective_on, in_respect_of, payload, as_of, verified
        FROM party_actions`);
  const stages = await executor.execute<{ instrument_id: string; stage: string; date: string | null }>(
    sql`SELECT instrument_id, stage, date FROM negotiation_stages`,
  );
  const relations = await executor.execute<{
    from_instrument_id: string;
    to_instrument_id: string;
    kind: string;
  }>(sql`SELECT from_instrument_id, to_instrument_id, kind FROM instrument_relations`);
  const agencies = await executor.execute<{ id: string; state_code: string }>(
    sql`SELECT id, state_code FROM agencies`,
  );
  return buildSnapshot({
    instruments: instruments.rows.map(toRegistryInstrument),
    actions: actions.rows.map(
      (row): RegistryPartyAction => ({
        id: row.id,
        instrumentId: row.instrument_id,
        party: toPartyRef(row),
        partyState: row.party_state,
        action: row.action as PartyActionKind,
        date: row.date,
        effectiveOn: row.effective_on,
        inRespectOf: row.in_respect_of ?? [],
        payload: row.payload,
        asOf: row.as_of,
        verified: row.verified,
      }),
    ),
    stages: stages.rows.map((row) => ({
      instrumentId: row.instrument_id,
      stage: row.stage as NegotiationStage,
      date: row.date,
    })),
    relations: relations.rows.map((row) => ({
      fromId: row.from_instrument_id,
      toId: row.to_instrument_id,
      kind: row.kind as RelationKind,
    })),
    agencyStates: new Map(agencies.rows.map((row) => [row.id, row.state_code])),
  });
}

/** The registry's revision, moved by triggers on every change (migration 0003). */
export async function registryRevision(executor: Executor): Promise<number> {
  const result = await executor.execute<{ revision: string }>(
    sql`SELECT revision FROM registry_revision WHERE id = 1`,
  );
  return Number(result.rows[0]?.revision ?? 0);
}
