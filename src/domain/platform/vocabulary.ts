/**
 * The words of the platform, which every feature builds on. Constants and their types
 * only: the server, the database checks and the web app all read them.
 */

/**
 * Confidentiality, lowest first. A user's clearance is one of these levels; a feature
 * that keeps confidential records (cases) shows a record only to users cleared for its
 * level.
 */
export const CONFIDENTIALITY_LEVELS = ["standard", "restricted", "secret"] as const;
export type ConfidentialityLevel = (typeof CONFIDENTIALITY_LEVELS)[number];

/** Password length limits, in Unicode code points (see password-policy.ts for the rules). */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;

/** How an audited event ended. */
export const AUDIT_OUTCOMES = ["success", "failure", "denied", "error"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
