import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { getState, listStates } from "../../db/directory/states.repository.js";
import {
  stateListQuerySchema,
  stateListSchema,
  stateParamsSchema,
  stateSchema,
} from "../../domain/directory/schemas.js";
import { requires } from "../platform/access.js";
import { errorResponses, notFound } from "../platform/errors.js";
import type { Services } from "../platform/operation.js";
import { toState } from "./state-view.js";

const tags = ["directory"];
const errors = errorResponses(404);

/** Reference data: states and territories (ISO 3166-1), searchable in English and Russian. */
export function registerStatesRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: requires("directory.read") };

  api.get(
    "/api/states",
    {
      config,
      schema: {
        operationId: "listStates",
        tags,
        summary: "States and territories; `q` searches codes and English, Russian, formal and other names",
        querystring: stateListQuerySchema,
        response: { 200: stateListSchema, ...errors },
      },
    },
    async (request) => ({ states: (await listStates(services.database, request.query.q)).map(toState) }),
  );

  api.get(
    "/api/states/:code",
    {
      config,
      schema: {
        operationId: "getState",
        tags,
        summary: "One state by ISO 3166-1 alpha-2 code",
        params: stateParamsSchema,
        response: { 200: stateSchema, ...errors },
      },
    },
    async (request) => {
      const row = await getState(services.database, request.params.code);
      if (!row) throw notFound("state");
      return toState(row);
    },
  );
}
