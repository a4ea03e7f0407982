import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  briefingQuerySchema,
  briefingSchema,
  engagementIdParamsSchema,
} from "../../domain/engagements/schemas.js";
import { callerOf, requires } from "../platform/access.js";
import { attachmentDisposition } from "../platform/content-disposition.js";
import { errorResponses } from "../platform/errors.js";
import type { Services } from "../platform/operation.js";
import { getBriefing } from "./get-briefing.js";
import { printBriefing } from "./print-briefing.js";

const tags = ["engagements"];
/** Bytes as the server sends them (a Buffer); the document says "binary". */
const binarySchema = z
  .custom<Buffer>((value) => Buffer.isBuffer(value))
  .meta({ type: "string", format: "binary" });
const errors = errorResponses(404);

/**
 * The briefing pack of an engagement (docs/engagements.md, "Briefing pack"): as data, and
 * as a PDF in English or Russian. Both need engagements.read and the engagement's
 * need-to-know (a hidden engagement answers 404); the case figures are counts, shown to
 * every reader.
 */
export function registerBriefingRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: requires("engagements.read") };

  api.get(
    "/api/engagements/:id/briefing",
    {
      config: read,
      schema: {
        operationId: "getBriefing",
        tags,
        summary:
          "The briefing pack of an engagement: the counterpart's officials, the instruments between the two states with their status on the day, negotiations, earlier engagements with their open action items, case figures",
        params: engagementIdParamsSchema,
        querystring: briefingQuerySchema,
        response: { 200: briefingSchema, ...errors },
      },
    },
    async (request) =>
      getBriefing({
        ...callerOf(services, request),
        id: request.params.id,
        partner: request.query.partner,
        date: request.query.date,
      }),
  );

  api.get(
    "/api/engagements/:id/briefing.pdf",
    {
      config: read,
      schema: {
        operationId: "printBriefing",
        tags,
        summary: "The briefing pack of an engagement as a PDF (A4), in English or Russian (lang=en|ru)",
        params: engagementIdParamsSchema,
        querystring: briefingQuerySchema,
        response: {
          200: {
            description: "The briefing pack, as a PDF (A4)",
            content: { "application/pdf": { schema: binarySchema } },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const printed = await printBriefing({
        ...callerOf(services, request),
        id: request.params.id,
        partner: request.query.partner,
        date: request.query.date,
        language: request.query.lang,
      });
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", attachmentDisposition(printed.filename))
        .header("cache-control", "no-store")
        .send(printed.pdf);
    },
  );
}
