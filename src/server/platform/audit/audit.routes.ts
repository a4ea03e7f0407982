import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  auditEntrySchema,
  auditPageSchema,
  auditQuerySchema,
  auditSeqParamsSchema,
  auditVerificationSchema,
} from "../../../domain/platform/schemas.js";
import { callerOf, requires } from "../access.js";
import { errorResponses } from "../errors.js";
import type { Services } from "../operation.js";
import { listAuditEntries } from "./list-audit-entries.js";
import { readAuditEntry } from "./read-audit-entry.js";
import { verifyAudit } from "./verify-audit.js";

const tags = ["audit"];
const errors = errorResponses(404);

/** The audit trail for auditors. Reading it is itself recorded (CJIS AU-2 (5)). */
export function registerAuditRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/audit",
    {
      config: { access: requires("audit.read") },
      schema: {
        operationId: "listAuditEntries",
        tags,
        summary: "Audit entries, newest first, with filters; page with `before` = the last seq seen",
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...errors },
      },
    },
    (request) => listAuditEntries({ ...callerOf(services, request), filter: request.query }),
  );

  api.get(
    "/api/audit/verification",
    {
      config: { access: requires("audit.verify") },
      schema: {
        operationId: "verifyAuditChain",
        tags,
        summary:
          "Verify the whole chain: hashes, sequence, head and signed checkpoints; names the first bad entry",
        response: { 200: auditVerificationSchema, ...errors },
      },
    },
    (request) => verifyAudit(callerOf(services, request)),
  );

  api.get(
    "/api/audit/:seq",
    {
      config: { access: requires("audit.read") },
      schema: {
        operationId: "getAuditEntry",
        tags,
        summary: "One audit entry",
        params: auditSeqParamsSchema,
        response: { 200: auditEntrySchema, ...errors },
      },
    },
    (request) => readAuditEntry({ ...callerOf(services, request), seq: request.params.seq }),
  );
}
