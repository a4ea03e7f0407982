import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { findAgency, listAgencies, listPeople } from "../../db/directory/agencies.repository.js";
import {
  listOrganisations,
  MEMBERSHIP_AS_OF,
  membershipsOf,
} from "../../db/directory/organisations.repository.js";
import { getState } from "../../db/directory/states.repository.js";
import {
  agencyListQuerySchema,
  agencyListSchema,
  agencySchema,
  createAgencySchema,
  createPersonSchema,
  createPositionSchema,
  idParamsSchema,
  organisationListSchema,
  personListQuerySchema,
  personListSchema,
  personSchema,
  positionParamsSchema,
  stateDetailSchema,
  stateParamsSchema,
  updateAgencySchema,
  updatePersonSchema,
} from "../../domain/directory/schemas.js";
import { callerOf, requires } from "../platform/access.js";
import { requireIfMatch, setEtag } from "../platform/concurrency.js";
import { errorResponses, notFound } from "../platform/errors.js";
import type { Services } from "../platform/operation.js";
import { addPosition } from "./add-position.js";
import { toAgency } from "./agency-view.js";
import { createAgency } from "./create-agency.js";
import { createPerson } from "./create-person.js";
import { loadPerson, peopleWithPositions } from "./person-view.js";
import { removePosition } from "./remove-position.js";
import { toState } from "./state-view.js";
import { updateAgency } from "./update-agency.js";
import { updatePerson } from "./update-person.js";

const tags = ["directory"];
const errors = errorResponses(404, 409, 412, 428);

export function registerDirectoryRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: requires("directory.read") };
  const write = { access: requires("directory.write") };

  api.get(
    "/api/directory/states/:code",
    {
      config: read,
      schema: {
        operationId: "getStateProfile",
        tags,
        summary:
          "A state with its agencies and its memberships of international organisations (dated snapshot)",
        params: stateParamsSchema,
        response: { 200: stateDetailSchema, ...errors },
      },
    },
    async (request) => {
      const state = await getState(services.database, request.params.code);
      if (!state) throw notFound("state");
      const agencies = await listAgencies(services.database, { state: state.code });
      return {
        ...toState(state),
        memberships: await membershipsOf(services.database, state.code),
        agencies: agencies.map((row) => toAgency(row.agency, row.parentNameEn)),
      };
    },
  );

  api.get(
    "/api/directory/organisations",
    {
      config: read,
      schema: {
        operationId: "listOrganisations",
        tags,
        summary: "International organisations and how many members each has (dated snapshot)",
        response: { 200: organisationListSchema },
      },
    },
    async () => ({
      organisations: await listOrganisations(services.database),
      asOf: MEMBERSHIP_AS_OF,
      note: "Snapshot of January 2020 (CIA World Factbook). Later changes are not included: Russia left the Council of Europe in 2022; the United Kingdom left the EU in 2020.",
    }),
  );

  api.get(
    "/api/directory/agencies",
    {
      config: read,
      schema: {
        operationId: "listAgencies",
        tags,
        summary: "Agencies, by name in Latin or Cyrillic, state and kind",
        querystring: agencyListQuerySchema,
        response: { 200: agencyListSchema },
      },
    },
    async (request) => ({
      agencies: (await listAgencies(services.database, request.query)).map((row) =>
        toAgency(row.agency, row.parentNameEn),
      ),
    }),
  );

  api.post(
    "/api/directory/agencies",
    {
      config: { ...write, etag: true },
      schema: {
        operationId: "createAgency",
        tags,
        summary: "Add an agency",
        body: createAgencySchema,
        response: { 201: agencySchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = await createAgency({ ...callerOf(services, request), agency: request.body });
      setEtag(reply, row.version);
      return reply.code(201).send(toAgency(row));
    },
  );

  api.get(
    "/api/directory/agencies/:id",
    {
      config: { ...read, etag: true },
      schema: {
        operationId: "getAgency",
        tags,
        summary: "One agency",
        params: idParamsSchema,
        response: { 200: agencySchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = await findAgency(services.database, request.params.id);
      if (!row) throw notFound("agency");
      const parent = row.parentAgencyId ? await findAgency(services.database, row.parentAgencyId) : null;
      setEtag(reply, row.version);
      return toAgency(row, parent?.nameEn ?? null);
    },
  );

  api.patch(
    "/api/directory/agencies/:id",
    {
      config: { ...write, ifMatch: "required", etag: true },
      schema: {
        operationId: "updateAgency",
        tags,
        summary: "Edit an agency (If-Match required)",
        params: idParamsSchema,
        body: updateAgencySchema,
        response: { 200: agencySchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = await updateAgency({
        ...callerOf(services, request),
        agencyId: request.params.id,
        expectedVersion: requireIfMatch(request),
        changes: request.body,
      });
      setEtag(reply, row.version);
      return toAgency(row);
    },
  );

  api.get(
    "/api/directory/people",
    {
      config: read,
      schema: {
        operationId: "listPeople",
        tags,
        summary:
          "Officials by name (Latin or Cyrillic), state, agency; with `on` and `title`: who held that post on that date",
        querystring: personListQuerySchema,
        response: { 200: personListSchema },
      },
    },
    async (request) => ({
      people: await peopleWithPositions(
        services.database,
        await listPeople(services.database, request.query),
      ),
    }),
  );

  api.post(
    "/api/directory/people",
    {
      config: { ...write, etag: true },
      schema: {
        operationId: "createPerson",
        tags,
        summary: "Add an official",
        body: createPersonSchema,
        response: { 201: personSchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = await createPerson({ ...callerOf(services, request), person: request.body });
      setEtag(reply, row.version);
      return reply.code(201).send(await loadPerson(services.database, row.id));
    },
  );

  api.get(
    "/api/directory/people/:id",
    {
      config: { ...read, etag: true },
      schema: {
        operationId: "getPerson",
        tags,
        summary: "One official with their positions",
        params: idParamsSchema,
        response: { 200: personSchema, ...errors },
      },
    },
    async (request, reply) => {
      const person = await loadPerson(services.database, request.params.id);
      setEtag(reply, person.version);
      return person;
    },
  );

  api.patch(
    "/api/directory/people/:id",
    {
      config: { ...write, ifMatch: "required", etag: true },
      schema: {
        operationId: "updatePerson",
        tags,
        summary: "Edit an official's names (If-Match required)",
        params: idParamsSchema,
        body: updatePersonSchema,
        response: { 200: personSchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = await updatePerson({
        ...callerOf(services, request),
        personId: request.params.id,
        expectedVersion: requireIfMatch(request),
        changes: request.body,
      });
      setEtag(reply, row.version);
      return loadPerson(services.database, row.id);
    },
  );

  api.post(
    "/api/directory/people/:id/positions",
    {
      config: { ...write, etag: true },
      schema: {
        operationId: "addPosition",
        tags,
        summary: "Record a position held (agency, title, from, to)",
        params: idParamsSchema,
        body: createPositionSchema,
        response: { 201: personSchema, ...errors },
      },
    },
    async (request, reply) => {
      await addPosition({
        ...callerOf(services, request),
        personId: request.params.id,
        position: request.body,
      });
      const person = await loadPerson(services.database, request.params.id);
      setEtag(reply, person.version);
      return reply.code(201).send(person);
    },
  );

  api.delete(
    "/api/directory/people/:id/positions/:positionId",
    {
      config: { ...write, etag: true },
      schema: {
        operationId: "removePosition",
        tags,
        summary: "Remove a position recorded by mistake",
        params: positionParamsSchema,
        response: { 200: personSchema, ...errors },
      },
    },
    async (request, reply) => {
      await removePosition({
        ...callerOf(services, request),
        personId: request.params.id,
        positionId: request.params.positionId,
      });
      const person = await loadPerson(services.database, request.params.id);
      setEtag(reply, person.version);
      return person;
    },
  );
}
