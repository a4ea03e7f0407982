import { randomUUID } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { caseNotificationSubject } from "./cases/case-notification-subject.js";
import { registerCaseStreamHook } from "./cases/case-stream-hooks.js";
import { registerCasesRoutes } from "./cases/cases.routes.js";
import { registerDirectoryRoutes } from "./directory/directory.routes.js";
import { registerStatesRoutes } from "./directory/states.routes.js";
import { actionItemNotificationSubject } from "./engagements/action-item-notification-subject.js";
import { registerBriefingRoutes } from "./engagements/briefing.routes.js";
import { registerEngagementsRoutes } from "./engagements/engagements.routes.js";
import { registerEngagementsImportRoutes } from "./engagements/engagements-import.routes.js";
import { registerNotificationsRoutes } from "./notifications/notifications.routes.js";
import { notificationSubjects } from "./notifications/subjects.js";
import { registerAccessControl } from "./platform/access.js";
import { registerAuditRoutes } from "./platform/audit/audit.routes.js";
import { registerAuthRoutes } from "./platform/auth/auth.routes.js";
import { registerHealthRoutes } from "./platform/health.routes.js";
import { registerErrorHandling } from "./platform/http.js";
import { registerOpenApi, registerOpenApiDocuments } from "./platform/openapi.js";
import type { Services } from "./platform/operation.js";
import { CSRF_COOKIE } from "./platform/session.js";
import { registerTeamsRoutes } from "./platform/teams/teams.routes.js";
import { registerSetupRoutes } from "./platform/users/setup.routes.js";
import { registerUsersRoutes } from "./platform/users/users.routes.js";
import { registerWebApp } from "./platform/web-app.js";
import { instrumentNotificationSubject } from "./registry/instrument-notification-subject.js";
import { registerRegistryRoutes } from "./registry/registry.routes.js";
import { caseStatisticsHook } from "./reports/case-statistics-hook.js";
import { registerDashboardRoutes } from "./reports/dashboard.routes.js";
import { registerReportOutputsRoutes } from "./reports/report-outputs.routes.js";
import { registerSavedReportsRoutes } from "./reports/saved-reports.routes.js";
import { registerReportStatisticsRoutes } from "./reports/statistics.routes.js";

export type BuildOptions = {
  /** false in tests; otherwise pino at the configured level. */
  logger?: boolean;
  /** Folder of the built web app; null to serve the API only. */
  webDir?: string | null;
};

export type App = FastifyInstance;

/**
 * Builds the HTTP application without listening, so tests inject requests into it
 * and `comity serve` listens with it. Plugins are registered explicitly, in order:
 * what runs first is what is written first.
 */
export async function buildApp(services: Services, options: BuildOptions = {}): Promise<App> {
  const { config } = services;
  // Features that keep derived data in step with cases' events (the statistic rows).
  registerCaseStreamHook(caseStatisticsHook);
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: {
              paths: [
                "req.headers.cookie",
                "req.headers.authorization",
                "req.headers['x-csrf-token']",
                'res.headers["set-cookie"]',
              ],
              censor: "[redacted]",
            },
          },
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app, options.webDir ?? null);

  // Request id on every response, so a user can quote it and we can find the log line.
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: "no-referrer" },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.apiRateLimit,
    timeWindow: "1 minute",
    // Keyed by client address (behind a proxy: set COMITY_TRUST_PROXY), never by
    // anything the client chooses, such as a cookie.
  });
  await app.register(fastifyCsrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: "/", sameSite: "strict", httpOnly: true, secure: "auto" },
    getUserInfo: (request) => request.auth?.session.id ?? "anonymous",
    getToken: (request) => request.headers["x-csrf-token"] as string | undefined,
    csrfOpts: { hmacKey: services.secrets.csrfKey },
  });

  registerAccessControl(app, services);
  await registerOpenApi(app);

  registerHealthRoutes(app, services);
  registerAuthRoutes(app, services);
  registerSetupRoutes(app, services);
  registerUsersRoutes(app, services);
  registerTeamsRoutes(app, services);
  // Features register what they notify about; the notifications feature imports none of them.
  registerNotificationsRoutes(
    app,
    services,
    notificationSubjects([
      caseNotificationSubject,
      actionItemNotificationSubject,
      instrumentNotificationSubject,
    ]),
  );
  registerAuditRoutes(app, services);
  registerStatesRoutes(app, services);
  registerDirectoryRoutes(app, services);
  registerRegistryRoutes(app, services);
  registerCasesRoutes(app, services);
  registerEngagementsRoutes(app, services);
  registerEngagementsImportRoutes(app, services);
  registerBriefingRoutes(app, services);
  registerReportStatisticsRoutes(app, services);
  registerReportOutputsRoutes(app, services);
  registerSavedReportsRoutes(app, services);
  registerDashboardRoutes(app, services);

  await registerOpenApiDocuments(app, services);
  if (options.webDir) await registerWebApp(app, options.webDir);
  return app;
}
