import { boolean, char, pgTable, text } from "drizzle-orm/pg-core";
import { stateCode } from "../columns.js";

/** ISO 3166-1 states and territories (data/states/states.csv). */
export const states = pgTable("states", {
  code: stateCode("code").primaryKey(),
  alpha3: char("alpha3", { length: 3 }).notNull().unique(),
  numeric: char("numeric", { length: 3 }),
  nameEn: text("name_en").notNull(),
  nameRu: text("name_ru").notNull(),
  officialNameEn: text("official_name_en"),
  officialNameRu: text("official_name_ru"),
  region: text("region"),
  subRegion: text("sub_region"),
  independent: boolean("independent").notNull(),
  aliases: text("aliases").array().notNull(),
});
