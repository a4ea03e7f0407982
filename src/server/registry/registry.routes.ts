import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Executor } from "../../db/client.js";
import {
  findInstrument,
  listInstruments,
  listPartyActions,
  listRelations,
  listStages,
  partyActionsForExport,
  partyNames,
} from "../../db/registry/instruments.repository.js";
import { errorBodySchema } from "../../domain/platform/schemas.js";
import type { Citation } from "../../domain/registry/model.js";
import { partyActionsToCsv } from "../../domain/registry/party-csv.js";
import {
  childParamsSchema,
  createInstrumentSchema,
  createPartyActionSchema,
  createRelationSchema,
  createStageSchema,
  exportQuerySchema,
  importPartyActionsSchema,
  importResultSchema,
  instrumentDetailQuerySchema,
  instrumentDetailSchema,
  instrumentIdParamsSchema,
  instrumentListQuerySchema,
  instrumentListSchema,
  mapQuerySchema,
  mapResponseSchema,
  pairQuerySchema,
  pairResponseSchema,
  resolveQuerySchema,
  resolveResponseSchema,
  updateInstrumentSchema,
} from "../../domain/registry/schemas.js";
import { requires } from "../platform/access.js";
import { requireIfMatch, setEtag } from "../platform/concurrency.js";
import { notFound } from "../platform/errors.js";
import type { Services } from "../platform/operation.js";
import { createInstrument } from "./create-instrument.js";
import { importPartyActions } from "./import-party-actions.js";
import { instrumentIdsByStatus, pair, resolve, today, worldMap } from "./queries.js";
import {
  addPartyAction,
  addRelation,
  addStage,
  removePartyAction,
  removeRelation,
  removeStage,
} from "./record-facts.js";
import { updateInstrument } from "./update-instrument.js";
import { toDetail, toSummary } from "./views.js";

const tags = ["registry"];
const errors = { 404: errorBodySchema, 409: errorBodySchema, 412: errorBodySchema, 428: errorBodySchema };

async function instrumentDetail(executor: Executor, id: string, date: string) {
  const row = await findInstrument(executor, id);
  if (!row) throw notFound("instrument");
  const facts = {
    actions: await listPartyActions(executor, id),
    stages: await listStages(executor, id),
    relations: await listRelations(executor, id),
  };
  return toDetail(row, facts, await partyNames(executor), date);
}

export function registerRegistryRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: requires("registry.read") };
  const write = { access: requires("registry.write") };

  api.get(
    "/api/registry/instruments",
    {
      config: read,
      schema: {
        tags,
        summary: "Instruments, with filters and full-text search (English and Russian stemming)",
        querystring: instrumentListQuerySchema,
        response: { 200: instrumentListSchema },
      },
    },
    async (request) => {
      const query = request.query;
      const ids =
        query.party && query.status
          ? await instrumentIdsByStatus(
              services.database,
              query.party,
              query.status,
              query.date ?? today(services.clock()),
            )
          : undefined;
      const { rows, total } = await listInstruments(
        services.database,
        {
          q: query.q,
          kind: query.kind,
          subject: query.subject,
          scope: query.scope,
          binding: query.binding === undefined ? undefined : query.binding === "true",
          demo: query.demo === undefined ? undefined : query.demo === "true",
          party: query.party,
          ids,
        },
        { limit: query.limit, offset: query.offset },
      );
      return { instruments: rows.map(toSummary), total };
    },
  );

  api.post(
    "/api/registry/instruments",
    {
      config: write,
      schema: {
        tags,
        summary: "Record an instrument (in force, signed or under negotiation) with its sources",
        body: createInstrumentSchema,
        response: { 201: instrumentDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = await createInstrument(services, request.actor, request.origin, request.body);
      setEtag(reply, row.version);
      return reply.code(201).send(await instrumentDetail(services.database, row.id, today(services.clock())));
    },
  );

  api.get(
    "/api/registry/instruments/:id",
    {
      config: read,
      schema: {
        tags,
        summary:
          "One instrument with its parties' standing on `date` (default today), actions, stages and relations",
        params: instrumentIdParamsSchema,
        querystring: instrumentDetailQuerySchema,
        response: { 200: instrumentDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const detail = await instrumentDetail(
        services.database,
        request.params.id,
        request.query.date ?? today(services.clock()),
      );
      setEtag(reply, detail.version);
      return detail;
    },
  );

  api.patch(
    "/api/registry/instruments/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "Edit an instrument (If-Match required)",
        params: instrumentIdParamsSchema,
        body: updateInstrumentSchema,
        response: { 200: instrumentDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const row = await updateInstrument(
        services,
        request.actor,
        request.origin,
        request.params.id,
        version,
        request.body,
      );
      setEtag(reply, row.version);
      return instrumentDetail(services.database, row.id, today(services.clock()));
    },
  );

  const factRoutes = [
    {
      path: "actions",
      summary: "Record a party action: signature, ratification, entry into force, reservation, withdrawal...",
      body: createPartyActionSchema,
      add: addPartyAction,
      remove: removePartyAction,
      removeSummary: "Remove a party action recorded by mistake (shipped catalogue facts stay)",
    },
    {
      path: "stages",
      summary: "Record a negotiation stage",
      body: createStageSchema,
      add: addStage,
      remove: removeStage,
      removeSummary: "Remove a negotiation stage",
    },
    {
      path: "relations",
      summary: "Relate this instrument to another: protocol of, amends, supersedes, aims at",
      body: createRelationSchema,
      add: addRelation,
      remove: removeRelation,
      removeSummary: "Remove a relation",
    },
  ] as const;
  for (const route of factRoutes) {
    api.post(
      `/api/registry/instruments/:id/${route.path}`,
      {
        config: write,
        schema: {
          tags,
          summary: route.summary,
          params: instrumentIdParamsSchema,
          body: route.body,
          response: { 201: instrumentDetailSchema, ...errors },
        },
      },
      async (request, reply) => {
        // biome-ignore lint/suspicious/noExplicitAny: each route pairs its body schema with its operation
        await (route.add as any)(services, request.actor, request.origin, request.params.id, request.body);
        const detail = await instrumentDetail(services.database, request.params.id, today(services.clock()));
        setEtag(reply, detail.version);
        return reply.code(201).send(detail);
      },
    );
    api.delete(
      `/api/registry/instruments/:id/${route.path}/:childId`,
      {
        config: write,
        schema: {
          tags,
          summary: route.removeSummary,
          params: childParamsSchema,
          response: { 200: instrumentDetailSchema, ...errors },
        },
      },
      async (request, reply) => {
        await route.remove(
          services,
          request.actor,
          request.origin,
          request.params.id,
          request.params.childId,
        );
        const detail = await instrumentDetail(services.database, request.params.id, today(services.clock()));
        setEtag(reply, detail.version);
        return detail;
      },
    );
  }

  api.get(
    "/api/registry/resolve",
    {
      config: read,
      schema: {
        tags,
        summary:
          "Legal-basis resolver: every candidate instrument between two states for a kind of request on a date, ranked, with reasons",
        querystring: resolveQuerySchema,
        response: { 200: resolveResponseSchema },
      },
    },
    (request) =>
      resolve(services.database, {
        requesting: request.query.requesting,
        requested: request.query.requested,
        kind: request.query.kind,
        date: request.query.date,
        personNationality: request.query.nationality,
      }),
  );

  api.get(
    "/api/registry/pair",
    {
      config: read,
      schema: {
        tags,
        summary: "Everything that binds (or is to bind) a state with a partner on a date",
        querystring: pairQuerySchema,
        response: { 200: pairResponseSchema },
      },
    },
    (request) =>
      pair(
        services.database,
        request.query.state,
        request.query.partner,
        request.query.date ?? today(services.clock()),
      ),
  );

  api.get(
    "/api/registry/map",
    {
      config: read,
      schema: {
        tags,
        summary:
          "Every state's relation to one state on a date (in force, signed, negotiating, MoU only, none), for the world map",
        querystring: mapQuerySchema,
        response: { 200: mapResponseSchema },
      },
    },
    (request) =>
      worldMap(
        services.database,
        request.query.state,
        request.query.date ?? today(services.clock()),
        request.query.widest,
      ),
  );

  api.post(
    "/api/registry/party-actions/import",
    {
      config: { access: requires("registry.write") },
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Import party actions from CSV (instrument,state,action,date,source_url,as_of,verified): all rows or none",
        body: importPartyActionsSchema,
        response: { 200: importResultSchema, ...errors },
      },
    },
    (request) => importPartyActions(services, request.actor, request.origin, request.body),
  );

  api.get(
    "/api/registry/party-actions/export",
    {
      config: read,
      schema: {
        tags,
        summary: "Export party actions as CSV, in the import format",
        querystring: exportQuerySchema,
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const rows = await partyActionsForExport(services.database, request.query.instrument);
      const csv = partyActionsToCsv(
        rows.map((row) => ({
          instrumentCode: row.instrumentCode,
          partyCode: row.partyCode ?? "",
          action: row.action,
          date: row.date,
          sourceUrl: (row.source as Citation | null)?.url ?? null,
          asOf: row.asOf,
          verified: row.verified,
        })),
      );
      const name = `party-actions${request.query.instrument ? `-${request.query.instrument}` : ""}.csv`;
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(csv);
    },
  );
}
