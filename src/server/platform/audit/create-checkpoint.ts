import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { readAuditHead } from "../../../db/platform/audit.repository.js";
import { insertCheckpoint, latestCheckpointSeq } from "../../../db/platform/audit-checkpoints.repository.js";
import { type SignedCheckpoint, signCheckpoint, toHex } from "../../../domain/platform/audit-chain.js";
import type { Services } from "../operation.js";

/** Any constant: only one app server checkpoints at a time. */
const CHECKPOINT_LOCK = 7_301_946_022;

/** No actor: the server's timer and `comity audit checkpoint` sign on nobody's behalf. */
export type CreateCheckpointOptions = {
  services: Services;
  /** Sign even when the head has not moved since the last checkpoint. */
  force?: boolean;
};

/**
 * Signs the current head and keeps it twice: in audit_checkpoints and appended to the
 * checkpoint file outside the database (COMITY_AUDIT_CHECKPOINT_FILE; ship it to another
 * host or volume). Creating a checkpoint does not itself write an audit entry, or the
 * head would never stand still. Returns null when the head has not moved.
 */
export async function createCheckpoint({
  services,
  force = false,
}: CreateCheckpointOptions): Promise<SignedCheckpoint | null> {
  return services.database.transaction(async (tx) => {
    const locked = await tx.execute<{ locked: boolean }>(
      sql`SELECT pg_try_advisory_xact_lock(${CHECKPOINT_LOCK}) AS locked`,
    );
    if (!locked.rows[0]?.locked) return null;
    const head = await readAuditHead(tx);
    if (head.seq === 0 || (!force && head.seq <= (await latestCheckpointSeq(tx)))) return null;
    const checkpoint = signCheckpoint(services.secrets.checkpointPrivateKey, {
      seq: head.seq,
      hash: toHex(head.hash),
      ts: services.clock().toISOString(),
      keyId: services.secrets.keyId,
    });
    await insertCheckpoint(tx, checkpoint);
    await mkdir(path.dirname(services.config.auditCheckpointFile), { recursive: true });
    await appendFile(services.config.auditCheckpointFile, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
    return checkpoint;
  });
}
