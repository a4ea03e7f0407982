import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  assetLedgerQuerySchema,
  assetLedgerSchema,
  reportCasesQuerySchema,
  reportCasesSchema,
  reportMapSchema,
  reportQuerySchema,
  reportResultSchema,
} from "../../domain/reports/schemas.js";
import { callerOf, requires } from "../platform/access.js";
import type { Services } from "../platform/operation.js";
import { getAssetLedger } from "./get-asset-ledger.js";
import { getReportMap } from "./get-report-map.js";
import { listReportCases } from "./list-report-cases.js";
import { runReport } from "./run-report.js";

const tags = ["reports"];

/**
 * Statistics (docs/statistics.md): figures over every case for roles with reports.read,
 * never a name or a reference; the cases behind a figure only as need-to-know allows
 * (report.policy.ts), the others counted as hidden.
 */
export function registerReportStatisticsRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: requires("reports.read") };

  api.get(
    "/api/reports/stats",
    {
      config: read,
      schema: {
        operationId: "getReportStatistics",
        tags,
        summary:
          "A measure over a period, broken down by a dimension (and a second), filtered, with the same period last year and the whole of last year",
        querystring: reportQuerySchema,
        response: { 200: reportResultSchema },
      },
    },
    async (request) => runReport({ ...callerOf(services, request), query: request.query }),
  );

  api.get(
    "/api/reports/cases",
    {
      config: read,
      schema: {
        operationId: "listReportCases",
        tags,
        summary:
          "The cases behind a figure (the total, a row, a column or a cell): those you may see, and how many are hidden from you",
        querystring: reportCasesQuerySchema,
        response: { 200: reportCasesSchema },
      },
    },
    async (request) => listReportCases({ ...callerOf(services, request), query: request.query }),
  );

  api.get(
    "/api/reports/map",
    {
      config: read,
      schema: {
        operationId: "getReportMap",
        tags,
        summary: "A measure over a period per partner state, for the world map of cooperation",
        querystring: reportQuerySchema,
        response: { 200: reportMapSchema },
      },
    },
    async (request) => getReportMap({ ...callerOf(services, request), query: request.query }),
  );

  api.get(
    "/api/reports/assets",
    {
      config: read,
      schema: {
        operationId: "getAssetLedger",
        tags,
        summary:
          "The asset recovery ledger: amounts traced, frozen, confiscated, returned and shared, by currency (never converted), per partner, year or kind",
        querystring: assetLedgerQuerySchema,
        response: { 200: assetLedgerSchema },
      },
    },
    async (request) => getAssetLedger({ ...callerOf(services, request), query: request.query }),
  );
}
