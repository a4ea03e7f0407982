import {
  markAllNotificationsRead,
  markNotificationRead,
  notificationExists,
} from "../../../db/platform/notifications.repository.js";
import type { Notification } from "../../../domain/platform/notifications.js";
import { ConcealedError, unauthorized } from "../errors.js";
import { type Actor, type Origin, runOperation, type Services } from "../operation.js";
import { notificationVisibility, toNotificationView } from "./notification-view.js";

/**
 * Marks one of the user's own notifications read; marking it again keeps the first time.
 * Another user's notification, or one about a case the user may no longer see, answers
 * 404 exactly like an id that does not exist (recorded as denied, or as a failure).
 */
export async function markRead(
  services: Services,
  actor: Actor,
  origin: Origin,
  id: string,
): Promise<Notification> {
  return runOperation(
    services,
    { eventType: "notification.read", objectType: "notification", objectId: id, actor, origin },
    async (context) => {
      if (actor.kind !== "user") throw unauthorized();
      const visibility = await notificationVisibility(context.tx, actor.userId);
      const row = await markNotificationRead(context.tx, actor.userId, id, visibility, context.now);
      if (!row) {
        const exists = await notificationExists(context.tx, id);
        throw new ConcealedError("notification", exists ? "need_to_know" : "not_found");
      }
      return toNotificationView(row);
    },
  );
}

/** Marks every unread notification the user can see read. */
export async function markAllRead(
  services: Services,
  actor: Actor,
  origin: Origin,
): Promise<{ marked: number }> {
  return runOperation(
    services,
    { eventType: "notification.read_all", objectType: "notification", actor, origin },
    async (context) => {
      if (actor.kind !== "user") throw unauthorized();
      const visibility = await notificationVisibility(context.tx, actor.userId);
      const marked = await markAllNotificationsRead(context.tx, actor.userId, visibility, context.now);
      context.note({ details: { marked } });
      return { marked };
    },
  );
}
