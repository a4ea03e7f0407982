import type { SQL } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import type { NotificationRow, VisibleSubjects } from "../../db/notifications/notifications.repository.js";
import { NOTIFICATION_SUBJECT_TYPE, type NotificationSubject } from "../../domain/notifications/schemas.js";
import { getOrInsert } from "../../domain/platform/collections.js";

/**
 * What a feature tells the notifications feature about one type of subject it notifies
 * about (the cases feature: "case", src/server/cases/case-notification-subject.ts). The
 * notifications feature imports no feature: the app registers the sources when it is
 * built (src/server/app.ts).
 */
export type NotificationSubjectSource = {
  /** The `subject_type` the feature writes: lower-case words and underscores ("case"). */
  type: string;
  /**
   * A SELECT of one uuid column: the ids of this type's subjects the user may see now,
   * read in this transaction (so a change of team or clearance applies at once). It is
   * embedded in the list, count and mark-read queries, so that a hidden subject's
   * notifications are never listed, counted or marked.
   */
  visibleIds(executor: Executor, userId: string): Promise<SQL>;
  /**
   * What the API shows of each subject, by id: a key the web app links by (a case's
   * reference) and a title, as they stand now. An id left out is shown as no subject.
   */
  describe(executor: Executor, ids: readonly string[]): Promise<ReadonlyMap<string, SubjectLabel>>;
};

export type SubjectLabel = { key: string; title: string };

/** The registered sources, by type. */
export type NotificationSubjects = ReadonlyMap<string, NotificationSubjectSource>;

/** The registry of subject types; a malformed or repeated type is a programming error. */
export function notificationSubjects(sources: readonly NotificationSubjectSource[]): NotificationSubjects {
  const byType = new Map<string, NotificationSubjectSource>();
  for (const source of sources) {
    if (!NOTIFICATION_SUBJECT_TYPE.test(source.type))
      throw new Error(`Notification subject type "${source.type}" is not lower-case words and underscores.`);
    if (byType.has(source.type))
      throw new Error(`Notification subject type "${source.type}" is registered twice.`);
    byType.set(source.type, source);
  }
  return byType;
}

/** Which subjects of every registered type the user may see now, as the repository's queries embed them. */
export async function visibleSubjects(
  executor: Executor,
  subjects: NotificationSubjects,
  userId: string,
): Promise<VisibleSubjects> {
  const visible: { type: string; ids: SQL }[] = [];
  for (const source of subjects.values())
    visible.push({ type: source.type, ids: await source.visibleIds(executor, userId) });
  return visible;
}

/** The subject of each row as the API shows it, asking each type's source once for all its ids. */
export async function describeSubjects(
  executor: Executor,
  subjects: NotificationSubjects,
  rows: readonly NotificationRow[],
): Promise<(row: NotificationRow) => NotificationSubject | null> {
  const idsByType = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.subjectType === null || row.subjectId === null) continue;
    getOrInsert(idsByType, row.subjectType, () => new Set()).add(row.subjectId);
  }
  const labels = new Map<string, ReadonlyMap<string, SubjectLabel>>();
  for (const [type, ids] of idsByType) {
    const source = subjects.get(type);
    if (source) labels.set(type, await source.describe(executor, [...ids]));
  }
  return (row) => {
    if (row.subjectType === null || row.subjectId === null) return null;
    const label = labels.get(row.subjectType)?.get(row.subjectId);
    return label ? { type: row.subjectType, key: label.key, title: label.title } : null;
  };
}
