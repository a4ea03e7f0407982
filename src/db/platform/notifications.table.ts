import { date, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
    /** deadline_reminder, follow_up, ...: the web app picks the wording by kind. */
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: jsonb("body").notNull().default({}),
    dueOn: date("due_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (table) => [index("notifications_user_unread").on(table.userId, table.readAt)],
);
