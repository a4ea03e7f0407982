import type { UserRow } from "../../../db/platform/users.repository.js";
import { instantOf, instantOrNull } from "../../../domain/platform/dates.js";
import type { Locale, User, UserStatus } from "../../../domain/platform/schemas.js";
import type { ConfidentialityLevel, Role } from "../../../domain/platform/vocabulary.js";

export function userStatus(row: UserRow): UserStatus {
  if (row.disabledAt) return "disabled";
  if (row.lockedAt) return "locked";
  if (!row.passwordHash) return "invited";
  return "active";
}

/** What the API shows of an account: never the password hash, second-factor secret or counters. */
export function toUserView(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    clearance: row.clearance as ConfidentialityLevel,
    locale: row.locale as Locale,
    status: userStatus(row),
    mfaEnrolled: row.totpEnabledAt !== null,
    lockedAt: instantOrNull(row.lockedAt),
    disabledAt: instantOrNull(row.disabledAt),
    lastLoginAt: instantOrNull(row.lastLoginAt),
    createdAt: instantOf(row.createdAt),
    version: row.version,
  };
}
