import { type SQL, sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { StateCode } from "../../domain/directory/state-codes.js";
import type { IsoDate, PartialIsoDate } from "../../domain/platform/dates.js";
import type { Citation, PartyRef } from "../../domain/registry/model.js";
import type {
  InstrumentIdentifier,
  InstrumentText,
  ReservationPayload,
} from "../../domain/registry/schemas.js";
import {
  INSTRUMENT_KINDS,
  type InstrumentKind,
  LEVELS,
  type Level,
  NEGOTIATION_STAGES,
  type NegotiationStage,
  PARTY_ACTIONS,
  PARTY_TYPES,
  type PartyActionKind,
  type PartyType,
  RELATION_KINDS,
  type RelationKind,
  SCOPES,
  type Scope,
  type Subject,
} from "../../domain/registry/vocabulary.js";
import { sqlList, stateCode, tsvector } from "../columns.js";
import { agencies } from "../directory/agencies.table.js";

/**
 * Treaties, conventions, protocols, memoranda, programmes and letters of intent. Dates
 * are ISO text (YYYY-MM-DD): calendar dates, no time zone. `search` is generated from
 * the titles with English and Russian stemming.
 */
export const instruments = pgTable(
  "instruments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    kind: text("kind").$type<InstrumentKind>().notNull(),
    titleEn: text("title_en").notNull(),
    titleRu: text("title_ru"),
    titleOriginal: text("title_original"),
    originalLanguage: text("original_language"),
    shortTitle: text("short_title"),
    identifiers: jsonb("identifiers").$type<InstrumentIdentifier[]>().notNull().default(sql`'[]'::jsonb`),
    subjects: text("subjects").array().$type<Subject[]>().notNull(),
    binding: boolean("binding").notNull(),
    level: text("level").$type<Level>().notNull(),
    scope: text("scope").$type<Scope>().notNull(),
    organisation: text("organisation"),
    openedForSignature: text("opened_for_signature").$type<IsoDate>(),
    place: text("place"),
    entryIntoForce: text("entry_into_force").$type<IsoDate>(),
    entryIntoForceDelayDays: integer("entry_into_force_delay_days"),
    termStart: text("term_start").$type<IsoDate>(),
    termEnd: text("term_end").$type<IsoDate>(),
    durationMonths: integer("duration_months"),
    depositaryUrl: text("depositary_url"),
    texts: jsonb("texts").$type<InstrumentText[]>().notNull().default(sql`'[]'::jsonb`),
    sources: jsonb("sources").$type<Citation[]>().notNull().default(sql`'[]'::jsonb`),
    intendedParties: jsonb("intended_parties").$type<PartyRef[]>().notNull().default(sql`'[]'::jsonb`),
    notes: text("notes"),
    isDemo: boolean("is_demo").notNull().default(false),
    origin: text("origin").notNull().default("manual"),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', coalesce(${instruments.titleEn}, '') || ' ' || coalesce(${instruments.shortTitle}, '') || ' ' || ${instruments.code}), 'A')
          || setweight(to_tsvector('russian', coalesce(${instruments.titleRu}, '') || ' ' || coalesce(${instruments.titleOriginal}, '')), 'A')
          || setweight(to_tsvector('english', coalesce(${instruments.notes}, '') || ' ' || coalesce(${instruments.organisation}, '')), 'C')`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (table) => [
    check("instruments_kind_check", sql`${table.kind} IN (${sqlList(INSTRUMENT_KINDS)})`),
    check("instruments_level_check", sql`${table.level} IN (${sqlList(LEVELS)})`),
    check("instruments_scope_check", sql`${table.scope} IN (${sqlList(SCOPES)})`),
    index("instruments_search").using("gin", table.search),
  ],
);

/**
 * Dated facts about a party: signature, consent, entry into force, reservations,
 * withdrawal... The status of a party on a date is computed from these, never stored.
 */
export const partyActions = pgTable(
  "party_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    instrumentId: uuid("instrument_id")
      .notNull()
      .references(() => instruments.id),
    partyType: text("party_type").$type<PartyType>().notNull(),
    partyCode: text("party_code"),
    partyAgencyId: uuid("party_agency_id").references(() => agencies.id),
    /** The state the party belongs to (itself, or the agency's); null for organisations. */
    partyState: stateCode("party_state"),
    action: text("action").$type<PartyActionKind>().notNull(),
    date: text("date").$type<IsoDate>(),
    effectiveOn: text("effective_on").$type<IsoDate>(),
    inRespectOf: text("in_respect_of").array().$type<StateCode[]>().notNull().default(sql`'{}'`),
    payload: jsonb("payload").$type<ReservationPayload>(),
    text: text("text"),
    source: jsonb("source").$type<Citation>(),
    asOf: text("as_of").$type<PartialIsoDate>(),
    verified: boolean("verified").notNull().default(false),
    isDemo: boolean("is_demo").notNull().default(false),
    origin: text("origin").notNull().default("manual"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("party_actions_party_type_check", sql`${table.partyType} IN (${sqlList(PARTY_TYPES)})`),
    check("party_actions_action_check", sql`${table.action} IN (${sqlList(PARTY_ACTIONS)})`),
    check(
      "party_actions_party_ref",
      sql`(${table.partyType} = 'agency') = (${table.partyAgencyId} IS NOT NULL) AND (${table.partyType} = 'agency') = (${table.partyCode} IS NULL)`,
    ),
    index("party_actions_instrument").on(table.instrumentId),
    index("party_actions_state").on(table.partyState),
    // One fact once: re-importing a list adds nothing.
    uniqueIndex("party_actions_fact").on(
      table.instrumentId,
      table.partyType,
      sql`coalesce(${table.partyCode}, ${table.partyAgencyId}::text)`,
      table.action,
      sql`coalesce(${table.date}, '')`,
      sql`coalesce(${table.text}, '')`,
    ),
  ],
);

export const negotiationStages = pgTable(
  "negotiation_stages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    instrumentId: uuid("instrument_id")
      .notNull()
      .references(() => instruments.id),
    stage: text("stage").$type<NegotiationStage>().notNull(),
    date: text("date").$type<IsoDate>(),
    note: text("note"),
    source: jsonb("source").$type<Citation>(),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("negotiation_stages_stage_check", sql`${table.stage} IN (${sqlList(NEGOTIATION_STAGES)})`),
    index("negotiation_stages_instrument").on(table.instrumentId),
  ],
);

export const instrumentRelations = pgTable(
  "instrument_relations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fromInstrumentId: uuid("from_instrument_id")
      .notNull()
      .references(() => instruments.id),
    toInstrumentId: uuid("to_instrument_id")
      .notNull()
      .references(() => instruments.id),
    kind: text("kind").$type<RelationKind>().notNull(),
    note: text("note"),
    source: jsonb("source").$type<Citation>(),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("instrument_relations_kind_check", sql`${table.kind} IN (${sqlList(RELATION_KINDS)})`),
    check("instrument_relations_not_self", sql`${table.fromInstrumentId} <> ${table.toInstrumentId}`),
    uniqueIndex("instrument_relations_unique").on(table.fromInstrumentId, table.toInstrumentId, table.kind),
  ],
);
