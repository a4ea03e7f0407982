import { type AuditFilter, listAudit } from "../../../db/platform/audit.repository.js";
import type { AuditEntry } from "../../../domain/platform/schemas.js";
import { type Caller, runOperation } from "../operation.js";
import { toAuditEntryView } from "./audit-entry-view.js";

export type ListAuditEntriesOptions = Caller & {
  /** Filters, and a page of `limit` entries older than `before`. */
  filter: AuditFilter;
};

export type AuditPage = { entries: AuditEntry[]; nextBefore: number | null };

/**
 * Audit entries, newest first. Reading the trail is itself recorded, with the filter
 * used (CJIS AU-2 (5)).
 */
export async function listAuditEntries({
  services,
  actor,
  origin,
  filter,
}: ListAuditEntriesOptions): Promise<AuditPage> {
  return runOperation(
    services,
    { eventType: "audit.read", objectType: "audit_log", actor, origin },
    async (context) => {
      const rows = await listAudit(context.tx, filter);
      const recorded = Object.fromEntries(
        Object.entries(filter).filter(([key, value]) => value !== undefined && key !== "limit"),
      ) as Record<string, string | number>;
      context.note({ details: { filter: recorded, returned: rows.length } });
      return {
        entries: rows.map(toAuditEntryView),
        nextBefore: rows.length === filter.limit ? (rows.at(-1)?.seq ?? null) : null,
      };
    },
  );
}
