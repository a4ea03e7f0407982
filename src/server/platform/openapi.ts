import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { DOCS_PREFIX, PUBLIC } from "./access.js";
import type { Services } from "./operation.js";

export const OPENAPI_INFO = {
  title: "Comity API",
  description:
    "The API of Comity, the central authority's system for international cooperation in criminal matters. " +
    "Sign in with POST /api/auth/login and the second factor; state-changing requests need the X-CSRF-Token " +
    "header from GET /api/auth/session. Errors have one shape: {error: {code, message, fields?, requestId}}.",
  version: "0.1.0",
};

/** Must run before the routes are registered, so that it sees them. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: OPENAPI_INFO,
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "comity_session" },
          csrf: { type: "apiKey", in: "header", name: "X-CSRF-Token" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
}

/** GET /api/openapi.json, and the interactive documentation at /api/docs. */
export async function registerOpenApiDocuments(app: FastifyInstance, services: Services): Promise<void> {
  app.get("/api/openapi.json", { schema: { hide: true }, config: { access: PUBLIC } }, async () =>
    app.swagger(),
  );
  if (!services.config.apiDocs) return;
  // Its pages are public (access.ts gives every route under DOCS_PREFIX the PUBLIC rule).
  await app.register(fastifySwaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: true });
}
