import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { bytea } from "../columns.js";

/**
 * The audit trail (SECURITY.md §3). Rows are appended in the same transaction as the
 * change they record; triggers (migrations/*_audit_immutability.sql) refuse UPDATE,
 * DELETE and TRUNCATE and check that each row extends the chain held in audit_head.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    ts: timestamp("ts", { withTimezone: true, precision: 6 }).notNull(),
    eventType: text("event_type").notNull(),
    outcome: text("outcome").notNull(),
    actorId: text("actor_id"),
    actorRole: text("actor_role"),
    actorUsername: text("actor_username"),
    sessionId: text("session_id"),
    sourceIp: text("source_ip"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
    node: text("node").notNull(),
    objectType: text("object_type"),
    objectId: text("object_id"),
    details: jsonb("details").notNull(),
    /** The exact canonical JSON that the hash authenticates. */
    entry: text("entry").notNull(),
    prevHash: bytea("prev_hash").notNull(),
    hash: bytea("hash").notNull(),
  },
  (table) => [
    check("audit_log_outcome_check", sql`${table.outcome} IN ('success', 'failure', 'denied', 'error')`),
    check("audit_log_prev_hash_length", sql`length(${table.prevHash}) = 32`),
    check("audit_log_hash_length", sql`length(${table.hash}) = 32`),
    index("audit_log_event_type").on(table.eventType, table.seq),
    index("audit_log_actor").on(table.actorId, table.seq),
    index("audit_log_object").on(table.objectType, table.objectId, table.seq),
    index("audit_log_ts").on(table.ts),
  ],
);

/** The chain head: one row, locked by every append so that seq is gapless. */
export const auditHead = pgTable(
  "audit_head",
  {
    id: integer("id").primaryKey(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    hash: bytea("hash").notNull(),
  },
  (table) => [check("audit_head_single_row", sql`${table.id} = 1`)],
);

/** Signed checkpoints of the head, also written outside the database. */
export const auditCheckpoints = pgTable("audit_checkpoints", {
  seq: bigint("seq", { mode: "number" }).primaryKey(),
  hash: bytea("hash").notNull(),
  ts: timestamp("ts", { withTimezone: true }).notNull(),
  keyId: text("key_id").notNull(),
  signature: bytea("signature").notNull(),
});
