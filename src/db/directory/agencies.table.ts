import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { AGENCY_KINDS } from "../../domain/directory/schemas.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import { stateCode } from "../columns.js";
import { states } from "./states.table.js";

const kinds = sql.raw(AGENCY_KINDS.map((kind) => `'${kind}'`).join(", "));

/** An authority of a state: prosecution service, ministry of justice, court, police, FIU, ... */
export const agencies = pgTable(
  "agencies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    stateCode: stateCode("state_code")
      .notNull()
      .references(() => states.code),
    kind: text("kind").notNull(),
    nameEn: text("name_en").notNull(),
    nameRu: text("name_ru").notNull(),
    nameOriginal: text("name_original"),
    abbreviation: text("abbreviation"),
    parentAgencyId: uuid("parent_agency_id").references((): AnyPgColumn => agencies.id),
    website: text("website"),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (table) => [
    check("agencies_kind_check", sql`${table.kind} IN (${kinds})`),
    index("agencies_state").on(table.stateCode),
  ],
);

/** An official. Positions over time say what they were, where, and when. */
export const people = pgTable("people", {
  id: uuid("id").primaryKey().defaultRandom(),
  nameEn: text("name_en").notNull(),
  nameRu: text("name_ru").notNull(),
  notes: text("notes"),
  isDemo: boolean("is_demo").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  version: integer("version").notNull().default(1),
});

export const positions = pgTable(
  "positions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    titleEn: text("title_en").notNull(),
    titleRu: text("title_ru").notNull(),
    startOn: text("start_on").$type<IsoDate>(),
    endOn: text("end_on").$type<IsoDate>(),
    sourceUrl: text("source_url"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("positions_person").on(table.personId), index("positions_agency").on(table.agencyId)],
);

/** International organisations and who belongs to them (a dated snapshot). */
export const organisations = pgTable("organisations", {
  code: text("code").primaryKey(),
  nameEn: text("name_en").notNull(),
  asOf: text("as_of").$type<IsoDate>().notNull(),
});

export const memberships = pgTable(
  "memberships",
  {
    organisationCode: text("organisation_code")
      .notNull()
      .references(() => organisations.code),
    stateCode: stateCode("state_code")
      .notNull()
      .references(() => states.code),
    status: text("status").notNull(),
    source: text("source").notNull(),
    asOf: text("as_of").$type<IsoDate>().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationCode, table.stateCode] }),
    index("memberships_state").on(table.stateCode),
  ],
);
