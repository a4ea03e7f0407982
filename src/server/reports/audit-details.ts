import type { AuditDetails } from "../../domain/platform/audit-chain.js";
import type { ReportQuery } from "../../domain/reports/schemas.js";

/**
 * What a report read writes to the audit trail: the query as codes (measure, period,
 * breakdown, filters). Never a name or a reference: a figure is about cases in general,
 * and its audit entry must not become a list of who was asked for.
 */
export function reportAuditDetails(query: ReportQuery): AuditDetails {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as AuditDetails;
}
