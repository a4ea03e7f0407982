import type { Permission, Role } from "./vocabulary.js";

/**
 * What each role may do. The roles and permissions are words of vocabulary.ts; this table
 * of who holds which is the single source of truth: the server enforces it on every route,
 * the session tells the web app the permissions it grants (for navigation), docs/roles.md
 * is checked against it by a test, and the access-matrix test derives its expectations
 * from it.
 */

export const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  "directory.read": "Read the directory: states, agencies, officials, organisation memberships",
  "directory.write": "Add and edit agencies, officials and their positions",
  "registry.read": "Read the registry of instruments, party actions, the resolver and the map",
  "registry.write":
    "Add and edit instruments, party actions, negotiation stages and relations; import party lists",
  "users.read": "List user accounts and see their status",
  "users.manage": "Invite, edit, disable, enable and unlock user accounts; reset their access",
  "audit.read": "Read the audit trail",
  "audit.verify": "Run the audit chain verification",
  "cases.read": "Read the cases of the teams one belongs to, up to one's clearance",
  "cases.write": "Open cases and record their events and documents, in the teams one belongs to",
  "cases.read_all": "Read every case, whatever its team, up to one's clearance",
  "teams.manage": "Create and rename teams; add and remove their members",
  "engagements.read":
    "Read engagements (visits, meetings), their outcomes and action items; the briefing pack (linked cases only under need-to-know)",
  "engagements.write":
    "Record and edit engagements, their participants and outcomes; work any action item (an owner works their own with engagements.read)",
  "reports.read":
    "Read statistics over every case as figures (never names or references), save reports, export them and their statements; the cases behind a figure only under need-to-know",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  administrator:
    "Runs the system: manages user accounts, roles, clearances and teams. Cannot read the audit trail or cases (separation of duties).",
  registrar: "Keeps the registry of instruments and the directory of agencies and officials.",
  case_officer: "Handles the MLA and extradition cases of the teams they belong to.",
  supervisor:
    "Heads the international cooperation department: reads and works every case, whatever its team, up to their clearance.",
  analyst: "Reads statistics and reports over every case, as figures; reads no case.",
  auditor: "Reads and verifies the audit trail; reads nothing else that is personal.",
};

/**
 * Permissions per role. Deny by default: a permission not listed is refused.
 * Administrators do not read the audit trail, so that the people who manage
 * accounts are not the people who review what those accounts did; nor do they read
 * cases, although they make the teams and set the clearances that open cases to others
 * (an administrator who could also read would grant themselves any case).
 * Which cases a role's `cases.*` permissions reach is decided per case by
 * src/server/cases/case.policy.ts: team membership and clearance.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: ["directory.read", "registry.read", "users.read", "users.manage", "teams.manage"],
  registrar: [
    "directory.read",
    "directory.write",
    "registry.read",
    "registry.write",
    "engagements.read",
    "engagements.write",
  ],
  case_officer: [
    "directory.read",
    "registry.read",
    "cases.read",
    "cases.write",
    "engagements.read",
    "engagements.write",
    "reports.read",
  ],
  supervisor: [
    "directory.read",
    "registry.read",
    "cases.read",
    "cases.write",
    "cases.read_all",
    "engagements.read",
    "engagements.write",
    "reports.read",
  ],
  analyst: ["directory.read", "registry.read", "engagements.read", "reports.read"],
  auditor: ["directory.read", "registry.read", "users.read", "audit.read", "audit.verify"],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
