import { type SQL, sql } from "drizzle-orm";
import { char, customType, date } from "drizzle-orm/pg-core";
import type { StateCode } from "../domain/directory/state-codes.js";
import type { IsoDate } from "../domain/platform/dates.js";

/** bytea as a Node Buffer (pg returns Buffers for bytea). */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType() {
    return "bytea";
  },
});

/**
 * A calendar day: PostgreSQL's date, read and written as "YYYY-MM-DD" (never a JavaScript
 * Date, which would bring a time zone in). PostgreSQL refuses impossible days.
 */
export const isoDate = (name: string) => date(name, { mode: "string" }).$type<IsoDate>();

/** A state's ISO 3166-1 alpha-2 code, checked against the shipped list before it is written. */
export const stateCode = (name: string) => char(name, { length: 2 }).$type<StateCode>();

/** PostgreSQL's tsvector, for generated full-text search columns. */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

/**
 * The values of a vocabulary as a SQL list for a CHECK constraint: `kind IN (${sqlList(KINDS)})`.
 * The values are the code's own constants, never input.
 */
export function sqlList(values: readonly string[]): SQL {
  return sql.raw(values.map((value) => `'${value}'`).join(", "));
}
