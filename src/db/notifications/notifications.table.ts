import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { isoDate } from "../columns.js";
import { users } from "../platform/users.table.js";

/**
 * What the server tells a user: reminders of a deadline, overdue notices. Written by jobs
 * (the cases feature's deadline reminders); read and marked read by the user it is for.
 *
 * A notification is about a subject (`subject_type`, `subject_id`: "case" and a case's
 * id) or about nothing. There is no foreign key to the subject's table: this feature knows
 * no other feature's tables. The feature that owns a subject type says which of its
 * subjects a user may see (src/server/notifications/subjects.ts); a notification about one
 * that is gone, or that the user may no longer see, is not shown.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** "case", ...: registered by the feature that owns the subjects. Null with subject_id. */
    subjectType: text("subject_type"),
    subjectId: uuid("subject_id"),
    /** deadline_reminder, deadline_overdue, ...: the web app picks the wording by kind. */
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: jsonb("body").notNull().default({}),
    dueOn: isoDate("due_on"),
    /**
     * What makes a notification the same one again ("deadline_reminder:<case>:<deadline
     * key>:<reminder day>"): a job that runs twice writes it once per user (INSERT ... ON
     * CONFLICT DO NOTHING). Null for notifications that may repeat.
     */
    dedupeKey: text("dedupe_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (table) => [
    check("notifications_subject_check", sql`(${table.subjectType} IS NULL) = (${table.subjectId} IS NULL)`),
    index("notifications_user_unread").on(table.userId, table.readAt),
    // A user's list, newest first.
    index("notifications_user_created").on(table.userId, table.createdAt),
    uniqueIndex("notifications_user_dedupe").on(table.userId, table.dedupeKey),
  ],
);
