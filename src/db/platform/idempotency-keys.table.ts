import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.table.js";

/**
 * Idempotency keys (draft-ietf-httpapi-idempotency-key-header): a request repeated with
 * the same key and body gets the first response back instead of doing the work twice, so
 * a client that lost the answer to "open this case" can safely send it again. Keys are
 * per user: one user's key never replays another user's response.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    key: text("key").notNull(),
    /** "POST /api/cases": a key used on one route is not valid on another. */
    route: text("route").notNull(),
    /** SHA-256 of the canonical JSON of the request body. */
    requestHash: text("request_hash").notNull(),
    /** Null while the first request is still running (its transaction holds the row). */
    responseStatus: integer("response_status"),
    responseBody: jsonb("response_body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.key] })],
);
