import { verifyAuditChain } from "../../../db/platform/audit.repository.js";
import { instantOf } from "../../../domain/platform/dates.js";
import type { AuditVerification } from "../../../domain/platform/schemas.js";
import { type Caller, runOperation } from "../operation.js";
import { gatherCheckpoints } from "./gather-checkpoints.js";

export type VerifyAuditOptions = Caller & {
  /** Checkpoint files held elsewhere (JSON lines), checked besides the database's and the server's own. */
  checkpointFiles?: readonly string[];
  onProgress?: (checked: number, total: number) => void;
};

/**
 * Verifies the whole chain against its head and every checkpoint held outside the
 * database, and records the verification (and its result) in the trail itself.
 */
export async function verifyAudit({
  services,
  actor,
  origin,
  checkpointFiles = [],
  onProgress,
}: VerifyAuditOptions): Promise<AuditVerification> {
  const started = performance.now();
  const checkpoints = await gatherCheckpoints(services, checkpointFiles);
  const report = await verifyAuditChain(
    services.database,
    services.secrets.auditChainKey,
    checkpoints.valid.map((checkpoint) => ({
      seq: checkpoint.seq,
      hash: Buffer.from(checkpoint.hash, "hex"),
    })),
    onProgress,
  );
  const forged = checkpoints.invalid[0];
  const firstBad =
    report.firstBad ??
    (forged
      ? {
          seq: forged.seq,
          reason: "checkpoint_signature_invalid" as const,
          detail: "a checkpoint's signature does not verify",
        }
      : null);
  const result: AuditVerification = {
    ok: firstBad === null,
    entriesChecked: report.entriesChecked,
    lastSeq: report.lastSeq,
    lastHash: report.lastHash,
    firstBad,
    checkpointsChecked: checkpoints.valid.length,
    verifiedAt: instantOf(services.clock()),
    durationMs: Math.round(performance.now() - started),
  };
  await runOperation(
    services,
    { eventType: "audit.verified", objectType: "audit_log", actor, origin },
    async (context) => {
      context.note({
        outcome: result.ok ? "success" : "failure",
        details: {
          entries_checked: result.entriesChecked,
          last_seq: result.lastSeq,
          checkpoints: result.checkpointsChecked,
          first_bad_seq: result.firstBad?.seq ?? null,
          reason: result.firstBad?.reason ?? null,
        },
      });
    },
  );
  return result;
}
