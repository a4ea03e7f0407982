import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  notificationIdParamsSchema,
  notificationListQuerySchema,
  notificationListSchema,
  notificationSchema,
  readAllNotificationsSchema,
} from "../../domain/notifications/schemas.js";
import { callerOf, SIGNED_IN } from "../platform/access.js";
import { errorResponses } from "../platform/errors.js";
import type { Services } from "../platform/operation.js";
import { listNotifications } from "./list-notifications.js";
import { markAllNotificationsRead } from "./mark-all-notifications-read.js";
import { markNotificationRead } from "./mark-notification-read.js";
import type { NotificationSubjects } from "./subjects.js";

const tags = ["notifications"];
const errors = errorResponses(404);

/**
 * The signed-in user's own notifications (the cases feature's deadline reminders and
 * overdue notices, src/server/cases/send-deadline-reminders.ts, ...). Every role has an
 * inbox; nobody reads another's. `subjects` are the types of subject the features
 * registered (src/server/app.ts): who may see which subject, and how it is named.
 */
export function registerNotificationsRoutes(
  app: FastifyInstance,
  services: Services,
  subjects: NotificationSubjects,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const own = { access: SIGNED_IN };

  api.get(
    "/api/notifications",
    {
      config: own,
      schema: {
        operationId: "listNotifications",
        tags,
        summary: "Your notifications, newest first, with the unread count; `unread=true` for the unread ones",
        querystring: notificationListQuerySchema,
        response: { 200: notificationListSchema, ...errors },
      },
    },
    async (request) => listNotifications({ ...callerOf(services, request), subjects, query: request.query }),
  );

  api.post(
    "/api/notifications/:id/read",
    {
      config: own,
      schema: {
        operationId: "markNotificationRead",
        tags,
        summary: "Mark one of your notifications read",
        params: notificationIdParamsSchema,
        response: { 200: notificationSchema, ...errors },
      },
    },
    async (request) =>
      markNotificationRead({ ...callerOf(services, request), subjects, id: request.params.id }),
  );

  api.post(
    "/api/notifications/read-all",
    {
      config: own,
      schema: {
        operationId: "markAllNotificationsRead",
        tags,
        summary: "Mark all your unread notifications read",
        response: { 200: readAllNotificationsSchema, ...errors },
      },
    },
    async (request) => markAllNotificationsRead({ ...callerOf(services, request), subjects }),
  );
}
