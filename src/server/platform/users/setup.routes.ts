import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  acceptInvitationBodySchema,
  invitationInfoQuerySchema,
  invitationInfoSchema,
  okSchema,
  setupBodySchema,
  userSchema,
} from "../../../domain/platform/schemas.js";
import { PUBLIC } from "../access.js";
import { AppError, errorResponses } from "../errors.js";
import type { Services } from "../operation.js";
import { acceptInvitation } from "./accept-invitation.js";
import { inspectInvitation } from "./inspect-invitation.js";
import { setupFirstAdministrator } from "./setup-first-administrator.js";

const tags = ["accounts"];
const errors = errorResponses(404, 409);
const INVALID_LINK =
  "This link is not valid any more: it was used, replaced or has expired. Ask for a new one.";

/** The public pages behind one-time links: first administrator, and invitations. */
export function registerSetupRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const rateLimit = { max: services.config.loginRateLimit, timeWindow: "1 minute" };

  api.post(
    "/api/setup",
    {
      config: { access: PUBLIC, rateLimit },
      schema: {
        operationId: "setUpFirstAdministrator",
        tags,
        summary: "Create the first administrator with the one-time setup link printed by the server",
        body: setupBodySchema,
        response: { 201: userSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await setupFirstAdministrator({ services, origin: request.origin, ...request.body });
      if (!result.ok) {
        throw result.reason === "already_set_up"
          ? new AppError(409, "already_set_up", "Comity is already set up. Sign in instead.")
          : new AppError(404, "invalid_link", INVALID_LINK);
      }
      return reply.code(201).send(result.user);
    },
  );

  api.post(
    "/api/invitations/inspect",
    {
      config: { access: PUBLIC, rateLimit },
      schema: {
        operationId: "inspectInvitation",
        tags,
        summary: "Who an invitation link is for (the token travels in the body, never in the URL)",
        body: invitationInfoQuerySchema,
        response: { 200: invitationInfoSchema, ...errors },
      },
    },
    async (request) => {
      const info = await inspectInvitation({ services, token: request.body.token });
      if (!info) throw new AppError(404, "invalid_link", INVALID_LINK);
      return info;
    },
  );

  api.post(
    "/api/invitations/accept",
    {
      config: { access: PUBLIC, rateLimit },
      schema: {
        operationId: "acceptInvitation",
        tags,
        summary: "Choose a password with an invitation link",
        body: acceptInvitationBodySchema,
        response: { 200: okSchema, ...errors },
      },
    },
    async (request) => {
      const result = await acceptInvitation({ services, origin: request.origin, ...request.body });
      if (!result.ok) throw new AppError(404, "invalid_link", INVALID_LINK);
      return { ok: true as const };
    },
  );
}
