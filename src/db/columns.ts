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
