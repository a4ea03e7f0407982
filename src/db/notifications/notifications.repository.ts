import { and, count, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { DeadlineNotificationBody, NotificationListQuery } from "../../domain/notifications/schemas.js";
import type { Executor } from "../client.js";
import { notifications } from "./notifications.table.js";

export type NotificationRow = typeof notifications.$inferSelect;

/** A notification to write: about a subject of a registered type, or (none given) about nothing. */
export type NewNotification = Omit<
  typeof notifications.$inferInsert,
  "subjectType" | "subjectId" | "body"
> & {
  subject?: { type: string; id: string } | null;
  /** What the kind's wording needs: a deadline notification's deadline and reminder day. */
  body?: DeadlineNotificationBody | Record<string, never>;
};

/**
 * The subjects a user may see now, one entry per registered subject type: `ids` is a
 * SELECT of one uuid column, the ids of that type's subjects the user may see
 * (src/server/notifications/subjects.ts). A type not listed is seen by nobody.
 */
export type VisibleSubjects = readonly { type: string; ids: SQL }[];

/**
 * A notification is shown only while its user may see its subject: the owning feature's
 * need-to-know, applied in SQL so that counts and pages never include a hidden one. A
 * notification about no subject is always shown to its user; one about a subject of a
 * type nobody registered, or about a subject that is gone, never is.
 *
 * Each type's ids are read through a correlated EXISTS, which PostgreSQL flattens into a
 * probe of the subject table's key per notification (or hashes, when cheaper), rather than
 * an IN list of every subject the user may see.
 */
function aboutVisibleSubject(visible: VisibleSubjects): SQL {
  const byType = visible.map(
    ({ type, ids }) =>
      sql`(${notifications.subjectType} = ${type} AND EXISTS (SELECT 1 FROM (${ids}) AS visible_subject (id) WHERE visible_subject.id = ${notifications.subjectId}))`,
  );
  return sql`(${sql.join([sql`${notifications.subjectType} IS NULL`, ...byType], sql` OR `)})`;
}

function ownVisible(userId: string, visible: VisibleSubjects): SQL {
  return and(eq(notifications.userId, userId), aboutVisibleSubject(visible))!;
}

/** A user's own notifications that they may see, newest first, with the filter's total and the unread count. */
export async function listOwnNotifications(
  executor: Executor,
  userId: string,
  visible: VisibleSubjects,
  query: NotificationListQuery,
): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
  const own = ownVisible(userId, visible);
  const filter =
    query.unread === "true"
      ? and(own, isNull(notifications.readAt))!
      : query.unread === "false"
        ? and(own, isNotNull(notifications.readAt))!
        : own;
  const rows = await executor
    .select()
    .from(notifications)
    .where(filter)
    // The id breaks ties between notifications written by one run, so that paging is stable.
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit)
    .offset(query.offset);
  const [total] = await executor.select({ value: count() }).from(notifications).where(filter);
  const [unread] =
    query.unread === "true"
      ? [total]
      : await executor
          .select({ value: count() })
          .from(notifications)
          .where(and(own, isNull(notifications.readAt)));
  return { rows, total: total?.value ?? 0, unread: unread?.value ?? 0 };
}

/** Whether a notification with this id exists, whoever it is for. */
export async function notificationExists(executor: Executor, id: string): Promise<boolean> {
  const rows = await executor
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.id, id));
  return rows.length > 0;
}

/**
 * Marks one of the user's notifications read (the first reading's time stays). Null when
 * there is no such notification for this user, or it is about a subject they may not see.
 */
export async function markOwnNotificationRead(
  executor: Executor,
  userId: string,
  id: string,
  visible: VisibleSubjects,
  now: Date,
): Promise<NotificationRow | null> {
  const updated = await executor
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), ownVisible(userId, visible)))
    .returning();
  return updated[0] ?? null;
}

/** Marks every unread notification the user can see read; returns how many. */
export async function markOwnNotificationsRead(
  executor: Executor,
  userId: string,
  visible: VisibleSubjects,
  now: Date,
): Promise<number> {
  const updated = await executor
    .update(notifications)
    .set({ readAt: now })
    .where(and(ownVisible(userId, visible), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}

/** Rows per INSERT: 10 parameters a row, far below PostgreSQL's 65,535. */
const INSERT_CHUNK = 1000;

/**
 * Writes notifications in multi-row INSERTs; one whose (user, dedupe key) is already
 * there is skipped (ON CONFLICT DO NOTHING), so a job may write the same notices any
 * number of times. Returns how many were new.
 */
export async function insertNotifications(
  executor: Executor,
  rows: readonly NewNotification[],
): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const written = await executor
      .insert(notifications)
      .values(
        rows.slice(start, start + INSERT_CHUNK).map(({ subject, ...row }) => ({
          ...row,
          subjectType: subject?.type ?? null,
          subjectId: subject?.id ?? null,
        })),
      )
      .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
      .returning({ id: notifications.id });
    inserted += written.length;
  }
  return inserted;
}
