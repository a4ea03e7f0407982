import { sql } from "drizzle-orm";
import { parseStateCode, type StateCode } from "../../domain/directory/state-codes.js";
import type { IsoDate, PartialIsoDate } from "../../domain/platform/dates.js";
import type {
  PartyRef,
  RegistryInstrument,
  RegistryPartyAction,
  RegistrySnapshot,
} from "../../domain/registry/model.js";
import type { ReservationPayload } from "../../domain/registry/schemas.js";
import { buildSnapshot } from "../../domain/registry/snapshot.js";
import { termEndOf } from "../../domain/registry/term-notices.js";
import type {
  InstrumentKind,
  Level,
  NegotiationStage,
  PartyActionKind,
  PartyType,
  RelationKind,
  Scope,
  Subject,
} from "../../domain/registry/vocabulary.js";
import type { Executor } from "../client.js";

/** Rows as PostgreSQL returns them; the columns' CHECK constraints and the write schemas hold their values to these types. */
type InstrumentRow = {
  id: string;
  code: string;
  kind: InstrumentKind;
  title_en: string;
  title_ru: string | null;
  binding: boolean;
  level: Level;
  scope: Scope;
  subjects: Subject[];
  entry_into_force: IsoDate | null;
  entry_into_force_delay_days: number | null;
  term_start: IsoDate | null;
  duration_months: number | null;
  term_end: IsoDate | null;
  intended_parties: PartyRef[];
  is_demo: boolean;
};

type ActionRow = {
  id: string;
  instrument_id: string;
  party_type: PartyType;
  party_code: string | null;
  party_agency_id: string | null;
  party_state: StateCode | null;
  action: PartyActionKind;
  date: IsoDate | null;
  effective_on: IsoDate | null;
  in_respect_of: StateCode[];
  payload: ReservationPayload | null;
  as_of: PartialIsoDate | null;
  verified: boolean;
};

export function toRegistryInstrument(row: InstrumentRow): RegistryInstrument {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    titleEn: row.title_en,
    titleRu: row.title_ru,
    binding: row.binding,
    level: row.level,
    scope: row.scope,
    subjects: row.subjects,
    entryIntoForce: row.entry_into_force,
    entryIntoForceDelayDays: row.entry_into_force_delay_days,
    termStart: row.term_start,
    termEnd: termEndOf({
      termStart: row.term_start,
      termEnd: row.term_end,
      durationMonths: row.duration_months,
    }),
    intendedParties: row.intended_parties ?? [],
    isDemo: row.is_demo,
  };
}

function toPartyRef(row: ActionRow): PartyRef {
  if (row.party_type === "agency") return { type: "agency", id: row.party_agency_id! };
  if (row.party_type === "state") return { type: "state", code: parseStateCode(row.party_code!) };
  return { type: "organisation", code: row.party_code! };
}

/**
 * The whole registry as the resolver reads it, in four queries. A few thousand rows:
 * loading it per request costs milliseconds and keeps every server consistent.
 */
export async function loadRegistrySnapshot(executor: Executor): Promise<RegistrySnapshot> {
  // Sequential: the executor may be a transaction, whose queries share one connection.
  const instruments = await executor.execute<InstrumentRow>(sql`
      SELECT id, code, kind, title_en, title_ru, binding, level, scope, subjects, entry_into_force,
             entry_into_force_delay_days, term_start, term_end, duration_months, intended_parties, is_demo
        FROM instruments`);
  const actions = await executor.execute<ActionRow>(sql`
      SELECT id, instrument_id, party_type, party_code, party_agency_id, party_state, action, date,
             effective_on, in_respect_of, payload, as_of, verified
        FROM party_actions`);
  const stages = await executor.execute<{
    instrument_id: string;
    stage: NegotiationStage;
    date: IsoDate | null;
  }>(sql`SELECT instrument_id, stage, date FROM negotiation_stages`);
  const relations = await executor.execute<{
    from_instrument_id: string;
    to_instrument_id: string;
    kind: RelationKind;
  }>(sql`SELECT from_instrument_id, to_instrument_id, kind FROM instrument_relations`);
  const agencies = await executor.execute<{ id: string; state_code: StateCode }>(
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
        action: row.action,
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
      stage: row.stage,
      date: row.date,
    })),
    relations: relations.rows.map((row) => ({
      fromId: row.from_instrument_id,
      toId: row.to_instrument_id,
      kind: row.kind,
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
