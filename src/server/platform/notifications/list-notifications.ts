import { listNotifications } from "../../../db/platform/notifications.repository.js";
import type { NotificationList, NotificationListQuery } from "../../../domain/platform/notifications.js";
import { unauthorized } from "../errors.js";
import type { Actor, Services } from "../operation.js";
import { notificationVisibility, toNotificationView } from "./notification-view.js";

/**
 * The user's own notifications, newest first, without those about cases they may no
 * longer see. A read of one's own inbox, which the web app's bell repeats every minute:
 * it is not recorded in the audit trail (the session probe is not either); opening the
 * case it names is, and so is marking a notification read.
 */
export async function findNotifications(
  services: Services,
  actor: Actor,
  query: NotificationListQuery,
): Promise<NotificationList> {
  if (actor.kind !== "user") throw unauthorized();
  return services.database.transaction(
    async (tx) => {
      const visibility = await notificationVisibility(tx, actor.userId);
      const { rows, total, unread } = await listNotifications(tx, actor.userId, visibility, query);
      return { items: rows.map(toNotificationView), total, unread };
    },
    { accessMode: "read only" },
  );
}
