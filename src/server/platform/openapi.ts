import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance, RouteOptions } from "fastify";
import { createJsonSchemaTransformObject, jsonSchemaTransform } from "fastify-type-provider-zod";
import type { OpenAPIV3 } from "openapi-types";
import { DOCS_PREFIX, PUBLIC } from "./access.js";
import type { Services } from "./operation.js";

export const OPENAPI_INFO = {
  title: "Comity API",
  description:
    "The API of Comity, the central authority's system for international cooperation in criminal matters. " +
    "Sign in with POST /api/auth/login and the second factor; state-changing requests need the X-CSRF-Token " +
    "header from GET /api/auth/session. Records that change concurrently carry a version: their ETag is " +
    '"v<version>", and a change names it in If-Match (412 when someone changed the record meanwhile, 428 ' +
    "without it). Errors have one shape: {error: {code, message, fields?, requestId}}; the codes each status " +
    "carries are listed in its component (BadRequestError, ConflictError, ...).",
  version: "0.1.0",
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** What each status means, for the response's description. */
const STATUS_DESCRIPTIONS: Record<string, string> = {
  "200": "OK",
  "201": "Created",
  "400": "The request cannot be read or does not fit its schema",
  "401": "No valid session",
  "403": "Not allowed",
  "404": "No such record, or none the caller may see",
  "409": "Conflicts with the record as it stands",
  "412": "The record changed since the version named in If-Match (the ETag header gives the current one)",
  "413": "Too large",
  "415": "Not a media type this route accepts",
  "422": "Well-formed, but names something that does not fit",
  "428": "If-Match is required",
  "429": "Too many requests",
  "500": "A fault on the server",
  "503": "The database is not reachable",
};

type JsonObject = { [key: string]: unknown };
type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & { route: RouteOptions };

const ETAG_HEADER = {
  type: "string",
  pattern: '^"v[0-9]+"$',
  description: 'The record\'s version, "v<version>": send it back in If-Match to change the record.',
};
const IF_MATCH_HEADER = {
  type: "string",
  pattern: '^(W/)?"v[0-9]+"$',
  description: 'The ETag of the record as last read ("v<version>").',
};
const IDEMPOTENCY_KEY_HEADER = {
  type: "string",
  pattern: "^[\\x21-\\x7e]{8,255}$",
  description:
    "Made once per submission (a UUID) and sent again on a retry: a repeat returns the first response.",
};
const CSRF_HEADER = {
  type: "string",
  description: "The csrfToken of GET /api/auth/session (or of the sign-in step that renewed it).",
};

/**
 * The route's JSON schemas (fastify-type-provider-zod's transform) with what zod cannot
 * say: the request headers the access and concurrency rules read (X-CSRF-Token on every
 * state-changing request, If-Match where the route declares it), the ETag a route answers
 * with, and a description for every response.
 */
function transformRoute(input: TransformInput) {
  const result = jsonSchemaTransform(input) as { schema: JsonObject; url: string };
  const { route } = input;
  const schema = result.schema;
  if (schema.hide) return result;
  const config = route.config ?? {};
  const unsafe = [route.method].flat().some((method) => !SAFE_METHODS.has(method));
  const headers = (schema.headers as JsonObject | undefined) ?? {
    type: "object",
    properties: {},
    required: [],
  };
  const properties = { ...((headers.properties as JsonObject | undefined) ?? {}) };
  const required = new Set((headers.required as string[] | undefined) ?? []);
  if (unsafe && config.access && config.access.kind !== "public") {
    properties["x-csrf-token"] = CSRF_HEADER;
    required.add("x-csrf-token");
  }
  if (config.idempotencyKey) {
    properties["idempotency-key"] = IDEMPOTENCY_KEY_HEADER;
    required.add("idempotency-key");
  }
  if (config.ifMatch) {
    properties["if-match"] = IF_MATCH_HEADER;
    if (config.ifMatch === "required") required.add("if-match");
  }
  if (Object.keys(properties).length > 0)
    schema.headers = { ...headers, type: "object", properties, required: [...required] };

  const responses = (schema.response as Record<string, JsonObject> | undefined) ?? {};
  for (const [status, response] of Object.entries(responses)) {
    const success = status.startsWith("2");
    responses[status] = {
      ...response,
      description:
        (response.description as string | undefined) ??
        (success ? (route.schema?.summary as string | undefined) : undefined) ??
        STATUS_DESCRIPTIONS[status] ??
        "Response",
      ...(config.etag && (success || status === "412")
        ? { headers: { etag: { ...ETAG_HEADER, description: ETAG_HEADER.description } } }
        : {}),
    };
  }
  return result;
}

/** Every component a path refers to, directly or through another component. */
function referencedComponents(document: OpenAPIV3.Document): Set<string> {
  const schemas = (document.components?.schemas ?? {}) as Record<string, unknown>;
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== "object") return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string" && inner.startsWith("#/components/schemas/")) {
        const name = inner.slice("#/components/schemas/".length);
        if (!found.has(name)) {
          found.add(name);
          visit(schemas[name]);
        }
      } else visit(inner);
    }
  };
  visit(document.paths);
  return found;
}

const withComponents = createJsonSchemaTransformObject({});

/**
 * The named components (schemas given an `id` with `.meta`), without those no path uses:
 * zod's registry holds every schema with an id, in an input and an output variant, and
 * only the ones the routes reach belong in the document.
 */
function transformDocument(input: Parameters<typeof withComponents>[0]) {
  const document = withComponents(input) as OpenAPIV3.Document;
  const used = referencedComponents(document);
  const schemas = Object.fromEntries(
    Object.entries(document.components?.schemas ?? {})
      .filter(([name]) => used.has(name))
      .sort(([left], [right]) => left.localeCompare(right)),
  );
  return { ...document, components: { ...document.components, schemas } };
}

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
    transform: transformRoute as unknown as typeof jsonSchemaTransform,
    transformObject: transformDocument,
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
