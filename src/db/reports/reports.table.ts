import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import {
  CASE_KINDS,
  type CaseKind,
  type ConfidentialityLevel,
  DIRECTIONS,
  type Direction,
} from "../../domain/cases/vocabulary.js";
import type { ReportQuery } from "../../domain/reports/schemas.js";
import { STATISTIC_ROW_MEASURES, type StatisticRowMeasure } from "../../domain/reports/vocabulary.js";
import { cases } from "../cases/cases.table.js";
import { isoDate, sqlList, stateCode } from "../columns.js";
import { users } from "../platform/users.table.js";

/**
 * The rows each case's events give for counting (src/domain/reports/statistic-rows.ts),
 * rewritten with the case in the transaction that appends an event, so reports are
 * plain indexed aggregates over dated rows and never read a case's current status.
 * Derived data: `comity reports rebuild` recomputes every row from the event streams.
 */
export const caseStatistics = pgTable(
  "case_statistics",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    measure: text("measure").$type<StatisticRowMeasure>().notNull(),
    on: isoDate("on").notNull(),
    until: isoDate("until"),
    value: text("value"),
    kind: text("kind").$type<CaseKind>().notNull(),
    direction: text("direction").$type<Direction>().notNull(),
    partner: stateCode("partner").notNull(),
    category: text("category"),
    basis: text("basis").notNull(),
    teamId: uuid("team_id"),
    confidentiality: text("confidentiality").$type<ConfidentialityLevel>().notNull(),
    startedOn: isoDate("started_on"),
    days: integer("days"),
    grounds: text("grounds").array().notNull().default(sql`'{}'::text[]`),
    amount: numeric("amount", { precision: 19, scale: 4 }),
    currency: char("currency", { length: 3 }),
    extent: text("extent"),
    assetId: text("asset_id"),
  },
  (table) => [
    check("case_statistics_measure_check", sql`${table.measure} IN (${sqlList(STATISTIC_ROW_MEASURES)})`),
    check("case_statistics_kind_check", sql`${table.kind} IN (${sqlList(CASE_KINDS)})`),
    check("case_statistics_direction_check", sql`${table.direction} IN (${sqlList(DIRECTIONS)})`),
    check("case_statistics_period", sql`${table.until} IS NULL OR ${table.until} >= ${table.on}`),
    index("case_statistics_case").on(table.caseId),
    /**
     * Every period query: the measure and the dates lead, the dimensions a report groups
     * or filters by follow, so that a count by partner for a category and a window is an
     * index-only scan (docs/statistics.md, "Performance").
     */
    index("case_statistics_measure_on").on(
      table.measure,
      table.on,
      table.category,
      table.partner,
      table.kind,
      table.direction,
      table.until,
      table.value,
    ),
    /** Cases in a status on a date: the open intervals (until IS NULL) are most of them. */
    index("case_statistics_open_status")
      .on(table.on, table.value, table.partner, table.kind, table.direction)
      .where(sql`${table.measure} = 'status' AND ${table.until} IS NULL`),
  ],
);

/** A report a user saved: its query and a name; shared ones are listed for every reader. */
export const savedReports = pgTable(
  "saved_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    query: jsonb("query").$type<ReportQuery>().notNull(),
    shared: boolean("shared").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("saved_reports_owner").on(table.ownerId)],
);
