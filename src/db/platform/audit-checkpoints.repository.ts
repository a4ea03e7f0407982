import { asc, desc } from "drizzle-orm";
import type { SignedCheckpoint } from "../../domain/platform/audit-chain.js";
import type { Executor } from "../client.js";
import { auditCheckpoints } from "./audit.table.js";

export async function latestCheckpointSeq(executor: Executor): Promise<number> {
  const rows = await executor
    .select({ seq: auditCheckpoints.seq })
    .from(auditCheckpoints)
    .orderBy(desc(auditCheckpoints.seq))
    .limit(1);
  return rows[0]?.seq ?? 0;
}

export async function insertCheckpoint(executor: Executor, checkpoint: SignedCheckpoint): Promise<void> {
  await executor
    .insert(auditCheckpoints)
    .values({
      seq: checkpoint.seq,
      hash: Buffer.from(checkpoint.hash, "hex"),
      ts: new Date(checkpoint.ts),
      keyId: checkpoint.keyId,
      signature: Buffer.from(checkpoint.signature, "base64"),
    })
    .onConflictDoNothing();
}

export async function listCheckpoints(executor: Executor): Promise<SignedCheckpoint[]> {
  const rows = await executor.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.seq));
  return rows.map((row) => ({
    seq: Number(row.seq),
    hash: row.hash.toString("hex"),
    ts: row.ts.toISOString(),
    keyId: row.keyId,
    signature: row.signature.toString("base64"),
  }));
}
