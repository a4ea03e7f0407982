import { type SQL, sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { StateCode } from "../../domain/directory/state-codes.js";
import type { ActionItemEvent, EngagementSource, OutcomeDetails } from "../../domain/engagements/model.js";
import {
  ACTION_STATUSES,
  type ActionStatus,
  COMMITMENT_KINDS,
  type CommitmentKind,
  DATE_PRECISIONS,
  type DatePrecision,
  ENGAGEMENT_KINDS,
  ENGAGEMENT_STATUSES,
  type EngagementKind,
  type EngagementStatus,
  OUTCOME_KINDS,
  type OutcomeKind,
  PARTICIPANT_ROLES,
  type ParticipantRole,
} from "../../domain/engagements/vocabulary.js";
import { CONFIDENTIALITY_LEVELS, type ConfidentialityLevel } from "../../domain/platform/vocabulary.js";
import { cases } from "../cases/cases.table.js";
import { isoDate, sqlList, stateCode, tsvector } from "../columns.js";
import { agencies, people, positions } from "../directory/agencies.table.js";
import { teams } from "../platform/teams.table.js";
import { users } from "../platform/users.table.js";
import { instruments, partyActions } from "../registry/instruments.table.js";

/**
 * Visits, meetings, conferences, calls: one row each. Dates are a range of days
 * (`start_on`..`end_on`, equal for one day); `precision` says whether the sources gave
 * the day, or only the month or the year (the range then covers all of it). `states` is
 * every state taking part (those named and the participants' sides), kept with the
 * participants so that "engagements with X" is one indexed query. `search` covers the
 * titles, summary, agenda and place in English, Russian and unstemmed, and the names of
 * the participants (`search_names`, rewritten with the participants).
 */
export const engagements = pgTable(
  "engagements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<EngagementKind>().notNull(),
    titleEn: text("title_en").notNull(),
    titleRu: text("title_ru").notNull(),
    status: text("status").$type<EngagementStatus>().notNull(),
    startOn: isoDate("start_on").notNull(),
    endOn: isoDate("end_on").notNull(),
    precision: text("precision").$type<DatePrecision>().notNull().default("day"),
    city: text("city"),
    placeState: stateCode("place_state"),
    hostState: stateCode("host_state"),
    hostAgencyId: uuid("host_agency_id").references(() => agencies.id),
    /** Every state taking part: those named and the participants' sides. */
    states: text("states").array().$type<StateCode[]>().notNull().default(sql`'{}'`),
    /** The states named when it was recorded (without the participants' sides). */
    namedStates: text("named_states").array().$type<StateCode[]>().notNull().default(sql`'{}'`),
    agenda: jsonb("agenda").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    summary: text("summary"),
    notes: text("notes"),
    sources: jsonb("sources").$type<EngagementSource[]>().notNull().default(sql`'[]'::jsonb`),
    confidentiality: text("confidentiality").$type<ConfidentialityLevel>().notNull().default("standard"),
    /** An import's key for this engagement: importing the same record again skips it. */
    sourceKey: text("source_key"),
    /** The invitation outcome this engagement was planned from (accepting it). */
    invitedByOutcomeId: uuid("invited_by_outcome_id"),
    searchNames: text("search_names").notNull().default(""),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', ${engagements.titleEn}), 'A')
          || setweight(to_tsvector('russian', ${engagements.titleRu}), 'A')
          || setweight(to_tsvector('simple', ${engagements.titleEn} || ' ' || ${engagements.titleRu} || ' ' || ${engagements.searchNames} || ' ' || coalesce(${engagements.city}, '')), 'A')
          || setweight(to_tsvector('english', coalesce(${engagements.summary}, '') || ' ' || ${engagements.agenda}::text), 'B')
          || setweight(to_tsvector('russian', coalesce(${engagements.summary}, '') || ' ' || ${engagements.agenda}::text), 'B')
          || setweight(to_tsvector('simple', coalesce(${engagements.notes}, '')), 'C')`,
    ),
    isDemo: boolean("is_demo").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (table) => [
    check("engagements_kind_check", sql`${table.kind} IN (${sqlList(ENGAGEMENT_KINDS)})`),
    check("engagements_status_check", sql`${table.status} IN (${sqlList(ENGAGEMENT_STATUSES)})`),
    check("engagements_precision_check", sql`${table.precision} IN (${sqlList(DATE_PRECISIONS)})`),
    check(
      "engagements_confidentiality_check",
      sql`${table.confidentiality} IN (${sqlList(CONFIDENTIALITY_LEVELS)})`,
    ),
    check("engagements_dates_ordered", sql`${table.startOn} <= ${table.endOn}`),
    uniqueIndex("engagements_source_key").on(table.sourceKey),
    index("engagements_start_on").on(table.startOn, table.id),
    index("engagements_states").using("gin", table.states),
    index("engagements_search").using("gin", table.search),
  ],
);

/** Who took part, in which delegation (`side`) and role; a person, an agency, or a state's delegation. */
export const engagementParticipants = pgTable(
  "engagement_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    engagementId: uuid("engagement_id")
      .notNull()
      .references(() => engagements.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    side: stateCode("side").notNull(),
    role: text("role").$type<ParticipantRole>().notNull(),
    personId: uuid("person_id").references(() => people.id),
    agencyId: uuid("agency_id").references(() => agencies.id),
    /** The position recorded when the person was added on the spot. */
    positionId: uuid("position_id").references(() => positions.id),
    note: text("note"),
  },
  (table) => [
    check("engagement_participants_role_check", sql`${table.role} IN (${sqlList(PARTICIPANT_ROLES)})`),
    index("engagement_participants_engagement").on(table.engagementId, table.ordinal),
    index("engagement_participants_person").on(table.personId),
  ],
);

/**
 * What an engagement produced, typed and dated. The kind's own fields are in `details`
 * (src/domain/engagements/model.ts); the links other features own are columns with their
 * foreign keys: the instrument signed or adopted, the case discussed, the engagement an
 * accepted invitation planned.
 */
export const engagementOutcomes = pgTable(
  "engagement_outcomes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    engagementId: uuid("engagement_id")
      .notNull()
      .references(() => engagements.id, { onDelete: "cascade" }),
    kind: text("kind").$type<OutcomeKind>().notNull(),
    date: isoDate("date").notNull(),
    source: jsonb("source").$type<EngagementSource>(),
    note: text("note"),
    details: jsonb("details").$type<OutcomeDetails>().notNull(),
    instrumentId: uuid("instrument_id").references(() => instruments.id),
    caseId: uuid("case_id").references(() => cases.id),
    plannedEngagementId: uuid("planned_engagement_id").references(() => engagements.id),
    isDemo: boolean("is_demo").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("engagement_outcomes_kind_check", sql`${table.kind} IN (${sqlList(OUTCOME_KINDS)})`),
    check("engagement_outcomes_details_kind", sql`${table.details} ->> 'kind' = ${table.kind}`),
    check(
      "engagement_outcomes_instrument",
      sql`(${table.kind} IN ('instrument_signed', 'programme_adopted')) = (${table.instrumentId} IS NOT NULL)`,
    ),
    check(
      "engagement_outcomes_case",
      sql`(${table.kind} = 'case_discussed') = (${table.caseId} IS NOT NULL)`,
    ),
    index("engagement_outcomes_engagement").on(table.engagementId, table.createdAt),
    index("engagement_outcomes_instrument").on(table.instrumentId),
    index("engagement_outcomes_case").on(table.caseId),
  ],
);

/** The registry's party actions (signatures) an outcome recorded: "signed at <engagement>". */
export const engagementOutcomePartyActions = pgTable(
  "outcome_party_actions",
  {
    outcomeId: uuid("outcome_id")
      .notNull()
      .references(() => engagementOutcomes.id, { onDelete: "cascade" }),
    partyActionId: uuid("party_action_id")
      .notNull()
      .references(() => partyActions.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ columns: [table.outcomeId, table.partyActionId] }),
    index("outcome_party_actions_action").on(table.partyActionId),
  ],
);

/**
 * What someone now has to do because of a commitment, agreement or proposal: owned by a
 * user or a team, due on a day, open → in progress → done or dropped. `history` is the
 * dated list of every change (status, due day, owner, note), appended to, never rewritten.
 */
export const actionItems = pgTable(
  "action_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    engagementId: uuid("engagement_id")
      .notNull()
      .references(() => engagements.id, { onDelete: "cascade" }),
    outcomeId: uuid("outcome_id")
      .notNull()
      .unique()
      .references(() => engagementOutcomes.id, { onDelete: "cascade" }),
    commitmentKind: text("commitment_kind").$type<CommitmentKind>().notNull(),
    title: text("title").notNull(),
    ownerUserId: uuid("owner_user_id").references(() => users.id),
    ownerTeamId: uuid("owner_team_id").references(() => teams.id),
    dueOn: isoDate("due_on").notNull(),
    status: text("status").$type<ActionStatus>().notNull().default("open"),
    closingNote: text("closing_note"),
    closedOn: isoDate("closed_on"),
    history: jsonb("history").$type<ActionItemEvent[]>().notNull().default(sql`'[]'::jsonb`),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (table) => [
    check("action_items_status_check", sql`${table.status} IN (${sqlList(ACTION_STATUSES)})`),
    check(
      "action_items_commitment_kind_check",
      sql`${table.commitmentKind} IN (${sqlList(COMMITMENT_KINDS)})`,
    ),
    check("action_items_one_owner", sql`(${table.ownerUserId} IS NULL) <> (${table.ownerTeamId} IS NULL)`),
    check(
      "action_items_closed",
      sql`(${table.status} IN ('done', 'dropped')) = (${table.closedOn} IS NOT NULL AND ${table.closingNote} IS NOT NULL)`,
    ),
    index("action_items_open_due").on(table.dueOn).where(sql`${table.status} IN ('open', 'in_progress')`),
    index("action_items_owner_user").on(table.ownerUserId, table.status),
    index("action_items_owner_team").on(table.ownerTeamId, table.status),
    index("action_items_engagement").on(table.engagementId),
  ],
);
