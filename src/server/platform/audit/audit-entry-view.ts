import { type ChainRow, toHex } from "../../../domain/platform/audit-chain.js";
import { parseInstant } from "../../../domain/platform/dates.js";
import type { AuditEntry, JsonObject } from "../../../domain/platform/schemas.js";

/** What the API shows of an audit entry: its columns, details and hash in hex. */
export function toAuditEntryView(row: ChainRow): AuditEntry {
  return {
    seq: row.seq,
    ts: parseInstant(row.ts),
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
    details: row.details as JsonObject,
    hash: toHex(row.hash),
  };
}
