import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { findUserById, listUsers } from "../../../db/platform/users.repository.js";
import {
  createUserBodySchema,
  updateUserBodySchema,
  userIdParamsSchema,
  userListSchema,
  userSchema,
  userWithInvitationSchema,
} from "../../../domain/platform/schemas.js";
import { callerOf, requires } from "../access.js";
import { requireIfMatch, setEtag } from "../concurrency.js";
import { errorResponses, notFound } from "../errors.js";
import type { Services } from "../operation.js";
import { changeUserStatus, type StatusChange } from "./change-user-status.js";
import { createUser } from "./create-user.js";
import { resetUserAccess } from "./reset-user-access.js";
import { updateUser } from "./update-user.js";
import { toUserView } from "./user-view.js";

const tags = ["accounts"];
const errors = errorResponses(404, 409, 412, 428);

export function registerUsersRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: requires("users.read") };
  const manage = { access: requires("users.manage") };

  api.get(
    "/api/users",
    {
      config: read,
      schema: {
        operationId: "listUsers",
        tags,
        summary: "All accounts",
        response: { 200: userListSchema, ...errors },
      },
    },
    async () => ({ users: (await listUsers(services.database)).map(toUserView) }),
  );

  api.get(
    "/api/users/:id",
    {
      config: { ...read, etag: true },
      schema: {
        operationId: "getUser",
        tags,
        summary: "One account; its ETag is the version to send in If-Match",
        params: userIdParamsSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request, reply) => {
      const user = await findUserById(services.database, request.params.id);
      if (!user) throw notFound("user");
      setEtag(reply, user.version);
      return toUserView(user);
    },
  );

  api.post(
    "/api/users",
    {
      config: { ...manage, etag: true },
      schema: {
        operationId: "inviteUser",
        tags,
        summary: "Open an account; returns a one-time invitation link for the user to choose a password",
        body: createUserBodySchema,
        response: { 201: userWithInvitationSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await createUser({ ...callerOf(services, request), ...request.body });
      setEtag(reply, result.user.version);
      return reply.code(201).send(result);
    },
  );

  api.patch(
    "/api/users/:id",
    {
      config: { ...manage, ifMatch: "required", etag: true },
      schema: {
        operationId: "updateUser",
        tags,
        summary: "Rename an account or change its role or clearance (If-Match required)",
        params: userIdParamsSchema,
        body: updateUserBodySchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const user = await updateUser({
        ...callerOf(services, request),
        userId: request.params.id,
        expectedVersion: version,
        changes: request.body,
      });
      setEtag(reply, user.version);
      return user;
    },
  );

  const statusChanges: { path: string; change: StatusChange; operationId: string; summary: string }[] = [
    {
      path: "disable",
      change: "disable",
      operationId: "disableUser",
      summary: "Disable an account; its sessions end at once",
    },
    { path: "enable", change: "enable", operationId: "enableUser", summary: "Enable a disabled account" },
    {
      path: "unlock",
      change: "unlock",
      operationId: "unlockUser",
      summary: "Release the lock left by repeated failed sign-ins",
    },
  ];
  for (const { path, change, operationId, summary } of statusChanges) {
    api.post(
      `/api/users/:id/${path}`,
      {
        config: { ...manage, etag: true },
        schema: {
          operationId,
          tags,
          summary,
          params: userIdParamsSchema,
          response: { 200: userSchema, ...errors },
        },
      },
      async (request, reply) => {
        const user = await changeUserStatus({
          ...callerOf(services, request),
          userId: request.params.id,
          change,
        });
        setEtag(reply, user.version);
        return user;
      },
    );
  }

  api.post(
    "/api/users/:id/reset-access",
    {
      config: { ...manage, etag: true },
      schema: {
        operationId: "resetUserAccess",
        tags,
        summary: "Remove the password and authenticator and issue a new invitation (lost password or device)",
        params: userIdParamsSchema,
        response: { 200: userWithInvitationSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await resetUserAccess({ ...callerOf(services, request), userId: request.params.id });
      setEtag(reply, result.user.version);
      return result;
    },
  );
}
