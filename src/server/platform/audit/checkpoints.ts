import { appendFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { readAuditHead } from "../../../db/platform/audit.repository.js";
import {
  insertCheckpoint,
  latestCheckpointSeq,
  listCheckpoints,
} from "../../../db/platform/audit-checkpoints.repository.js";
import {
  checkpointSignatureValid,
  type SignedCheckpoint,
  signCheckpoint,
  toHex,
} from "../../../domain/platform/audit-chain.js";
import type { Services } from "../operation.js";

/** Any constant: only one app server checkpoints at a time. */
const CHECKPOINT_LOCK = 7_301_946_022;

/**
 * Signs the current head and keeps it twice: in audit_checkpoints and appended to the
 * checkpoint file outside the database (COMITY_AUDIT_CHECKPOINT_FILE; ship it to another
 * host or volume). Creating a checkpoint does not itself write an audit entry, or the
 * head would never stand still. Returns null when the head has not moved.
 */
export async function createCheckpoint(services: Services, force = false): Promise<SignedCheckpoint | null> {
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

export async function readCheckpointFile(file: string): Promise<SignedCheckpoint[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      try {
        return JSON.parse(line) as SignedCheckpoint;
      } catch {
        // A damaged line cannot vouch for anything; it fails the signature check below.
        return { seq: 0, hash: "", ts: "", keyId: "", signature: "" };
      }
    });
}

export type CheckpointSet = { valid: SignedCheckpoint[]; invalid: SignedCheckpoint[] };

/** Checkpoints from the database, the checkpoint file and any files given, signatures checked. */
export async function gatherCheckpoints(
  services: Services,
  extraFiles: readonly string[] = [],
): Promise<CheckpointSet> {
  const all = [
    ...(await listCheckpoints(services.database)),
    ...(await readCheckpointFile(services.config.auditCheckpointFile)),
    ...(await Promise.all(extraFiles.map(readCheckpointFile))).flat(),
  ];
  const valid: SignedCheckpoint[] = [];
  const invalid: SignedCheckpoint[] = [];
  const seen = new Set<string>();
  for (const checkpoint of all) {
    const key = `${checkpoint.seq}:${checkpoint.hash}:${checkpoint.signature}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (checkpointSignatureValid(services.secrets.checkpointPublicKey, checkpoint) ? valid : invalid).push(
      checkpoint,
    );
  }
  return { valid, invalid };
}
