import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** What reference data set was loaded, with the checksum of the file, so a restart skips it. */
export const referenceDataLoads = pgTable("reference_data_loads", {
  name: text("name").primaryKey(),
  checksum: text("checksum").notNull(),
  rows: integer("rows").notNull(),
  loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull(),
});
