import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  notificationIdParamsSchema,
  notificationListQuerySchema,
  notificationListSchema,
  notificationSchema,
  readAllNotificationsSchema,
} from "../../../domain/platform/notifications.js";
import { errorBodySchema } from "../../../domain/platform/schemas.js";
import { SIGNED_IN } from "../access.js";
import type { Services } from "../operation.js";
import { findNotifications } from "./list-notifications.js";
import { markAllRead, markRead } from "./mark-notifications-read.js";

const tags = ["notifications"];
const errors = { 404: errorBodySchema };

/**
 * The signed-in user's own notifications (deadline reminders and overdue notices the job
 * writes, src/server/cases/send-deadline-reminders.ts). Every role has an inbox; nobody
 * reads another's.
 */
export function registerNotificationsRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const own = { access: SIGNED_IN };

  api.get(
    "/api/notifications",
    {
      config: own,
      schema: {
        tags,
        summary: "Your notifications, newest first, with the unread count; `unread=true` for the unread ones",
        querystring: notificationListQuerySchema,
        response: { 200: notificationListSchema, ...errors },
      },
    },
    async (request) => findNotifications(services, request.actor, request.query),
  );

  api.post(
    "/api/notifications/:id/read",
    {
      config: own,
      schema: {
        tags,
        summary: "Mark one of your notifications read",
        params: notificationIdParamsSchema,
        response: { 200: notificationSchema, ...errors },
      },
    },
    async (request) => markRead(services, request.actor, request.origin, request.params.id),
  );

  api.post(
    "/api/notifications/read-all",
    {
      config: own,
      schema: {
        tags,
        summary: "Mark all your unread notifications read",
        response: { 200: readAllNotificationsSchema, ...errors },
      },
    },
    async (request) => markAllRead(services, request.actor, request.origin),
  );
}
