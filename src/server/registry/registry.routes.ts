import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
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
import { callerOf, requires } from "../platform/access.js";
import { requireIfMatch, setEtag } from "../platform/concurrency.js";
import { errorResponses } from "../platform/errors.js";
import type { Caller, Services } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { addPartyAction } from "./add-party-action.js";
import { addRelation } from "./add-relation.js";
import { addStage } from "./add-stage.js";
import { createInstrument } from "./create-instrument.js";
import { exportPartyActions } from "./export-party-actions.js";
import { findInstruments } from "./find-instruments.js";
import { findInstrumentsBetween } from "./find-instruments-between.js";
import { getWorldMap } from "./get-world-map.js";
import { importPartyActions } from "./import-party-actions.js";
import { loadInstrumentDetail } from "./instrument-detail.js";
import { removePartyAction } from "./remove-party-action.js";
import { removeRelation } from "./remove-relation.js";
import { removeStage } from "./remove-stage.js";
import { resolveLegalBasis } from "./resolve-legal-basis.js";
import { updateInstrument } from "./update-instrument.js";

const tags = ["registry"];
const errors = errorResponses(404, 409, 412, 428);

export function registerRegistryRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: requires("registry.read") };
  const write = { access: requires("registry.write") };

  api.get(
    "/api/registry/instruments",
    {
      config: read,
      schema: {
        operationId: "listInstruments",
        tags,
        summary: "Instruments, with filters and full-text search (English and Russian stemming)",
        querystring: instrumentListQuerySchema,
        response: { 200: instrumentListSchema },
      },
    },
    (request) => findInstruments({ services, query: request.query }),
  );

  api.post(
    "/api/registry/instruments",
    {
      config: { ...write, etag: true },
      schema: {
        operationId: "createInstrument",
        tags,
        summary: "Record an instrument (in force, signed or under negotiation) with its sources",
        body: createInstrumentSchema,
        response: { 201: instrumentDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = await createInstrument({ ...callerOf(services, request), instrument: request.body });
      setEtag(reply, row.version);
      return reply
        .code(201)
        .send(await loadInstrumentDetail(services.database, row.id, officeToday(services)));
    },
  );

  api.get(
    "/api/registry/instruments/:id",
    {
      config: { ...read, etag: true },
      schema: {
        operationId: "getInstrument",
        tags,
        summary:
          "One instrument with its parties' standing on `date` (default today), actions, stages and relations",
        params: instrumentIdParamsSchema,
        querystring: instrumentDetailQuerySchema,
        response: { 200: instrumentDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const detail = await loadInstrumentDetail(
        services.database,
        request.params.id,
        request.query.date ?? officeToday(services),
      );
      setEtag(reply, detail.version);
      return detail;
    },
  );

  api.patch(
    "/api/registry/instruments/:id",
    {
      config: { ...write, ifMatch: "required", etag: true },
      schema: {
        operationId: "updateInstrument",
        tags,
        summary: "Edit an instrument (If-Match required)",
        params: instrumentIdParamsSchema,
        body: updateInstrumentSchema,
        response: { 200: instrumentDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = await updateInstrument({
        ...callerOf(services, request),
        instrumentId: request.params.id,
        expectedVersion: requireIfMatch(request),
        changes: request.body,
      });
      setEtag(reply, row.version);
      return loadInstrumentDetail(services.database, row.id, officeToday(services));
    },
  );

  /** One kind of fact of an instrument: recorded (201) and removed (200), each answering the instrument. */
  function registerFactRoutes<Body extends z.ZodType>(route: {
    path: string;
    /** The operationIds of the two routes: addPartyAction and removePartyAction, ... */
    addOperationId: string;
    removeOperationId: string;
    summary: string;
    body: Body;
    add: (caller: Caller, instrumentId: string, body: z.output<Body>) => Promise<unknown>;
    removeSummary: string;
    remove: (caller: Caller, instrumentId: string, childId: string) => Promise<unknown>;
  }): void {
    api.post(
      `/api/registry/instruments/:id/${route.path}`,
      {
        config: { ...write, etag: true },
        schema: {
          operationId: route.addOperationId,
          tags,
          summary: route.summary,
          params: instrumentIdParamsSchema,
          body: route.body,
          response: { 201: instrumentDetailSchema, ...errors },
        },
      },
      async (request, reply) => {
        // The provider cannot narrow a generic schema's output: the body is what `route.body` parsed.
        await route.add(callerOf(services, request), request.params.id, request.body as z.output<Body>);
        const detail = await loadInstrumentDetail(
          services.database,
          request.params.id,
          officeToday(services),
        );
        setEtag(reply, detail.version);
        return reply.code(201).send(detail);
      },
    );
    api.delete(
      `/api/registry/instruments/:id/${route.path}/:childId`,
      {
        config: { ...write, etag: true },
        schema: {
          operationId: route.removeOperationId,
          tags,
          summary: route.removeSummary,
          params: childParamsSchema,
          response: { 200: instrumentDetailSchema, ...errors },
        },
      },
      async (request, reply) => {
        await route.remove(callerOf(services, request), request.params.id, request.params.childId);
        const detail = await loadInstrumentDetail(
          services.database,
          request.params.id,
          officeToday(services),
        );
        setEtag(reply, detail.version);
        return detail;
      },
    );
  }

  registerFactRoutes({
    path: "actions",
    addOperationId: "addPartyAction",
    removeOperationId: "removePartyAction",
    summary: "Record a party action: signature, ratification, entry into force, reservation, withdrawal...",
    body: createPartyActionSchema,
    add: (caller, instrumentId, partyAction) => addPartyAction({ ...caller, instrumentId, partyAction }),
    removeSummary: "Remove a party action recorded by mistake (shipped catalogue facts stay)",
    remove: (caller, instrumentId, partyActionId) =>
      removePartyAction({ ...caller, instrumentId, partyActionId }),
  });
  registerFactRoutes({
    path: "stages",
    addOperationId: "addStage",
    removeOperationId: "removeStage",
    summary: "Record a negotiation stage",
    body: createStageSchema,
    add: (caller, instrumentId, stage) => addStage({ ...caller, instrumentId, stage }),
    removeSummary: "Remove a negotiation stage",
    remove: (caller, instrumentId, stageId) => removeStage({ ...caller, instrumentId, stageId }),
  });
  registerFactRoutes({
    path: "relations",
    addOperationId: "addRelation",
    removeOperationId: "removeRelation",
    summary: "Relate this instrument to another: protocol of, amends, supersedes, aims at",
    body: createRelationSchema,
    add: (caller, instrumentId, relation) => addRelation({ ...caller, instrumentId, relation }),
    removeSummary: "Remove a relation",
    remove: (caller, instrumentId, relationId) => removeRelation({ ...caller, instrumentId, relationId }),
  });

  api.get(
    "/api/registry/resolve",
    {
      config: read,
      schema: {
        operationId: "resolveLegalBasis",
        tags,
        summary:
          "Legal-basis resolver: every candidate instrument between two states for a kind of request on a date, ranked, with reasons",
        querystring: resolveQuerySchema,
        response: { 200: resolveResponseSchema },
      },
    },
    (request) =>
      resolveLegalBasis({
        services,
        query: {
          requesting: request.query.requesting,
          requested: request.query.requested,
          kind: request.query.kind,
          date: request.query.date,
          personNationality: request.query.nationality,
        },
      }),
  );

  api.get(
    "/api/registry/pair",
    {
      config: read,
      schema: {
        operationId: "listInstrumentsBetween",
        tags,
        summary: "Everything that binds (or is to bind) a state with a partner on a date",
        querystring: pairQuerySchema,
        response: { 200: pairResponseSchema },
      },
    },
    (request) =>
      findInstrumentsBetween({
        services,
        state: request.query.state,
        partner: request.query.partner,
        date: request.query.date ?? officeToday(services),
      }),
  );

  api.get(
    "/api/registry/map",
    {
      config: read,
      schema: {
        operationId: "getWorldMap",
        tags,
        summary:
          "Every state's relation to one state on a date (in force, signed, negotiating, MoU only, none), for the world map",
        querystring: mapQuerySchema,
        response: { 200: mapResponseSchema },
      },
    },
    (request) =>
      getWorldMap({
        services,
        state: request.query.state,
        date: request.query.date ?? officeToday(services),
        widest: request.query.widest,
      }),
  );

  api.post(
    "/api/registry/party-actions/import",
    {
      config: { access: requires("registry.write") },
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        operationId: "importPartyActions",
        tags,
        summary:
          "Import party actions from CSV (instrument,state,action,date,source_url,as_of,verified): all rows or none",
        body: importPartyActionsSchema,
        response: { 200: importResultSchema, ...errors },
      },
    },
    (request) =>
      importPartyActions({
        ...callerOf(services, request),
        csv: request.body.csv,
        instrument: request.body.instrument,
        dryRun: request.body.dryRun,
      }),
  );

  api.get(
    "/api/registry/party-actions/export",
    {
      config: read,
      schema: {
        operationId: "exportPartyActions",
        tags,
        summary: "Export party actions as CSV, in the import format",
        querystring: exportQuerySchema,
        response: {
          200: {
            description: "The party actions as CSV (UTF-8), with the columns of the import format",
            content: { "text/csv": { schema: z.string() } },
          },
        },
      },
    },
    async (request, reply) => {
      const csv = partyActionsToCsv(
        await exportPartyActions({ services, instrument: request.query.instrument }),
      );
      const name = `party-actions${request.query.instrument ? `-${request.query.instrument}` : ""}.csv`;
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(csv);
    },
  );
}
