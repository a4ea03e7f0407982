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
import {
  SETTLED_STATUSES,
  STATISTIC_ROW_MEASURES,
  type StatisticRowMeasure,
} from "../../domain/reports/vocabulary.js";
import { cases } from "../cases/cases.table.js";
import { isoDate, sqlList, stateCode } from "../columns.js";
import { users } from "../platform/users.table.js";

/**
 * The rows each case's events give for counting (src/domain/reports/statistic-rows.ts),
 * rewritten with the case in the transaction that appends an event, so reports are
 * plain indexed aggregates over dated rows and never read a case's current status.
 * Derived data: `comity report rebuild` recomputes every row from the event streams.
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
     * Every event measure: the measure, then the category (a report lists the categories
     * it wants, or all of them, so that each category's window of dates is one range of
     * the index), then the date, then what reports group and filter by, so that a count by
     * partner for a category over eight months is an index-only scan of those rows alone
     * (docs/statistics.md, "Performance"). The days and grounds come last, to be read.
     */
    index("case_statistics_events").on(
      table.measure,
      table.category,
      table.on,
      table.partner,
      table.kind,
      table.direction,
      table.until,
      table.value,
      // Last, to be read rather than searched: medians and refusals by ground, index-only too.
      table.days,
      table.grounds,
    ),
    /**
     * Cases pending now: the open intervals (until IS NULL) of unsettled statuses, one per
     * pending case, with what a count by partner, kind, status or age band reads.
     */
    index("case_statistics_open")
      .on(table.on, table.partner, table.category, table.kind, table.direction, table.value, table.startedOn)
      .where(
        sql`${table.measure} = 'status' AND ${table.until} IS NULL AND ${table.value} NOT IN (${sqlList(SETTLED_STATUSES)})`,
      ),
    /**
     * Cases pending on a past date: the closed intervals [on, until) of unsettled statuses
     * that contain the date, found by a range index without reading the intervals that
     * ended before the date or began after it.
     */
    index("case_statistics_pending")
      .using("gist", sql`daterange(${table.on}, ${table.until}, '[)')`)
      .where(
        sql`${table.measure} = 'status' AND ${table.until} IS NOT NULL AND ${table.value} NOT IN (${sqlList(SETTLED_STATUSES)})`,
      ),
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
    /** One more on every change: the ETag a PATCH names in If-Match. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("saved_reports_owner").on(table.ownerId)],
);
