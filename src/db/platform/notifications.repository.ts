import { and, count, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { NotificationListQuery } from "../../domain/platform/notifications.js";
import type { CaseVisibility } from "../cases/cases.repository.js";
import { cases } from "../cases/cases.table.js";
import type { Executor } from "../client.js";
import { notifications } from "./notifications.table.js";

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
export type NotificationListRow = NotificationRow & {
  caseReference: string | null;
  caseTitle: string | null;
};

/**
 * A notification about a case is shown only while its user may see the case: the same
 * need-to-know as the case list (src/server/cases/case.policy.ts, caseVisibility), applied
 * in SQL so that counts and pages never include a hidden one. A notification about no case
 * is always shown to its user.
 */
function aboutVisibleCase(visibility: CaseVisibility): SQL {
  const caseVisible = (): SQL => {
    if (visibility.levels.length === 0) return sql`false`;
    const level = inArray(cases.confidentiality, [...visibility.levels]);
    if (visibility.allTeams) return level;
    if (visibility.teamIds.length === 0) return sql`false`;
    return and(level, inArray(cases.teamId, [...visibility.teamIds]))!;
  };
  return sql`(${notifications.caseId} IS NULL OR EXISTS (SELECT 1 FROM ${cases} WHERE ${cases.id} = ${notifications.caseId} AND ${caseVisible()}))`;
}

function ownVisible(userId: string, visibility: CaseVisibility): SQL {
  return and(eq(notifications.userId, userId), aboutVisibleCase(visibility))!;
}

const LIST_COLUMNS = {
  id: notifications.id,
  userId: notifications.userId,
  caseId: notifications.caseId,
  kind: notifications.kind,
  title: notifications.title,
  body: notifications.body,
  dueOn: notifications.dueOn,
  dedupeKey: notifications.dedupeKey,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
  caseReference: cases.reference,
  caseTitle: cases.title,
};

/** A user's own notifications that they may see, newest first, with the filter's total and the unread count. */
export async function listNotifications(
  executor: Executor,
  userId: string,
  visibility: CaseVisibility,
  query: NotificationListQuery,
): Promise<{ rows: NotificationListRow[]; total: number; unread: number }> {
  const own = ownVisible(userId, visibility);
  const filter =
    query.unread === "true"
      ? and(own, isNull(notifications.readAt))!
      : query.unread === "false"
        ? and(own, isNotNull(notifications.readAt))!
        : own;
  const rows = await executor
    .select(LIST_COLUMNS)
    .from(notifications)
    .leftJoin(cases, eq(cases.id, notifications.caseId))
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

/**
 * Marks one of the user's notifications read (the first reading's time stays). Null when
 * there is no such notification for this user, or it is about a case they may not see.
 */
/** Whether a notification with this id exists, whoever it is for. */
export async function notificationExists(executor: Executor, id: string): Promise<boolean> {
  const rows = await executor
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.id, id));
  return rows.length > 0;
}

export async function markNotificationRead(
  executor: Executor,
  userId: string,
  id: string,
  visibility: CaseVisibility,
  now: Date,
): Promise<NotificationListRow | null> {
  const updated = await executor
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), ownVisible(userId, visibility)))
    .returning({ id: notifications.id });
  if (updated.length === 0) return null;
  const rows = await executor
    .select(LIST_COLUMNS)
    .from(notifications)
    .leftJoin(cases, eq(cases.id, notifications.caseId))
    .where(eq(notifications.id, id));
  return rows[0] ?? null;
}

/** Marks every unread notification the user can see read; returns how many. */
export async function markAllNotificationsRead(
  executor: Executor,
  userId: string,
  visibility: CaseVisibility,
  now: Date,
): Promise<number> {
  const updated = await executor
    .update(notifications)
    .set({ readAt: now })
    .where(and(ownVisible(userId, visibility), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}

/** Rows per INSERT: 9 parameters a row, far below PostgreSQL's 65,535. */
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
      .values(rows.slice(start, start + INSERT_CHUNK))
      .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
      .returning({ id: notifications.id });
    inserted += written.length;
  }
  return inserted;
}
