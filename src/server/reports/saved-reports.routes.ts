import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  savedReportDeletedSchema,
  savedReportInputSchema,
  savedReportListSchema,
  savedReportParamsSchema,
  savedReportPatchSchema,
  savedReportSchema,
} from "../../domain/reports/schemas.js";
import { callerOf, requires } from "../platform/access.js";
import { requireIfMatch, setEtag } from "../platform/concurrency.js";
import { errorResponses } from "../platform/errors.js";
import type { Services } from "../platform/operation.js";
import { deleteSavedReport } from "./delete-saved-report.js";
import { listSavedReports } from "./list-saved-reports.js";
import { saveReport } from "./save-report.js";
import { updateSavedReport } from "./update-saved-report.js";

const tags = ["reports"];
const errors = errorResponses(404);

/**
 * Saved reports (saved-report.policy.ts): a reader of reports lists their own and the
 * shared ones, saves a query under a name, and renames, shares or deletes their own.
 * Another user's unshared report answers 404.
 */
export function registerSavedReportsRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: requires("reports.read") };

  api.get(
    "/api/reports/saved",
    {
      config: read,
      schema: {
        operationId: "listSavedReports",
        tags,
        summary: "Your saved reports and the shared ones, by name",
        response: { 200: savedReportListSchema },
      },
    },
    async (request) => listSavedReports(callerOf(services, request)),
  );

  api.post(
    "/api/reports/saved",
    {
      config: read,
      schema: {
        operationId: "saveReport",
        tags,
        summary: "Save a report's query under a name (shared=true: every reader of reports sees it)",
        body: savedReportInputSchema,
        response: { 201: savedReportSchema },
      },
    },
    async (request, reply) => {
      const saved = await saveReport({ ...callerOf(services, request), input: request.body });
      return reply.code(201).send(saved);
    },
  );

  api.patch(
    "/api/reports/saved/:id",
    {
      config: { ...read, ifMatch: "required", etag: true },
      schema: {
        operationId: "updateSavedReport",
        tags,
        summary: "Rename a saved report, change its query, share or unshare it (its owner only)",
        params: savedReportParamsSchema,
        body: savedReportPatchSchema,
        response: { 200: savedReportSchema, ...errorResponses(404, 412, 428) },
      },
    },
    async (request, reply) => {
      const updated = await updateSavedReport({
        ...callerOf(services, request),
        id: request.params.id,
        changes: request.body,
        expectedVersion: requireIfMatch(request),
      });
      setEtag(reply, updated.version);
      return updated;
    },
  );

  api.delete(
    "/api/reports/saved/:id",
    {
      config: read,
      schema: {
        operationId: "deleteSavedReport",
        tags,
        summary: "Delete a saved report (its owner only)",
        params: savedReportParamsSchema,
        response: { 200: savedReportDeletedSchema, ...errors },
      },
    },
    async (request) => {
      await deleteSavedReport({ ...callerOf(services, request), id: request.params.id });
      return { id: request.params.id, deleted: true as const };
    },
  );
}
