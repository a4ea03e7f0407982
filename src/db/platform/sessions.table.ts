import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../columns.js";
import { users } from "./users.table.js";

/**
 * Server-side sessions. The cookie carries a random 256-bit token; only its SHA-256
 * is stored, so a copy of the database does not hand out live sessions.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: bytea("token_hash").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    /** Null while the second factor is pending. */
    mfaVerifiedAt: timestamp("mfa_verified_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: text("end_reason"),
    sourceIp: text("source_ip"),
    userAgent: text("user_agent"),
  },
  (table) => [index("sessions_open_by_user").on(table.userId).where(sql`${table.endedAt} IS NULL`)],
);
