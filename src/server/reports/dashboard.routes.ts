import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { dashboardSchema } from "../../domain/reports/schemas.js";
import { callerOf, SIGNED_IN } from "../platform/access.js";
import type { Services } from "../platform/operation.js";
import { getDashboard } from "./get-dashboard.js";

/** The home page's data for any signed-in user; each section is null when their role lacks its permission. */
export function registerDashboardRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/api/dashboard",
    {
      config: { access: SIGNED_IN },
      schema: {
        operationId: "getDashboard",
        tags: ["reports"],
        summary:
          "Your home page: your cases and action items overdue or due within 14 days, your teams' overdue counts (supervisors), and this year's figures (reports.read)",
        response: { 200: dashboardSchema },
      },
    },
    async (request) => getDashboard(callerOf(services, request)),
  );
}
