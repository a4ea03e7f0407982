import { getAuditEntry } from "../../../db/platform/audit.repository.js";
import type { AuditEntry } from "../../../domain/platform/schemas.js";
import { notFound } from "../errors.js";
import { type Caller, runOperation } from "../operation.js";
import { toAuditEntryView } from "./audit-entry-view.js";

export type ReadAuditEntryOptions = Caller & { seq: number };

/** One audit entry; reading it is itself recorded (CJIS AU-2 (5)). */
export async function readAuditEntry({
  services,
  actor,
  origin,
  seq,
}: ReadAuditEntryOptions): Promise<AuditEntry> {
  return runOperation(
    services,
    { eventType: "audit.read", objectType: "audit_entry", objectId: String(seq), actor, origin },
    async (context) => {
      const row = await getAuditEntry(context.tx, seq);
      if (!row) throw notFound("audit entry");
      return toAuditEntryView(row);
    },
  );
}
