import type { NotificationRow } from "../../db/notifications/notifications.repository.js";
import {
  deadlineNotificationBodySchema,
  NOTIFICATION_KINDS,
  type Notification,
  type NotificationKind,
  type NotificationSubject,
} from "../../domain/notifications/schemas.js";
import { instantOf, instantOrNull } from "../../domain/platform/dates.js";

function isKnownKind(kind: string): kind is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

/**
 * What the API shows of a notification: its subject as its feature names it now
 * (subjects.ts, describeSubjects), and the body's deadline as the writer stored it (a
 * body that is not a deadline notification's gives no deadline rather than failing the list).
 */
export function toNotificationView(row: NotificationRow, subject: NotificationSubject | null): Notification {
  const body = deadlineNotificationBodySchema.safeParse(row.body);
  return {
    id: row.id,
    // The writers use only the known kinds; anything else is shown as a reminder rather than failing the list.
    kind: isKnownKind(row.kind) ? row.kind : "deadline_reminder",
    subject,
    deadline: body.success ? body.data.deadline : null,
    remindOn: body.success ? body.data.remindOn : null,
    daysBefore: body.success ? body.data.daysBefore : null,
    title: row.title,
    dueOn: row.dueOn,
    createdAt: instantOf(row.createdAt),
    readAt: instantOrNull(row.readAt),
  };
}
