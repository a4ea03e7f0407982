import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../columns.js";
import { users } from "./users.table.js";

/**
 * One-time links: the setup link that creates the first administrator, and invitations
 * with which a new user (or one whose access was reset) chooses a password. Only the
 * SHA-256 of the token is stored.
 */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: bytea("token_hash").notNull().unique(),
    purpose: text("purpose").notNull(),
    userId: uuid("user_id").references(() => users.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [check("account_tokens_purpose_check", sql`${table.purpose} IN ('setup', 'invitation')`)],
);
