import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { getAuditEntry, listAudit } from "../../../db/platform/audit.repository.js";
import { type ChainRow, toHex } from "../../../domain/platform/audit-chain.js";
import {
  type AuditEntry,
  auditEntrySchema,
  auditPageSchema,
  auditQuerySchema,
  auditSeqParamsSchema,
  auditVerificationSchema,
  errorBodySchema,
} from "../../../domain/platform/schemas.js";
import { requires } from "../access.js";
import { notFound } from "../errors.js";
import { runOperation, type Services } from "../operation.js";
import { verifyAudit } from "./verify-audit.js";

const tags = ["audit"];
const errors = { 404: errorBodySchema };

function toEntry(row: ChainRow): AuditEntry {
  return {
    seq: row.seq,
    ts: row.ts,
    eventType: row.eventType,
    outcome: row.outcome,
    actorId: row.actorId,
    actorRole: row.actorRole,
    actorUsername: row.actorUsername,
    sessionId: row.sessionId,
    sourceIp: row.sourceIp,
    userAgent: row.userAgent,
    requestId: row.requestId,
    node: row.node,
    objectType: row.objectType,
    objectId: row.objectId,
    details: row.details as Record<string, unknown>,
    hash: toHex(row.hash),
  };
}

/** The audit trail for auditors. Reading it is itself recorded (CJIS AU-2 (5)). */
export function registerAuditRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/audit",
    {
      config: { access: requires("audit.read") },
      schema: {
        tags,
        summary: "Audit entries, newest first, with filters; page with `before` = the last seq seen",
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...errors },
      },
    },
    (request) =>
      runOperation(
        services,
        { eventType: "audit.read", objectType: "audit_log", actor: request.actor, origin: request.origin },
        async (context) => {
          const query = request.query;
          const rows = await listAudit(context.tx, query);
          const filter = Object.fromEntries(
            Object.entries(query).filter(([key, value]) => value !== undefined && key !== "limit"),
          ) as Record<string, string | number>;
          context.note({ details: { filter, returned: rows.length } });
          return {
            entries: rows.map(toEntry),
            nextBefore: rows.length === query.limit ? (rows.at(-1)?.seq ?? null) : null,
          };
        },
      ),
  );

  api.get(
    "/api/audit/verification",
    {
      config: { access: requires("audit.verify") },
      schema: {
        tags,
        summary:
          "Verify the whole chain: hashes, sequence, head and signed checkpoints; names the first bad entry",
        response: { 200: auditVerificationSchema, ...errors },
      },
    },
    (request) => verifyAudit(services, request.actor, request.origin),
  );

  api.get(
    "/api/audit/:seq",
    {
      config: { access: requires("audit.read") },
      schema: {
        tags,
        summary: "One audit entry",
        params: auditSeqParamsSchema,
        response: { 200: auditEntrySchema, ...errors },
      },
    },
    (request) =>
      runOperation(
        services,
        {
          eventType: "audit.read",
          objectType: "audit_entry",
          objectId: String(request.params.seq),
          actor: request.actor,
          origin: request.origin,
        },
        async (context) => {
          const row = await getAuditEntry(context.tx, request.params.seq);
          if (!row) throw notFound("audit entry");
          return toEntry(row);
        },
      ),
  );
}
