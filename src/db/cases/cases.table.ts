import { type SQL, sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { CASE_EVENT_TYPES, type CaseEventType } from "../../domain/cases/model.js";
import type { CaseProjection } from "../../domain/cases/schemas.js";
import {
  CASE_KINDS,
  CASE_STATUSES,
  type CaseKind,
  type CaseStatus,
  CONFIDENTIALITY_LEVELS,
  type ConfidentialityLevel,
  DIRECTIONS,
  type Direction,
  PRIORITIES,
  type Priority,
} from "../../domain/cases/vocabulary.js";
import type { Deadline } from "../../domain/clocks/schemas.js";
import { bytea, isoDate, sqlList, stateCode, tsvector } from "../columns.js";
import { states } from "../directory/states.table.js";
import { teams } from "../platform/teams.table.js";
import { users } from "../platform/users.table.js";
import { instruments } from "../registry/instruments.table.js";

/**
 * Full-text search over a case in English, Russian and without stemming ("simple"), so
 * that "extradited" finds "extradition", "мошенничество" finds "мошенничества", and a
 * name is found as written in any script. Reference, title and persons' names weigh
 * most; offences next; the summary least.
 */
const SEARCH_CONFIGS = ["english", "russian", "simple"] as const;
function weighted(document: SQL, weight: "A" | "B" | "C"): SQL {
  return sql.join(
    SEARCH_CONFIGS.map(
      (config) => sql`setweight(to_tsvector('${sql.raw(config)}', ${document}), '${sql.raw(weight)}')`,
    ),
    sql` || `,
  );
}

/**
 * One row per case: the projection of its events (src/domain/cases/projection.ts) kept
 * beside the stream so that lists, filters and search are plain indexed queries. The row
 * is rewritten in the transaction that appends an event, under the row's lock, so it is
 * never behind its stream. `version` is the sequence of the last event, the ETag.
 */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull().unique(),
    kind: text("kind").$type<CaseKind>().notNull(),
    direction: text("direction").$type<Direction>().notNull(),
    requestingState: stateCode("requesting_state")
      .notNull()
      .references(() => states.code),
    requestedState: stateCode("requested_state")
      .notNull()
      .references(() => states.code),
    status: text("status").$type<CaseStatus>().notNull(),
    priority: text("priority").$type<Priority>().notNull(),
    confidentiality: text("confidentiality").$type<ConfidentialityLevel>().notNull(),
    teamId: uuid("team_id").references(() => teams.id),
    legalBasisInstrumentId: uuid("legal_basis_instrument_id").references(() => instruments.id),
    title: text("title").notNull(),
    offenceCategory: text("offence_category"),
    openedOn: isoDate("opened_on").notNull(),
    receivedOn: isoDate("received_on"),
    decidedOn: isoDate("decided_on"),
    closedOn: isoDate("closed_on"),
    version: integer("version").notNull(),
    projection: jsonb("projection").$type<CaseProjection>().notNull(),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`${weighted(sql`${cases.reference} || ' ' || ${cases.title} || ' ' || coalesce(${cases.projection} #>> '{header,foreignReference}', '')`, "A")}
          || ${weighted(sql`jsonb_path_query_array(${cases.projection}, '$.facts.persons[*].fullName') || jsonb_path_query_array(${cases.projection}, '$.facts.persons[*].otherNames[*]')`, "A")}
          || ${weighted(sql`jsonb_path_query_array(${cases.projection}, '$.facts.offences[*].article') || jsonb_path_query_array(${cases.projection}, '$.facts.offences[*].description')`, "B")}
          || ${weighted(sql`coalesce(${cases.projection} #>> '{header,summary}', '')`, "C")}`,
    ),
    /** The earliest open deadline, and all of them with their derivation (the clock engine fills both). */
    nextDeadlineOn: isoDate("next_deadline_on"),
    deadlines: jsonb("deadlines").$type<Deadline[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("cases_kind_check", sql`${table.kind} IN (${sqlList(CASE_KINDS)})`),
    check("cases_direction_check", sql`${table.direction} IN (${sqlList(DIRECTIONS)})`),
    check("cases_status_check", sql`${table.status} IN (${sqlList(CASE_STATUSES)})`),
    check("cases_priority_check", sql`${table.priority} IN (${sqlList(PRIORITIES)})`),
    check(
      "cases_confidentiality_check",
      sql`${table.confidentiality} IN (${sqlList(CONFIDENTIALITY_LEVELS)})`,
    ),
    check("cases_version_positive", sql`${table.version} >= 1`),
    index("cases_search").using("gin", table.search),
    index("cases_status").on(table.status),
    index("cases_kind").on(table.kind),
    index("cases_direction").on(table.direction),
    index("cases_requesting_state").on(table.requestingState),
    index("cases_requested_state").on(table.requestedState),
    index("cases_team").on(table.teamId),
    /** Need-to-know filters on both: the count behind a list's total stays index-only. */
    index("cases_confidentiality_team").on(table.confidentiality, table.teamId),
    /** "2026-0012" finds its reference anywhere inside it (pg_trgm, created in 0004). */
    index("cases_reference_trigram").using("gin", table.reference.op("gin_trgm_ops")),
    index("cases_next_deadline").on(table.nextDeadlineOn),
    index("cases_opened_on").on(table.openedOn),
    /** The latest change to any case: what tells the dashboard its cached figures are still current. */
    index("cases_updated_at").on(table.updatedAt),
  ],
);

/**
 * The events of every case, append-only: triggers (migration 0004) refuse UPDATE, DELETE
 * and TRUNCATE, and an insert must extend its case's stream by exactly one. Everything
 * about a case (status, facts on a date, deadlines, statistics) is computed from here.
 */
export const caseEvents = pgTable(
  "case_events",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    sequence: integer("sequence").notNull(),
    type: text("type").$type<CaseEventType>().notNull(),
    /**
     * The legal date of the happening (`payload.on`: the day of the arrest, not of its
     * recording); null for events without one (opened, header and facts amendments).
     * Not called "on", a reserved word in SQL.
     */
    occurredOn: isoDate("occurred_on"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true, precision: 6 }).notNull(),
    /** The user who recorded it; null when the server did (follow-ups, imports). */
    actorId: uuid("actor_id").references(() => users.id),
  },
  (table) => [
    primaryKey({ columns: [table.caseId, table.sequence] }),
    check("case_events_type_check", sql`${table.type} IN (${sqlList(CASE_EVENT_TYPES)})`),
    check("case_events_sequence_positive", sql`${table.sequence} >= 1`),
    // Statistics count events by type and date ("decided in the first eight months").
    index("case_events_type_occurred").on(table.type, table.occurredOn),
  ],
);

export const DOCUMENT_KINDS = ["uploaded", "generated"] as const;

/**
 * Documents of a case, stored in the database (one backup holds everything) with the
 * SHA-256 of their bytes, checked again on every download. Rows are immutable: triggers
 * refuse UPDATE, DELETE and TRUNCATE.
 */
export const caseDocuments = pgTable(
  "case_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    name: text("name").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    /** Null for documents the server generates. */
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
    kind: text("kind").$type<(typeof DOCUMENT_KINDS)[number]>().notNull(),
  },
  (table) => [
    check("case_documents_kind_check", sql`${table.kind} IN (${sqlList(DOCUMENT_KINDS)})`),
    check("case_documents_sha256_format", sql`${table.sha256} ~ '^[0-9a-f]{64}$'`),
    check("case_documents_size_check", sql`${table.size} >= 0`),
    index("case_documents_case").on(table.caseId),
  ],
);
