import {
  markOwnNotificationRead,
  notificationExists,
} from "../../db/notifications/notifications.repository.js";
import type { Notification } from "../../domain/notifications/schemas.js";
import { ConcealedError, unauthorized } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { toNotificationView } from "./notification-view.js";
import { describeSubjects, type NotificationSubjects, visibleSubjects } from "./subjects.js";

/**
 * Marks one of the user's own notifications read; marking it again keeps the first time.
 * Another user's notification, or one about a subject the user may no longer see, answers
 * 404 exactly like an id that does not exist (recorded as denied, or as a failure).
 */
export async function markNotificationRead({
  services,
  actor,
  origin,
  subjects,
  id,
}: Caller & { subjects: NotificationSubjects; id: string }): Promise<Notification> {
  return runOperation(
    services,
    { eventType: "notification.read", objectType: "notification", objectId: id, actor, origin },
    async (context) => {
      if (actor.kind !== "user") throw unauthorized();
      const visible = await visibleSubjects(context.tx, subjects, actor.userId);
      const row = await markOwnNotificationRead(context.tx, actor.userId, id, visible, context.now);
      if (!row) {
        const exists = await notificationExists(context.tx, id);
        throw new ConcealedError("notification", exists ? "need_to_know" : "not_found");
      }
      const subjectOf = await describeSubjects(context.tx, subjects, [row]);
      return toNotificationView(row, subjectOf(row));
    },
  );
}
