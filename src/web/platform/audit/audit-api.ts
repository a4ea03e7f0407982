import { useInfiniteQuery } from "@tanstack/react-query";
import { auditPageSchema, auditVerificationSchema } from "../../../domain/platform/schemas.js";
import type { AuditOutcome } from "../../../domain/platform/vocabulary.js";
import { request } from "../../api/client.js";

export type AuditFilters = {
  eventType?: string;
  outcome?: AuditOutcome;
  actor?: string;
  objectType?: string;
  objectId?: string;
  /** ISO 8601 date-times (UTC). */
  from?: string;
  to?: string;
};

const PAGE_SIZE = 50;

/**
 * Newest first, one page of 50 at a time. Every read is itself audited on the server,
 * so pages are fetched only when asked for: never again on window focus.
 */
export function useAuditEntries(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ["audit", "entries", filters],
    queryFn: ({ pageParam, signal }) =>
      request("/api/audit", {
        query: { ...filters, limit: PAGE_SIZE, before: pageParam },
        schema: auditPageSchema,
        signal,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function verifyAuditChain() {
  return request("/api/audit/verification", { schema: auditVerificationSchema });
}
