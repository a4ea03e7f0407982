import { sql } from "drizzle-orm";
import { bigint, check, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { CONFIDENTIALITY_LEVELS, ROLES } from "../../domain/platform/vocabulary.js";
import { sqlList } from "../columns.js";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-case; unique. */
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    role: text("role").notNull(),
    /** The highest confidentiality of case this user may see (cases/vocabulary.ts), set by administrators. */
    clearance: text("clearance").notNull().default("standard"),
    locale: text("locale").notNull().default("en"),
    /** argon2id PHC string; null until the invitation is accepted. */
    passwordHash: text("password_hash"),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    /** TOTP secret, AES-256-GCM encrypted with a key that is not in the database. */
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** Last accepted TOTP time step: a code of that step or earlier is a replay. */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    recentFailures: timestamp("recent_failures", { withTimezone: true }).array().notNull().default(sql`'{}'`),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (table) => [
    check("users_role_check", sql`${table.role} IN (${sqlList(ROLES)})`),
    check("users_clearance_check", sql`${table.clearance} IN (${sqlList(CONFIDENTIALITY_LEVELS)})`),
    check("users_locale_check", sql`${table.locale} IN ('en', 'ru')`),
  ],
);
