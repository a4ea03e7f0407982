import { readFile } from "node:fs/promises";
import { listCheckpoints } from "../../../db/platform/audit-checkpoints.repository.js";
import { checkpointSignatureValid, type SignedCheckpoint } from "../../../domain/platform/audit-chain.js";
import type { Services } from "../operation.js";

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
