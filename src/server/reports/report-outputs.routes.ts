import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ReportQuery } from "../../domain/reports/schemas.js";
import {
  caseListExportQuerySchema,
  questionnaireExportQuerySchema,
  reportExportQuerySchema,
  statementQuerySchema,
  statementSchema,
} from "../../domain/reports/schemas.js";
import { callerOf, requires } from "../platform/access.js";
import { attachmentDisposition } from "../platform/content-disposition.js";
import type { Services } from "../platform/operation.js";
import { exportCaseList } from "./export-case-list.js";
import { exportQuestionnaire } from "./export-questionnaire.js";
import { exportReport } from "./export-report.js";
import { getReportStatement } from "./get-report-statement.js";

const tags = ["reports"];
/** Bytes as the server sends them (a Buffer or a stream); the document says "binary". */
const binarySchema = z
  .custom<Buffer | Readable>((value) => Buffer.isBuffer(value) || value instanceof Readable)
  .meta({ type: "string", format: "binary" });

function fileResponse(description: string, mediaTypes: readonly string[]) {
  return {
    description,
    content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: binarySchema }])),
  };
}

const SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * What reports give besides figures (docs/statistics.md): the statement written from a
 * report, the report as a file (CSV, XLSX, PDF; published with small counts suppressed),
 * the de-identified questionnaire export, and the case list as a file (need-to-know).
 */
export function registerReportOutputsRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: requires("reports.read") };

  api.get(
    "/api/reports/statement",
    {
      config: read,
      schema: {
        operationId: "getReportStatement",
        tags,
        summary:
          "The paragraph a press office would write from a report's figures, in English or Russian (lang=en|ru), with the figures it states",
        querystring: statementQuerySchema,
        response: { 200: statementSchema },
      },
    },
    async (request) => {
      const { lang, ...query } = request.query;
      return getReportStatement({ ...callerOf(services, request), query: query as ReportQuery, lang });
    },
  );

  api.get(
    "/api/reports/export",
    {
      config: read,
      schema: {
        operationId: "exportReport",
        tags,
        summary:
          "A report as a file: CSV, XLSX (with its statement) or PDF (statement, chart, table); publish=true shows counts below 5 as <5 and withholds what would give them away",
        querystring: reportExportQuerySchema,
        response: { 200: fileResponse("The report as a file", ["text/csv", SPREADSHEET, "application/pdf"]) },
      },
    },
    async (request, reply) => {
      const file = await exportReport({ ...callerOf(services, request), query: request.query });
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", attachmentDisposition(file.filename))
        .header("x-content-type-options", "nosniff")
        .send(file.body);
    },
  );

  api.get(
    "/api/reports/questionnaire",
    {
      config: read,
      schema: {
        operationId: "exportQuestionnaire",
        tags,
        summary:
          "De-identified statistics of one year for treaty-review questionnaires: requests by kind, decisions by outcome, refusals by ground, median days, requests by partner; always with small counts suppressed",
        querystring: questionnaireExportQuerySchema,
        response: { 200: fileResponse("The questionnaire figures as a file", ["text/csv", SPREADSHEET]) },
      },
    },
    async (request, reply) => {
      const file = await exportQuestionnaire({ ...callerOf(services, request), ...request.query });
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", attachmentDisposition(file.filename))
        .header("x-content-type-options", "nosniff")
        .send(file.body);
    },
  );

  api.get(
    "/api/cases/export",
    {
      config: { access: requires("cases.read") },
      schema: {
        operationId: "exportCases",
        tags: ["cases"],
        summary:
          "The cases you may see, with the filters of the case list, as CSV or XLSX (streamed; X-Total-Count says how many cases it holds)",
        querystring: caseListExportQuerySchema,
        response: { 200: fileResponse("The case list as a file", ["text/csv", SPREADSHEET]) },
      },
    },
    async (request, reply) => {
      const file = await exportCaseList({ ...callerOf(services, request), query: request.query });
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", attachmentDisposition(file.filename))
        .header("x-content-type-options", "nosniff")
        .header("x-total-count", String(file.total))
        .send(file.stream);
    },
  );
}
