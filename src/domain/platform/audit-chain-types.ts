/** Audit vocabulary that the browser may import (no node:crypto here). */
export const AUDIT_OUTCOMES = ["success", "failure", "denied", "error"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
