import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { migrationStatus } from "../../db/migrate.js";
import { healthSchema, readinessSchema } from "../../domain/platform/schemas.js";
import { PUBLIC } from "./access.js";
import type { Services } from "./operation.js";

/**
 * Liveness (the process answers) and readiness (the database answers and its schema is
 * the one this code expects), for load balancers and orchestrators. No session needed;
 * nothing sensitive is returned.
 */
export function registerHealthRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/api/health",
    {
      config: { access: PUBLIC, rateLimit: false },
      schema: {
        operationId: "getHealth",
        tags: ["platform"],
        summary: "Liveness: the process answers",
        response: { 200: healthSchema },
      },
    },
    async () => ({ status: "ok" as const }),
  );
  api.get(
    "/api/ready",
    {
      config: { access: PUBLIC, rateLimit: false },
      schema: {
        operationId: "getReadiness",
        tags: ["platform"],
        summary: "Readiness: the database is reachable and its migrations are current",
        response: { 200: readinessSchema, 503: readinessSchema },
      },
    },
    async (_request, reply) => {
      try {
        await services.database.execute(sql`SELECT 1`);
        const migrations = await migrationStatus(services.database.$client);
        const ready = migrations.current;
        return reply.code(ready ? 200 : 503).send({
          status: ready ? "ready" : "not_ready",
          database: "ok",
          migrations,
        });
      } catch {
        return reply.code(503).send({
          status: "not_ready",
          database: "unreachable",
          migrations: { applied: 0, expected: 0, current: false },
        });
      }
    },
  );
}
