import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import { hasPermission } from "../../domain/platform/roles.js";
import { emptyBodySchema, noQuerySchema } from "../../domain/platform/schemas.js";
import type { ErrorStatus } from "../../domain/platform/vocabulary.js";
import { type Permission, ROLES, type Role } from "../../domain/platform/vocabulary.js";
import { AppError, errorResponses, forbidden, unauthorized } from "./errors.js";
import { type Actor, type Caller, type Origin, recordEvent, type Services } from "./operation.js";
import { type Authenticated, lookupSession, SESSION_COOKIE, type SessionLookup } from "./session.js";

/**
 * Who may call a route. Every /api route declares one; a route without it makes the
 * app refuse to start, so nothing is reachable by accident (deny by default, ASVS 8.2.1).
 * - public: anyone (health, sign-in, the session probe, one-time links)
 * - pending: signed in with the password, second factor may still be pending
 * - signed_in: fully signed in (password and second factor), any role
 * - permission: fully signed in and the role grants the permission (roles.ts)
 * - any_permission: fully signed in and the role grants at least one of the permissions
 *   (a list of teams serves both those who manage teams and those who work in them)
 */
export type Access =
  | { kind: "public" }
  | { kind: "pending" }
  | { kind: "signed_in" }
  | { kind: "permission"; permission: Permission }
  | { kind: "any_permission"; permissions: readonly Permission[] };

/** The interactive API documentation (swagger-ui) registers its own routes here. */
export const DOCS_PREFIX = "/api/docs";

export const PUBLIC: Access = { kind: "public" };
export const PENDING: Access = { kind: "pending" };
export const SIGNED_IN: Access = { kind: "signed_in" };
export const requires = (permission: Permission): Access => ({ kind: "permission", permission });
export const requiresAnyOf = (...permissions: Permission[]): Access => ({
  kind: "any_permission",
  permissions,
});

/** Whether a role passes a route's access rule once fully signed in. */
export function roleSatisfies(role: Role, access: Access): boolean {
  switch (access.kind) {
    case "public":
    case "pending":
    case "signed_in":
      return true;
    case "permission":
      return hasPermission(role, access.permission);
    case "any_permission":
      return access.permissions.some((permission) => hasPermission(role, permission));
  }
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * The route changes a versioned record and reads If-Match (requireIfMatch): "required"
     * answers 428 without it; "optional" checks it when sent. Declared here so that the
     * OpenAPI document shows the header; requireIfMatch refuses to run on a route without it.
     */
    ifMatch?: "required" | "optional";
    /** The route answers the record's version in an ETag header (setEtag). */
    etag?: boolean;
    /** The route creates a record once per Idempotency-Key (requireIdempotencyKey). */
    idempotencyKey?: boolean;
  }
  interface FastifyRequest {
    auth: Authenticated | null;
    sessionLookup: SessionLookup["status"];
    actor: Actor;
    origin: Origin;
  }
  interface FastifyInstance {
    routeTable: RouteTableEntry[];
  }
}

/** A registered /api route: its access rule and its input schemas (for generated tests). */
export type RouteTableEntry = {
  method: string;
  url: string;
  access: Access;
  schema: { body?: unknown; params?: unknown; querystring?: unknown };
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function actorOf(auth: Authenticated | null): Actor {
  if (!auth) return { kind: "anonymous" };
  return {
    kind: "user",
    userId: auth.user.id,
    username: auth.user.username,
    role: auth.user.role as Extract<Actor, { kind: "user" }>["role"],
    sessionId: auth.session.id,
  };
}

/** The caller of an operation, for a route's handler: `getCase({ ...callerOf(services, request), reference })`. */
export function callerOf(services: Services, request: FastifyRequest): Caller {
  return { services, actor: request.actor, origin: request.origin };
}

function isApi(url: string): boolean {
  return url === "/api" || url.startsWith("/api/");
}

/**
 * Registers the route table check and the three request hooks, in this order:
 * authenticate (session cookie) -> CSRF (state-changing methods) -> authorise (role).
 */
export function registerAccessControl(app: FastifyInstance, services: Services): void {
  app.decorate("routeTable", [] as RouteTableEntry[]);
  app.decorateRequest("auth", null);
  app.decorateRequest("sessionLookup", "none");

  app.addHook("onRoute", (route: RouteOptions) => {
    if (!isApi(route.url)) return;
    if (route.url.startsWith(DOCS_PREFIX)) {
      route.config = { ...(route.config ?? {}), access: PUBLIC };
    } else {
      // Input nobody asked for is refused, not ignored (ASVS 2.2.1): a route that
      // declares no query or no body accepts none.
      const methods = [route.method].flat();
      route.schema = {
        ...route.schema,
        querystring: route.schema?.querystring ?? noQuerySchema,
        ...(methods.includes("GET") || methods.includes("HEAD")
          ? {}
          : { body: route.schema?.body ?? emptyBodySchema }),
      };
    }
    const access = route.config?.access;
    if (!access) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
    }
    if (!route.url.startsWith(DOCS_PREFIX) && !(route.schema as { hide?: boolean } | undefined)?.hide) {
      // Integrators generate clients from the OpenAPI document: every operation has a name and a summary.
      const { operationId, summary } = (route.schema ?? {}) as { operationId?: string; summary?: string };
      if (!operationId || !summary)
        throw new Error(`Route ${String(route.method)} ${route.url} declares no operationId or summary`);
    }
    if (!route.url.startsWith(DOCS_PREFIX)) {
      // The OpenAPI document says who may call each route.
      const unsafe = [route.method].flat().some((method) => !SAFE_METHODS.has(method));
      route.schema = {
        ...route.schema,
        description: describeAccess(access),
        security: [{ ...(access.kind === "public" ? {} : { session: [] }), ...(unsafe ? { csrf: [] } : {}) }],
        // The errors every route can give, from its access rule and method; routes
        // declare only their own (404, 409, 412, ...).
        response: { ...standardErrors(access, unsafe), ...(route.schema?.response as object | undefined) },
      };
    }
    for (const method of [route.method].flat()) {
      if (method === "HEAD") continue;
      const schema = (route.schema ?? {}) as RouteTableEntry["schema"];
      app.routeTable.push({
        method,
        url: route.url,
        access,
        schema: { body: schema.body, params: schema.params, querystring: schema.querystring },
      });
    }
  });

  app.addHook("onRequest", async (request: FastifyRequest) => {
    request.origin = {
      requestId: request.id,
      sourceIp: request.ip ?? null,
      userAgent: request.headers["user-agent"] ?? null,
    };
    request.actor = { kind: "anonymous" };
    const access = request.routeOptions.config.access;
    if (!access) return;
    const lookup = await lookupSession(services, request.cookies[SESSION_COOKIE]);
    request.sessionLookup = lookup.status;
    if (lookup.status === "active") {
      request.auth = lookup.auth;
      request.actor = actorOf(lookup.auth);
    }
  });

  app.addHook("onRequest", (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    const access = request.routeOptions.config.access;
    if (!access || SAFE_METHODS.has(request.method)) return done();
    // Authentication comes first: without a session a protected route answers 401.
    if (access.kind !== "public" && !request.auth) return done(unauthenticatedError(request));
    app.csrfProtection(request, reply, done);
  });

  app.addHook("onRequest", async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access;
    if (!access || access.kind === "public") return;
    const auth = request.auth;
    if (!auth) throw unauthenticatedError(request);
    if (access.kind === "pending") return;
    if (!auth.mfaComplete) {
      throw new AppError(401, "mfa_required", "Complete the second sign-in step to continue.");
    }
    if (access.kind === "signed_in") return;
    if (!roleSatisfies(auth.user.role as Role, access)) {
      const permission = access.kind === "permission" ? access.permission : access.permissions.join(" | ");
      await recordEvent(
        services,
        {
          eventType: "access.denied",
          actor: request.actor,
          origin: request.origin,
          objectType: "route",
          objectId: `${request.method} ${request.routeOptions.url}`,
        },
        { outcome: "denied", details: { permission } },
      );
      throw forbidden("permission_denied", "Your role does not allow this.");
    }
  });
}

function standardErrors(access: Access, unsafe: boolean) {
  const statuses: ErrorStatus[] = [400, 429, 500, 503];
  if (access.kind !== "public") statuses.push(401);
  if (unsafe || access.kind === "permission" || access.kind === "any_permission") statuses.push(403);
  return errorResponses(...statuses);
}

function describeAccess(access: Access): string {
  switch (access.kind) {
    case "public":
      return "Access: public.";
    case "pending":
      return "Access: a session that passed the password step (the second factor may be pending).";
    case "signed_in":
      return "Access: any signed-in user (password and second factor).";
    case "permission": {
      const roles = ROLES.filter((role) => hasPermission(role, access.permission));
      return `Access: permission \`${access.permission}\` (roles: ${roles.join(", ")}).`;
    }
    case "any_permission": {
      const roles = ROLES.filter((role) => roleSatisfies(role, access));
      const permissions = access.permissions.map((permission) => `\`${permission}\``).join(" or ");
      return `Access: permission ${permissions} (roles: ${roles.join(", ")}).`;
    }
  }
}

function unauthenticatedError(request: FastifyRequest): AppError {
  const expired = ["idle_timeout", "absolute_timeout", "account_disabled", "account_locked", "ended"];
  return expired.includes(request.sessionLookup)
    ? unauthorized("session_ended", "Your session has ended. Sign in again.")
    : unauthorized();
}

export function requireAuth(request: FastifyRequest): Authenticated {
  if (!request.auth) throw unauthorized();
  return request.auth;
}
