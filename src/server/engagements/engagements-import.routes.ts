import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { engagementImportResultSchema } from "../../domain/engagements/schemas.js";
import { jsonObjectSchema } from "../../domain/platform/schemas.js";
import { callerOf, requires } from "../platform/access.js";
import { errorResponses } from "../platform/errors.js";
import type { Services } from "../platform/operation.js";
import { importEngagements } from "./import-engagements.js";

/**
 * The records are JSON objects here and are checked by the import itself, record by
 * record, so that every problem of the file is answered at once by record and field (422
 * invalid_import) rather than the first one the body's schema meets.
 */
const importBodySchema = z.strictObject({
  records: z.array(jsonObjectSchema).max(5000).meta({
    description:
      "The engagements, each with its outcomes: the EngagementImportRecord shape (docs/engagements.md), which may name owners, agencies and instruments by name or code",
  }),
});

export function registerEngagementsImportRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    "/api/engagements/import",
    {
      config: { access: requires("engagements.write") },
      // A file of a few thousand engagements with their outcomes.
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        operationId: "importEngagements",
        tags: ["engagements"],
        summary:
          "Import engagements with their outcomes: every record is checked, all or none are recorded, source keys already there are skipped",
        body: importBodySchema,
        response: { 200: engagementImportResultSchema, ...errorResponses(413, 422) },
      },
    },
    (request) => importEngagements({ ...callerOf(services, request), records: request.body.records }),
  );
}
