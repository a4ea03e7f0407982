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

/**
 * The roles a user account may have, and the permissions a role may grant. Which role
 * grants which permission is roles.ts (ROLE_PERMISSIONS); the words are here, so that the
 * API schemas and the web app read them without the table.
 */
export const ROLES = [
  "administrator",
  "registrar",
  "case_officer",
  "supervisor",
  "analyst",
  "auditor",
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const PERMISSIONS = [
  "directory.read",
  "directory.write",
  "registry.read",
  "registry.write",
  "users.read",
  "users.manage",
  "audit.read",
  "audit.verify",
  "cases.read",
  "cases.write",
  "cases.read_all",
  "teams.manage",
  "engagements.read",
  "engagements.write",
  "reports.read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Every error code the API answers with, the HTTP status it comes with, and what it means.
 * The server can raise no other (AppError takes an `ErrorCode` of its status), and the
 * OpenAPI document lists, for each status a route may answer, the codes that status carries.
 */
export const ERROR_CODES = {
  // 400: the request cannot be read or does not fit.
  invalid_input: { status: 400, description: "Some fields are not valid; `fields` names each one." },
  invalid_json: { status: 400, description: "The body is not acceptable JSON." },
  invalid_multipart: { status: 400, description: "The upload is not one file in a part named `file`." },
  invalid_if_match: { status: 400, description: 'If-Match is not an ETag of this API, such as "v3".' },
  unknown_state: { status: 400, description: "The state named does not exist in the directory." },
  unknown_agency: { status: 400, description: "The agency named does not exist." },
  unknown_organisation: { status: 400, description: "The organisation named does not exist." },
  unknown_user: { status: 400, description: "The account named does not exist." },
  unknown_instrument: { status: 400, description: "The instrument named does not exist." },
  unknown_person: { status: 400, description: "The person named does not exist in the directory." },
  unknown_team: { status: 400, description: "The team named does not exist." },
  unknown_case: { status: 400, description: "The case named does not exist, or the caller may not see it." },
  agency_cycle: { status: 400, description: "An agency cannot be its own parent, directly or not." },
  agency_parent_state: { status: 400, description: "A parent agency must belong to the same state." },
  self_relation: { status: 400, description: "An instrument cannot relate to itself." },
  server_recorded_event: { status: 400, description: "Only the server records this type of event." },
  wrong_password: { status: 400, description: "The current password is not right." },
  password_unchanged: { status: 400, description: "The new password is the current one." },
  password_too_short: { status: 400, description: "The new password is too short." },
  password_too_long: { status: 400, description: "The new password is too long." },
  password_banned: { status: 400, description: "The new password is on the list of common passwords." },
  password_contains_personal_data: {
    status: 400,
    description: "The new password contains the user name or name.",
  },
  password_too_guessable: { status: 400, description: "The new password is too easy to guess." },
  invalid_csv: {
    status: 400,
    description: "Rows of the CSV have problems (in `fields`); nothing was imported.",
  },
  bad_request: { status: 400, description: "Any other request the server cannot accept." },
  // 401: no (valid) session.
  unauthenticated: { status: 401, description: "Sign in first." },
  session_ended: {
    status: 401,
    description: "The session ended (idle, too old, or the account was disabled).",
  },
  mfa_required: { status: 401, description: "Complete the second sign-in step first." },
  invalid_credentials: { status: 401, description: "The user name or password is not right." },
  invalid_code: { status: 401, description: "The six-digit code is not right." },
  // 403: signed in, but not allowed.
  forbidden: { status: 403, description: "Not allowed." },
  permission_denied: { status: 403, description: "The user's role does not allow this." },
  csrf_invalid: { status: 403, description: "X-CSRF-Token is missing or does not belong to the session." },
  clearance_exceeded: {
    status: 403,
    description: "The record's confidentiality is above the user's clearance.",
  },
  not_team_member: { status: 403, description: "Only the record's team may do this." },
  team_required: { status: 403, description: "The record must belong to a team the user is in." },
  self_role_change: { status: 403, description: "Administrators cannot change their own role." },
  self_disable: { status: 403, description: "Administrators cannot disable their own account." },
  self_reset: { status: 403, description: "Users change their own password from their profile." },
  last_administrator: { status: 403, description: "The last active administrator cannot be removed." },
  shipped_fact: { status: 403, description: "Facts of the shipped catalogue cannot be changed by hand." },
  // 404: nothing there, or nothing the caller may know of (need-to-know answers the same).
  not_found: { status: 404, description: "No such record, or none the caller may see." },
  invalid_link: { status: 404, description: "The one-time link is unknown, used or expired." },
  // 409: the request conflicts with the record as it stands.
  illegal_transition: { status: 409, description: "The case's status does not allow this event now." },
  condition_unmet: {
    status: 409,
    description: "A condition of the legal basis is not met (the articles are in `fields`).",
  },
  reference_taken: { status: 409, description: "A case with this reference exists." },
  code_taken: { status: 409, description: "An instrument with this code exists." },
  duplicate_fact: { status: 409, description: "This fact is already recorded." },
  team_name_taken: { status: 409, description: "A team with this name exists." },
  username_taken: { status: 409, description: "The user name is taken." },
  already_set_up: { status: 409, description: "Comity is already set up." },
  mfa_already_enrolled: { status: 409, description: "An authenticator is already enrolled." },
  mfa_not_started: { status: 409, description: "Start enrolling an authenticator first." },
  mfa_not_enrolled: { status: 409, description: "Enrol an authenticator first." },
  no_user: { status: 409, description: "The account no longer exists." },
  invitation_answered: { status: 409, description: "The invitation has already been answered." },
  action_item_closed: { status: 409, description: "The action item is done or dropped; reopen it first." },
  source_key_taken: { status: 409, description: "An engagement with this source key exists." },
  outcome_in_use: { status: 409, description: "The outcome has consequences that must be undone first." },
  // 412, 413, 415, 422, 428, 429
  stale_version: {
    status: 412,
    description: "Someone changed the record since it was read; the ETag header gives its version.",
  },
  payload_too_large: { status: 413, description: "The body or file is larger than allowed." },
  unsupported_media_type: { status: 415, description: "The body is not of a type this route accepts." },
  unsupported_document_type: { status: 415, description: "The file is not of an accepted document type." },
  document_content_mismatch: { status: 415, description: "The file's content does not match its type." },
  empty_document: { status: 415, description: "The file is empty." },
  invalid_reference: {
    status: 422,
    description: "The request names something that does not fit (a fact, a team).",
  },
  idempotency_key_reused: {
    status: 422,
    description: "The Idempotency-Key was used with another request; make a new key.",
  },
  invalid_import: {
    status: 422,
    description: "Records of the import have problems (in `fields`); nothing was imported.",
  },
  request_incomplete: {
    status: 422,
    description: "The legal basis requires content the case lacks (listed in `fields`).",
  },
  if_match_required: { status: 428, description: "Send If-Match with the ETag last read." },
  rate_limited: { status: 429, description: "Too many requests; wait and try again." },
  // 5xx
  internal_error: {
    status: 500,
    description: "A fault on the server; the request id identifies it in the log.",
  },
  document_corrupted: { status: 500, description: "The stored file no longer matches its SHA-256." },
  unavailable: { status: 503, description: "The database is not reachable; try again shortly." },
} as const satisfies Record<string, { status: number; description: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
/** The codes of one HTTP status: `ErrorCodeOf<409>` is "illegal_transition" | "condition_unmet" | ... */
export type ErrorCodeOf<S extends number> = {
  [C in ErrorCode]: (typeof ERROR_CODES)[C]["status"] extends S ? C : never;
}[ErrorCode];
export type ErrorStatus = (typeof ERROR_CODES)[ErrorCode]["status"];
export const ERROR_STATUSES = [...new Set(Object.values(ERROR_CODES).map((entry) => entry.status))].sort(
  (a, b) => a - b,
) as ErrorStatus[];
