import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases } from "../cases/cases.table.js";
import { users } from "./users.table.js";

/**
 * What the server tells a user: reminders of a case's deadlines, follow-ups. Written by
 * the job runner; read and marked read by the user it is for.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    caseId: uuid("case_id").references(() => cases.id),
    /** deadline_reminder, deadline_overdue, ...: the web app picks the wording by kind. */
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: jsonb("body").notNull().default({}),
    dueOn: date("due_on", { mode: "string" }),
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
    index("notifications_user_unread").on(table.userId, table.readAt),
    // A user's list, newest first.
    index("notifications_user_created").on(table.userId, table.createdAt),
    uniqueIndex("notifications_user_dedupe").on(table.userId, table.dedupeKey),
  ],
);
