import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { listTeamMembers, listTeams } from "../../../db/platform/teams.repository.js";
import {
  addTeamMemberBodySchema,
  createTeamBodySchema,
  teamIdParamsSchema,
  teamListSchema,
  teamMemberParamsSchema,
  teamSchema,
  updateTeamBodySchema,
} from "../../../domain/platform/schemas.js";
import { callerOf, requires, requiresAnyOf } from "../access.js";
import { requireIfMatch, setEtag } from "../concurrency.js";
import { errorResponses } from "../errors.js";
import type { Services } from "../operation.js";
import { addTeamMember } from "./add-team-member.js";
import { createTeam } from "./create-team.js";
import { removeTeamMember } from "./remove-team-member.js";
import { toTeamView } from "./team-view.js";
import { updateTeam } from "./update-team.js";

const tags = ["teams"];
const errors = errorResponses(404, 409, 412, 428);

export function registerTeamsRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Those who work cases see the teams (to choose one for a new case); administrators make them.
  const read = { access: requiresAnyOf("cases.read", "teams.manage") };
  const manage = { access: requires("teams.manage") };

  api.get(
    "/api/teams",
    {
      config: read,
      schema: {
        operationId: "listTeams",
        tags,
        summary: "All teams with their members",
        response: { 200: teamListSchema, ...errors },
      },
    },
    async () => {
      const members = await listTeamMembers(services.database);
      return { teams: (await listTeams(services.database)).map((team) => toTeamView(team, members)) };
    },
  );

  api.post(
    "/api/teams",
    {
      config: { ...manage, etag: true },
      schema: {
        operationId: "createTeam",
        tags,
        summary: "Make a team",
        body: createTeamBodySchema,
        response: { 201: teamSchema, ...errors },
      },
    },
    async (request, reply) => {
      const team = await createTeam({ ...callerOf(services, request), ...request.body });
      setEtag(reply, team.version);
      return reply.code(201).send(team);
    },
  );

  api.patch(
    "/api/teams/:id",
    {
      config: { ...manage, ifMatch: "required", etag: true },
      schema: {
        operationId: "updateTeam",
        tags,
        summary: "Rename a team or change its description (If-Match required)",
        params: teamIdParamsSchema,
        body: updateTeamBodySchema,
        response: { 200: teamSchema, ...errors },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const team = await updateTeam({
        ...callerOf(services, request),
        teamId: request.params.id,
        expectedVersion: version,
        changes: request.body,
      });
      setEtag(reply, team.version);
      return team;
    },
  );

  api.post(
    "/api/teams/:id/members",
    {
      config: { ...manage, etag: true },
      schema: {
        operationId: "addTeamMember",
        tags,
        summary: "Add an account to a team: it sees the team's cases from its next request",
        params: teamIdParamsSchema,
        body: addTeamMemberBodySchema,
        response: { 200: teamSchema, ...errors },
      },
    },
    async (request, reply) => {
      const team = await addTeamMember({
        ...callerOf(services, request),
        teamId: request.params.id,
        userId: request.body.userId,
      });
      setEtag(reply, team.version);
      return team;
    },
  );

  api.delete(
    "/api/teams/:id/members/:userId",
    {
      config: { ...manage, etag: true },
      schema: {
        operationId: "removeTeamMember",
        tags,
        summary: "Take an account off a team: the team's cases close to it at once",
        params: teamMemberParamsSchema,
        response: { 200: teamSchema, ...errors },
      },
    },
    async (request, reply) => {
      const team = await removeTeamMember({
        ...callerOf(services, request),
        teamId: request.params.id,
        userId: request.params.userId,
      });
      setEtag(reply, team.version);
      return team;
    },
  );
}
