import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { StateCode } from "../../domain/directory/state-codes.js";
import type { PartialIsoDate } from "../../domain/platform/dates.js";
import type { Citation } from "../../domain/registry/model.js";
import type { InstrumentKind, RelationKind, Scope, Subject } from "../../domain/registry/vocabulary.js";
import type { Executor } from "../client.js";
import { agencies } from "../directory/agencies.table.js";
import { states } from "../directory/states.table.js";
import { instrumentRelations, instruments, negotiationStages, partyActions } from "./instruments.table.js";

export type InstrumentRow = typeof instruments.$inferSelect;
export type NewInstrument = typeof instruments.$inferInsert;
export type PartyActionRow = typeof partyActions.$inferSelect;
export type NewPartyAction = typeof partyActions.$inferInsert;
export type StageRow = typeof negotiationStages.$inferSelect;
export type RelationRow = typeof instrumentRelations.$inferSelect;

export type InstrumentListFilter = {
  q?: string | undefined;
  kind?: InstrumentKind | undefined;
  subject?: Subject | undefined;
  scope?: Scope | undefined;
  binding?: boolean | undefined;
  demo?: boolean | undefined;
  /** Instruments this state is (or is to be) a party to. */
  party?: StateCode | undefined;
  /** Restrict to these ids (after a status filter computed in the service). */
  ids?: string[] | undefined;
};

export type InstrumentListRow = InstrumentRow & {
  partiesCount: number;
  partyListAsOf: PartialIsoDate | null;
  draft: boolean;
  rank: number;
};

/** A state is a party directly, through one of its agencies, or as an intended party of a draft. */
/**
 * The outer instrument's id, written out: inside a correlated subquery drizzle would
 * render the column unqualified, and "id" would then mean the inner table's own id.
 */
const OUTER_ID = sql.raw(`"instruments"."id"`);
const OUTER_INTENDED = sql.raw(`"instruments"."intended_parties"`);

function concernsState(state: string): SQL {
  return sql`(EXISTS (SELECT 1 FROM party_actions pa WHERE pa.instrument_id = ${OUTER_ID} AND pa.party_state = ${state})
    OR ${OUTER_INTENDED} @> ${JSON.stringify([{ type: "state", code: state }])}::jsonb
    OR EXISTS (SELECT 1 FROM jsonb_array_elements(${OUTER_INTENDED}) AS p
               JOIN agencies a ON a.id::text = p->>'id' WHERE p->>'type' = 'agency' AND a.state_code = ${state}))`;
}

function filterConditions(filter: InstrumentListFilter): { conditions: SQL[]; rank: SQL } {
  const conditions: SQL[] = [];
  // An expression, not the literal 0, which ORDER BY would read as a column position.
  let rank: SQL = sql`(0)::real`;
  if (filter.q) {
    const query = sql`(websearch_to_tsquery('english', ${filter.q}) || websearch_to_tsquery('russian', ${filter.q}))`;
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(${instruments.search} @@ ${query} OR ${instruments.code} ILIKE ${like} OR ${instruments.shortTitle} ILIKE ${like})`,
    );
    rank = sql`ts_rank(${instruments.search}, ${query})`;
  }
  if (filter.kind) conditions.push(eq(instruments.kind, filter.kind));
  if (filter.subject) conditions.push(sql`${filter.subject} = ANY(${instruments.subjects})`);
  if (filter.scope) conditions.push(eq(instruments.scope, filter.scope));
  if (filter.binding !== undefined) conditions.push(eq(instruments.binding, filter.binding));
  if (filter.demo !== undefined) conditions.push(eq(instruments.isDemo, filter.demo));
  if (filter.party) conditions.push(concernsState(filter.party));
  if (filter.ids) conditions.push(filter.ids.length > 0 ? inArray(instruments.id, filter.ids) : sql`false`);
  return { conditions, rank };
}

export async function listInstruments(
  executor: Executor,
  filter: InstrumentListFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: InstrumentListRow[]; total: number }> {
  const { conditions, rank } = filterConditions(filter);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const rows = await executor
    .select({
      instrument: instruments,
      partiesCount: sql<number>`(SELECT count(DISTINCT coalesce(pa.party_code, pa.party_agency_id::text))::int FROM party_actions pa WHERE pa.instrument_id = ${OUTER_ID})`,
      partyListAsOf: sql<PartialIsoDate | null>`(SELECT min(pa.as_of) FROM party_actions pa WHERE pa.instrument_id = ${OUTER_ID})`,
      draft: sql<boolean>`(EXISTS (SELECT 1 FROM negotiation_stages ns WHERE ns.instrument_id = ${OUTER_ID})
        AND NOT EXISTS (SELECT 1 FROM party_actions pa WHERE pa.instrument_id = ${OUTER_ID}))`,
      rank: sql<number>`${rank}`,
    })
    .from(instruments)
    .where(where)
    .orderBy(sql`${rank} DESC`, instruments.code)
    .limit(page.limit)
    .offset(page.offset);
  const total = await executor.select({ count: sql<number>`count(*)::int` }).from(instruments).where(where);
  return {
    rows: rows.map((row) => ({
      ...row.instrument,
      partiesCount: row.partiesCount,
      partyListAsOf: row.partyListAsOf,
      draft: row.draft,
      rank: row.rank,
    })),
    total: total[0]?.count ?? 0,
  };
}

export async function findInstrument(
  executor: Executor,
  id: string,
  forUpdate = false,
): Promise<InstrumentRow | null> {
  const query = executor.select().from(instruments).where(eq(instruments.id, id));
  const rows = forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function findInstrumentByCode(executor: Executor, code: string): Promise<InstrumentRow | null> {
  const rows = await executor.select().from(instruments).where(eq(instruments.code, code.toUpperCase()));
  return rows[0] ?? null;
}

export async function instrumentCodes(executor: Executor): Promise<Map<string, string>> {
  const rows = await executor.select({ id: instruments.id, code: instruments.code }).from(instruments);
  return new Map(rows.map((row) => [row.code, row.id]));
}

export async function insertInstrument(executor: Executor, values: NewInstrument): Promise<InstrumentRow> {
  const rows = await executor.insert(instruments).values(values).returning();
  return rows[0]!;
}

/** Compare-and-set on the version; any change to the instrument or its facts bumps it. */
export async function updateInstrumentIfVersion(
  executor: Executor,
  id: string,
  version: number,
  patch: Partial<NewInstrument>,
  now: Date,
): Promise<InstrumentRow | null> {
  const rows = await executor
    .update(instruments)
    .set({ ...patch, updatedAt: now, version: sql`${instruments.version} + 1` })
    .where(and(eq(instruments.id, id), eq(instruments.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function bumpInstrument(executor: Executor, id: string, now: Date): Promise<InstrumentRow> {
  const rows = await executor
    .update(instruments)
    .set({ updatedAt: now, version: sql`${instruments.version} + 1` })
    .where(eq(instruments.id, id))
    .returning();
  return rows[0]!;
}

// --- facts of an instrument -------------------------------------------------------------------

/** Inserts the actions that are not recorded yet; returns how many were new. */
export async function insertPartyActions(
  executor: Executor,
  values: NewPartyAction[],
): Promise<PartyActionRow[]> {
  if (values.length === 0) return [];
  const inserted: PartyActionRow[] = [];
  // Multi-row inserts, in chunks that stay far below PostgreSQL's 65,535 parameters.
  for (let start = 0; start < values.length; start += 500) {
    const chunk = values.slice(start, start + 500);
    inserted.push(...(await executor.insert(partyActions).values(chunk).onConflictDoNothing().returning()));
  }
  return inserted;
}

export async function listPartyActions(executor: Executor, instrumentId: string): Promise<PartyActionRow[]> {
  return executor
    .select()
    .from(partyActions)
    .where(eq(partyActions.instrumentId, instrumentId))
    .orderBy(sql`coalesce(${partyActions.date}, '9999')`, partyActions.partyState, partyActions.action);
}

export async function deletePartyAction(
  executor: Executor,
  instrumentId: string,
  id: string,
): Promise<PartyActionRow | null> {
  const rows = await executor
    .delete(partyActions)
    .where(and(eq(partyActions.id, id), eq(partyActions.instrumentId, instrumentId)))
    .returning();
  return rows[0] ?? null;
}

export async function listStages(executor: Executor, instrumentId: string): Promise<StageRow[]> {
  return executor
    .select()
    .from(negotiationStages)
    .where(eq(negotiationStages.instrumentId, instrumentId))
    .orderBy(sql`coalesce(${negotiationStages.date}, '9999')`, negotiationStages.createdAt);
}

export async function insertStage(
  executor: Executor,
  values: typeof negotiationStages.$inferInsert,
): Promise<StageRow> {
  const rows = await executor.insert(negotiationStages).values(values).returning();
  return rows[0]!;
}

export async function deleteStage(
  executor: Executor,
  instrumentId: string,
  id: string,
): Promise<StageRow | null> {
  const rows = await executor
    .delete(negotiationStages)
    .where(and(eq(negotiationStages.id, id), eq(negotiationStages.instrumentId, instrumentId)))
    .returning();
  return rows[0] ?? null;
}

export type RelationWithOther = RelationRow & {
  direction: "outgoing" | "incoming";
  other: { id: string; code: string; titleEn: string; titleRu: string | null };
};

export async function listRelations(executor: Executor, instrumentId: string): Promise<RelationWithOther[]> {
  const rows = await executor.execute<{
    id: string;
    from_instrument_id: string;
    to_instrument_id: string;
    kind: RelationKind;
    note: string | null;
    source: Citation | null;
    is_demo: boolean;
    created_at: Date;
    other_id: string;
    other_code: string;
    other_title_en: string;
    other_title_ru: string | null;
  }>(sql`
    SELECT r.*, o.id AS other_id, o.code AS other_code, o.title_en AS other_title_en, o.title_ru AS other_title_ru
      FROM instrument_relations r
      JOIN instruments o ON o.id = CASE WHEN r.from_instrument_id = ${instrumentId} THEN r.to_instrument_id ELSE r.from_instrument_id END
     WHERE r.from_instrument_id = ${instrumentId} OR r.to_instrument_id = ${instrumentId}
     ORDER BY r.kind, o.code`);
  return rows.rows.map((row) => ({
    id: row.id,
    fromInstrumentId: row.from_instrument_id,
    toInstrumentId: row.to_instrument_id,
    kind: row.kind,
    note: row.note,
    source: row.source,
    isDemo: row.is_demo,
    createdAt: row.created_at,
    direction: row.from_instrument_id === instrumentId ? "outgoing" : "incoming",
    other: {
      id: row.other_id,
      code: row.other_code,
      titleEn: row.other_title_en,
      titleRu: row.other_title_ru,
    },
  }));
}

export async function insertRelation(
  executor: Executor,
  values: typeof instrumentRelations.$inferInsert,
): Promise<RelationRow | null> {
  const rows = await executor.insert(instrumentRelations).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function deleteRelation(
  executor: Executor,
  instrumentId: string,
  id: string,
): Promise<RelationRow | null> {
  const rows = await executor
    .delete(instrumentRelations)
    .where(
      and(
        eq(instrumentRelations.id, id),
        sql`(${instrumentRelations.fromInstrumentId} = ${instrumentId} OR ${instrumentRelations.toInstrumentId} = ${instrumentId})`,
      ),
    )
    .returning();
  return rows[0] ?? null;
}

// --- names of parties ---------------------------------------------------------------------------

export type PartyNames = {
  states: Map<string, { nameEn: string; nameRu: string }>;
  agencies: Map<string, { nameEn: string; nameRu: string; stateCode: StateCode }>;
  organisations: Map<string, { nameEn: string }>;
};

export async function partyNames(executor: Executor): Promise<PartyNames> {
  const stateRows = await executor
    .select({ code: states.code, nameEn: states.nameEn, nameRu: states.nameRu })
    .from(states);
  const agencyRows = await executor
    .select({
      id: agencies.id,
      nameEn: agencies.nameEn,
      nameRu: agencies.nameRu,
      stateCode: agencies.stateCode,
    })
    .from(agencies);
  const organisationRows = await executor.execute<{ code: string; name_en: string }>(
    sql`SELECT code, name_en FROM organisations`,
  );
  return {
    states: new Map(stateRows.map((row) => [row.code, row])),
    agencies: new Map(agencyRows.map((row) => [row.id, row])),
    organisations: new Map(organisationRows.rows.map((row) => [row.code, { nameEn: row.name_en }])),
  };
}

export async function partyActionsForExport(executor: Executor, instrumentCode?: string) {
  return executor
    .select({
      instrumentCode: instruments.code,
      partyCode: partyActions.partyCode,
      action: partyActions.action,
      date: partyActions.date,
      source: partyActions.source,
      asOf: partyActions.asOf,
      verified: partyActions.verified,
    })
    .from(partyActions)
    .innerJoin(instruments, eq(instruments.id, partyActions.instrumentId))
    .where(
      and(
        sql`${partyActions.partyType} <> 'agency'`,
        instrumentCode ? eq(instruments.code, instrumentCode) : undefined,
      ),
    )
    .orderBy(
      instruments.code,
      partyActions.partyCode,
      sql`coalesce(${partyActions.date}, '')`,
      partyActions.action,
    );
}
