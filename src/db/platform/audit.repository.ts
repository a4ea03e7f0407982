import { and, desc, eq, gte, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { AuditDetails } from "../../domain/platform/audit-chain.js";
import {
  type AuditCheckpoint,
  type AuditRecord,
  buildEntry,
  type ChainReport,
  type ChainRow,
  ChainVerifier,
  chainHash,
  toHex,
} from "../../domain/platform/audit-chain.js";
import type { AuditOutcome } from "../../domain/platform/vocabulary.js";
import type { Database, Executor } from "../client.js";
import { auditHead, auditLog } from "./audit.table.js";

const TS_TEXT = sql<string>`to_char(${auditLog.ts} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Appends entries to the chain inside the caller's transaction. The head row is locked
 * FOR UPDATE, so concurrent transactions append one after another and seq has no gaps;
 * if the caller's transaction rolls back, its entries and the head move roll back too.
 * Call it last in a transaction: the head lock is held until commit.
 */
export async function appendAudit(
  executor: Executor,
  chainKey: Uint8Array,
  records: readonly AuditRecord[],
): Promise<number[]> {
  const appended: number[] = [];
  for (const record of records) {
    const head = await executor.execute<{ seq: string; hash: Buffer; ts: string }>(
      sql`SELECT seq, hash, to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ts
          FROM audit_head WHERE id = 1 FOR UPDATE`,
    );
    const row = head.rows[0];
    if (!row) throw new Error("audit_head is missing: the audit migrations were not applied");
    const seq = Number(row.seq) + 1;
    const entry = buildEntry({ ...record, seq, ts: row.ts });
    const hash = chainHash(chainKey, row.hash, entry);
    await executor.insert(auditLog).values({
      seq,
      // The exact microsecond text that the entry authenticates, not a millisecond Date.
      ts: sql`${row.ts}::timestamptz`,
      eventType: record.eventType,
      outcome: record.outcome,
      actorId: record.actorId,
      actorRole: record.actorRole,
      actorUsername: record.actorUsername,
      sessionId: record.sessionId,
      sourceIp: record.sourceIp,
      userAgent: record.userAgent,
      requestId: record.requestId,
      node: record.node,
      objectType: record.objectType,
      objectId: record.objectId,
      details: record.details,
      entry,
      prevHash: row.hash,
      hash: Buffer.from(hash),
    });
    appended.push(seq);
  }
  return appended;
}

export type StoredAuditEntry = ChainRow;

const selection = {
  seq: auditLog.seq,
  ts: TS_TEXT,
  eventType: auditLog.eventType,
  outcome: auditLog.outcome,
  actorId: auditLog.actorId,
  actorRole: auditLog.actorRole,
  actorUsername: auditLog.actorUsername,
  sessionId: auditLog.sessionId,
  sourceIp: auditLog.sourceIp,
  userAgent: auditLog.userAgent,
  requestId: auditLog.requestId,
  node: auditLog.node,
  objectType: auditLog.objectType,
  objectId: auditLog.objectId,
  details: auditLog.details,
  entry: auditLog.entry,
  prevHash: auditLog.prevHash,
  hash: auditLog.hash,
};

type SelectedRow = {
  [K in keyof typeof selection]: unknown;
};

function toChainRow(row: SelectedRow): ChainRow {
  return {
    seq: Number(row.seq),
    ts: row.ts as string,
    eventType: row.eventType as string,
    outcome: row.outcome as AuditOutcome,
    actorId: row.actorId as string | null,
    actorRole: row.actorRole as string | null,
    actorUsername: row.actorUsername as string | null,
    sessionId: row.sessionId as string | null,
    sourceIp: row.sourceIp as string | null,
    userAgent: row.userAgent as string | null,
    requestId: row.requestId as string | null,
    node: row.node as string,
    objectType: row.objectType as string | null,
    objectId: row.objectId as string | null,
    details: row.details as AuditDetails,
    entry: row.entry as string,
    prevHash: new Uint8Array(row.prevHash as Buffer),
    hash: new Uint8Array(row.hash as Buffer),
  };
}

export type AuditFilter = {
  before?: number;
  limit: number;
  eventType?: string;
  outcome?: AuditOutcome;
  actor?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
};

/** Newest first, keyset-paginated on seq. */
export async function listAudit(executor: Executor, filter: AuditFilter): Promise<ChainRow[]> {
  const conditions: SQL[] = [];
  if (filter.before) conditions.push(lt(auditLog.seq, filter.before));
  if (filter.eventType) conditions.push(eq(auditLog.eventType, filter.eventType));
  if (filter.outcome) conditions.push(eq(auditLog.outcome, filter.outcome));
  if (filter.actor) {
    const actor = or(
      eq(auditLog.actorId, filter.actor),
      eq(auditLog.actorUsername, filter.actor.toLowerCase()),
    );
    if (actor) conditions.push(actor);
  }
  if (filter.objectType) conditions.push(eq(auditLog.objectType, filter.objectType));
  if (filter.objectId) conditions.push(eq(auditLog.objectId, filter.objectId));
  if (filter.from) conditions.push(gte(auditLog.ts, new Date(filter.from)));
  if (filter.to) conditions.push(lte(auditLog.ts, new Date(filter.to)));
  const rows = await executor
    .select(selection)
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(filter.limit);
  return rows.map(toChainRow);
}

export async function getAuditEntry(executor: Executor, seq: number): Promise<ChainRow | null> {
  const rows = await executor.select(selection).from(auditLog).where(eq(auditLog.seq, seq));
  return rows[0] ? toChainRow(rows[0]) : null;
}

export async function readAuditHead(executor: Executor): Promise<{ seq: number; hash: Uint8Array }> {
  const rows = await executor.select().from(auditHead).where(eq(auditHead.id, 1));
  const head = rows[0];
  if (!head) throw new Error("audit_head is missing");
  return { seq: Number(head.seq), hash: new Uint8Array(head.hash) };
}

/**
 * Verifies the whole chain, streaming it in batches in seq order, against the head
 * and any checkpoints held outside the database. Reads run in one REPEATABLE READ
 * snapshot so that entries appended meanwhile do not confuse the head comparison.
 */
export async function verifyAuditChain(
  database: Database,
  chainKey: Uint8Array,
  checkpoints: readonly AuditCheckpoint[] = [],
  onProgress: (checked: number, total: number) => void = () => undefined,
  batchSize = 5000,
): Promise<ChainReport> {
  return database.transaction(
    async (tx) => {
      const head = await readAuditHead(tx);
      const verifier = new ChainVerifier(chainKey, checkpoints);
      let after = 0;
      for (;;) {
        const rows = await tx
          .select(selection)
          .from(auditLog)
          .where(sql`${auditLog.seq} > ${after}`)
          .orderBy(auditLog.seq)
          .limit(batchSize);
        for (const row of rows) {
          if (!verifier.push(toChainRow(row))) break;
        }
        const last = rows.at(-1);
        if (!last || verifier.failed || rows.length < batchSize) break;
        after = Number(last.seq);
        onProgress(after, head.seq);
      }
      const report = verifier.finish(head);
      onProgress(report.entriesChecked, head.seq);
      return report;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

export { toHex };
