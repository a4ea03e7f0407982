import { listOwnNotifications } from "../../db/notifications/notifications.repository.js";
import type { NotificationList, NotificationListQuery } from "../../domain/notifications/schemas.js";
import { unauthorized } from "../platform/errors.js";
import type { Caller } from "../platform/operation.js";
import { toNotificationView } from "./notification-view.js";
import { describeSubjects, type NotificationSubjects, visibleSubjects } from "./subjects.js";

/**
 * The user's own notifications, newest first, without those about subjects they may no
 * longer see. A read of one's own inbox, which the web app's bell repeats every minute:
 * it is not recorded in the audit trail (the session probe is not either); opening the
 * subject it names is, and so is marking a notification read.
 */
export async function listNotifications({
  services,
  actor,
  subjects,
  query,
}: Caller & { subjects: NotificationSubjects; query: NotificationListQuery }): Promise<NotificationList> {
  if (actor.kind !== "user") throw unauthorized();
  return services.database.transaction(
    async (tx) => {
      const visible = await visibleSubjects(tx, subjects, actor.userId);
      const { rows, total, unread } = await listOwnNotifications(tx, actor.userId, visible, query);
      const subjectOf = await describeSubjects(tx, subjects, rows);
      return { items: rows.map((row) => toNotificationView(row, subjectOf(row))), total, unread };
    },
    { accessMode: "read only" },
  );
}
