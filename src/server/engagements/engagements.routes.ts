import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  actionItemListQuerySchema,
  actionItemListSchema,
  actionItemParamsSchema,
  actionItemSchema,
  actionOwnerOptionsSchema,
  answerInvitationSchema,
  createEngagementSchema,
  engagementDetailSchema,
  engagementIdParamsSchema,
  engagementListQuerySchema,
  engagementListSchema,
  outcomeInputSchema,
  outcomeParamsSchema,
  recordedOutcomeSchema,
  updateActionItemSchema,
  updateEngagementSchema,
} from "../../domain/engagements/schemas.js";
import { callerOf, requires } from "../platform/access.js";
import { requireIfMatch, setEtag } from "../platform/concurrency.js";
import { errorResponses } from "../platform/errors.js";
import type { Services } from "../platform/operation.js";
import { answerInvitation } from "./answer-invitation.js";
import { createEngagement } from "./create-engagement.js";
import { getEngagement } from "./get-engagement.js";
import { listActionItems } from "./list-action-items.js";
import { listActionOwners } from "./list-action-owners.js";
import { listEngagements } from "./list-engagements.js";
import { recordOutcome } from "./record-outcome.js";
import { removeOutcome } from "./remove-outcome.js";
import { updateActionItem } from "./update-action-item.js";
import { updateEngagement } from "./update-engagement.js";

const tags = ["engagements"];
const errors = errorResponses(404, 409, 412, 428);

/**
 * Engagements (visits, meetings, calls), their outcomes and action items. Every route also
 * passes the engagement policy inside its operation (engagement.policy.ts): an engagement
 * above the reader's clearance answers 404 as if it did not exist, and a case linked to
 * one is shown only to those who may read the case.
 */
export function registerEngagementsRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: requires("engagements.read") };
  const write = { access: requires("engagements.write") };

  api.get(
    "/api/engagements",
    {
      config: read,
      schema: {
        operationId: "listEngagements",
        tags,
        summary:
          "The engagements you may see: filters (state, kind, status, period, participant, instrument, open action items), full-text search in English and Russian, upcoming first or newest first",
        querystring: engagementListQuerySchema,
        response: { 200: engagementListSchema, ...errors },
      },
    },
    async (request) => listEngagements({ ...callerOf(services, request), query: request.query }),
  );

  api.post(
    "/api/engagements",
    {
      config: { ...write, etag: true },
      schema: {
        operationId: "createEngagement",
        tags,
        summary:
          "Record an engagement with its participants (new people are added to the directory on the spot)",
        body: createEngagementSchema,
        response: { 201: engagementDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const detail = await createEngagement({ ...callerOf(services, request), input: request.body });
      setEtag(reply, detail.version);
      return reply.code(201).send(detail);
    },
  );

  api.get(
    "/api/engagements/:id",
    {
      config: { ...read, etag: true },
      schema: {
        operationId: "getEngagement",
        tags,
        summary:
          "One engagement: participants with the positions they held, agenda, outcomes (linked cases under need-to-know), action items; its ETag is its version",
        params: engagementIdParamsSchema,
        response: { 200: engagementDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const detail = await getEngagement({ ...callerOf(services, request), id: request.params.id });
      setEtag(reply, detail.version);
      return detail;
    },
  );

  api.patch(
    "/api/engagements/:id",
    {
      config: { ...write, ifMatch: "required", etag: true },
      schema: {
        operationId: "updateEngagement",
        tags,
        summary: "Edit an engagement (If-Match required); participants, when given, replace those recorded",
        params: engagementIdParamsSchema,
        body: updateEngagementSchema,
        response: { 200: engagementDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const detail = await updateEngagement({
        ...callerOf(services, request),
        id: request.params.id,
        expectedVersion: requireIfMatch(request),
        changes: request.body,
      });
      setEtag(reply, detail.version);
      return detail;
    },
  );

  api.post(
    "/api/engagements/:id/outcomes",
    {
      config: { ...write, etag: true },
      schema: {
        operationId: "recordEngagementOutcome",
        tags,
        summary:
          "Record an outcome: an instrument signed or a programme adopted (signatures written to the registry in the same transaction; needs registry.write), a commitment (an action item), an invitation, a statement, a case discussed",
        params: engagementIdParamsSchema,
        body: outcomeInputSchema,
        response: { 201: recordedOutcomeSchema, ...errors },
      },
    },
    async (request, reply) => {
      const recorded = await recordOutcome({
        ...callerOf(services, request),
        engagementId: request.params.id,
        input: request.body,
      });
      setEtag(reply, recorded.engagement.version);
      return reply.code(201).send(recorded);
    },
  );

  api.delete(
    "/api/engagements/:id/outcomes/:outcomeId",
    {
      config: { ...write, ifMatch: "required", etag: true },
      schema: {
        operationId: "removeEngagementOutcome",
        tags,
        summary:
          "Remove an outcome recorded by mistake (If-Match on the engagement's version): the registry signatures it recorded go with it (the instrument stays), a commitment's action item too; a done action item or an accepted invitation is 409 outcome_in_use",
        params: outcomeParamsSchema,
        response: { 200: engagementDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const detail = await removeOutcome({
        ...callerOf(services, request),
        engagementId: request.params.id,
        outcomeId: request.params.outcomeId,
        expectedVersion: requireIfMatch(request),
      });
      setEtag(reply, detail.version);
      return detail;
    },
  );

  api.post(
    "/api/engagements/:id/outcomes/:outcomeId/answer",
    {
      config: { ...write, etag: true },
      schema: {
        operationId: "answerInvitation",
        tags,
        summary:
          "Answer an invitation once: accepting it plans the engagement it invites to, linked back; a second answer is 409 invitation_answered",
        params: outcomeParamsSchema,
        body: answerInvitationSchema,
        response: { 200: recordedOutcomeSchema, ...errors },
      },
    },
    async (request, reply) => {
      const answered = await answerInvitation({
        ...callerOf(services, request),
        engagementId: request.params.id,
        outcomeId: request.params.outcomeId,
        answer: request.body,
      });
      setEtag(reply, answered.engagement.version);
      return answered;
    },
  );

  api.get(
    "/api/action-items",
    {
      config: read,
      schema: {
        operationId: "listActionItems",
        tags,
        summary:
          "Action items of the engagements you may see, by due day: yours and your teams' (mine=true), a user's, a team's, an engagement's; open, closed, overdue",
        querystring: actionItemListQuerySchema,
        response: { 200: actionItemListSchema, ...errors },
      },
    },
    async (request) => listActionItems({ ...callerOf(services, request), query: request.query }),
  );

  api.get(
    "/api/action-items/owners",
    {
      config: write,
      schema: {
        operationId: "listActionItemOwners",
        tags,
        summary: "Who may own an action item: active accounts whose role reads engagements, and the teams",
        response: { 200: actionOwnerOptionsSchema, ...errors },
      },
    },
    async (request) => listActionOwners(callerOf(services, request)),
  );

  api.patch(
    "/api/action-items/:id",
    {
      config: { ...read, ifMatch: "required", etag: true },
      schema: {
        operationId: "updateActionItem",
        tags,
        summary:
          "Move an action item on (If-Match required): status (done and dropped need a closing note), due day, owner, a note; its owner may move it on and add notes, writers may also hand it over",
        params: actionItemParamsSchema,
        body: updateActionItemSchema,
        response: { 200: actionItemSchema, ...errors },
      },
    },
    async (request, reply) => {
      const item = await updateActionItem({
        ...callerOf(services, request),
        id: request.params.id,
        expectedVersion: requireIfMatch(request),
        changes: request.body,
      });
      setEtag(reply, item.version);
      return item;
    },
  );
}
