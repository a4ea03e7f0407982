import { markOwnNotificationsRead } from "../../db/notifications/notifications.repository.js";
import type { ReadAllNotifications } from "../../domain/notifications/schemas.js";
import { unauthorized } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { type NotificationSubjects, visibleSubjects } from "./subjects.js";

/** Marks every unread notification the user can see read (those about hidden subjects stay unread). */
export async function markAllNotificationsRead({
  services,
  actor,
  origin,
  subjects,
}: Caller & { subjects: NotificationSubjects }): Promise<ReadAllNotifications> {
  return runOperation(
    services,
    { eventType: "notification.read_all", objectType: "notification", actor, origin },
    async (context) => {
      if (actor.kind !== "user") throw unauthorized();
      const visible = await visibleSubjects(context.tx, subjects, actor.userId);
      const marked = await markOwnNotificationsRead(context.tx, actor.userId, visible, context.now);
      context.note({ details: { marked } });
      return { marked };
    },
  );
}
