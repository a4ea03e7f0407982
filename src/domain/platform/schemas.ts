import { z } from "zod";
import { instantSchema, isoDateSchema } from "./dates.js";
import { PERMISSIONS, ROLES } from "./roles.js";
import { AUDIT_OUTCOMES, CONFIDENTIALITY_LEVELS, PASSWORD_MAX_LENGTH } from "./vocabulary.js";

/**
 * Request and response contracts of the platform area, shared by the server (which
 * validates every input with them and publishes them in the OpenAPI document) and the
 * web app (which validates forms with the same rules). Objects are strict: an unknown
 * property is an error, never silently stored (ASVS 2.2.1, 15.3.3).
 */

export const LOCALES = ["en", "ru"] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/** A text in both languages of the interface: what the rules, clocks and letters say. */
export const bilingualSchema = z.strictObject({ en: z.string(), ru: z.string() }).meta({ id: "Bilingual" });
export type Bilingual = z.infer<typeof bilingualSchema>;

export const roleSchema = z.enum(ROLES);
/** A user's clearance: the highest confidentiality level of case they may see. */
export const clearanceSchema = z.enum(CONFIDENTIALITY_LEVELS);
export const permissionSchema = z.enum(PERMISSIONS);

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, "3 to 64 Latin letters, digits, dots, dashes or underscores");
export const displayNameSchema = z.string().trim().min(1).max(200);
/** The policy (length in code points, banned list, guessability) is checked by checkPassword. */
export const newPasswordSchema = z
  .string()
  .min(1)
  .max(PASSWORD_MAX_LENGTH * 4);
export const totpCodeSchema = z.string().regex(/^\d{6}$/, "six digits");
export const uuidSchema = z.uuid();
export const oneTimeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "a one-time token");

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const okSchema = z.object({ ok: z.literal(true) });

/** For routes that take no input: anything sent anyway is refused, not ignored. */
export const emptyBodySchema = z.strictObject({}).nullish();
export const noQuerySchema = z.strictObject({});

// --- authentication -------------------------------------------------------------

export const loginBodySchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 4),
});

export const mfaStates = ["none", "enrol", "verify", "done"] as const;
export const mfaStateSchema = z.enum(mfaStates);
export type MfaState = z.infer<typeof mfaStateSchema>;

export const sessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  clearance: clearanceSchema,
  locale: localeSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionResponseSchema = z.object({
  authenticated: z.boolean(),
  /** "enrol" or "verify" while the second factor is pending; "done" once signed in. */
  mfa: mfaStateSchema,
  user: sessionUserSchema.nullable(),
  permissions: z.array(permissionSchema),
  csrfToken: z.string(),
  setupRequired: z.boolean(),
  expiresAt: instantSchema.nullable(),
  /**
   * The office's time zone (COMITY_TIME_ZONE) and today's date in it: every default date,
   * "due" and "overdue" in the web app is read against this day, not the browser's.
   */
  office: z.strictObject({ timeZone: z.string(), today: isoDateSchema }),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const loginResponseSchema = z.object({ mfa: z.enum(["enrol", "verify"]), csrfToken: z.string() });

export const mfaCodeBodySchema = z.strictObject({ code: totpCodeSchema });
export const mfaEnrolmentSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
});
export const mfaConfirmResponseSchema = z.object({ csrfToken: z.string() });

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 4),
  newPassword: newPasswordSchema,
});
export const preferencesBodySchema = z.strictObject({ locale: localeSchema });

// --- first administrator and invitations ------------------------------------------

export const setupBodySchema = z.strictObject({
  token: oneTimeTokenSchema,
  username: usernameSchema,
  displayName: displayNameSchema,
  password: newPasswordSchema,
});
export const invitationInfoQuerySchema = z.strictObject({ token: oneTimeTokenSchema });
export const invitationInfoSchema = z.object({ username: z.string(), displayName: z.string() });
export const acceptInvitationBodySchema = z.strictObject({
  token: oneTimeTokenSchema,
  password: newPasswordSchema,
});

// --- user administration --------------------------------------------------------------

export const userStatusSchema = z.enum(["invited", "active", "locked", "disabled"]);
export type UserStatus = z.infer<typeof userStatusSchema>;

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  clearance: clearanceSchema,
  locale: localeSchema,
  status: userStatusSchema,
  mfaEnrolled: z.boolean(),
  lockedAt: z.iso.datetime().nullable(),
  disabledAt: z.iso.datetime().nullable(),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

export const userListSchema = z.object({ users: z.array(userSchema) });
export const userIdParamsSchema = z.strictObject({ id: uuidSchema });

export const createUserBodySchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  clearance: clearanceSchema.default("standard"),
  locale: localeSchema.default("en"),
});
export const invitationSchema = z.object({
  token: z.string(),
  path: z.string(),
  expiresAt: z.iso.datetime(),
});
export const userWithInvitationSchema = z.object({ user: userSchema, invitation: invitationSchema });

export const updateUserBodySchema = z
  .strictObject({
    displayName: displayNameSchema.optional(),
    role: roleSchema.optional(),
    clearance: clearanceSchema.optional(),
  })
  .refine(
    (body) => body.displayName !== undefined || body.role !== undefined || body.clearance !== undefined,
    { message: "nothing to change" },
  );

// --- audit trail ---------------------------------------------------------------------------

export const auditOutcomeSchema = z.enum(AUDIT_OUTCOMES);

export const auditQuerySchema = z.strictObject({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  eventType: z.string().max(100).optional(),
  outcome: auditOutcomeSchema.optional(),
  actor: z.string().max(100).optional(),
  objectType: z.string().max(100).optional(),
  objectId: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  ts: z.string(),
  eventType: z.string(),
  outcome: auditOutcomeSchema,
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorUsername: z.string().nullable(),
  sessionId: z.string().nullable(),
  sourceIp: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  node: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextBefore: z.number().int().nullable(),
});
export const auditSeqParamsSchema = z.strictObject({ seq: z.coerce.number().int().positive() });

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  entriesChecked: z.number().int(),
  lastSeq: z.number().int(),
  lastHash: z.string(),
  firstBad: z.object({ seq: z.number().int(), reason: z.string(), detail: z.string() }).nullable(),
  checkpointsChecked: z.number().int(),
  verifiedAt: z.iso.datetime(),
  durationMs: z.number(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

// --- health --------------------------------------------------------------------------------

export const healthSchema = z.object({ status: z.literal("ok") });
export const readinessSchema = z.object({
  status: z.enum(["ready", "not_ready"]),
  database: z.enum(["ok", "unreachable"]),
  migrations: z.object({ applied: z.number().int(), expected: z.number().int(), current: z.boolean() }),
});

// --- teams ---------------------------------------------------------------------------------

export const teamNameSchema = z.string().trim().min(1).max(200);
const teamDescriptionSchema = z.string().trim().min(1).max(2000);

export const teamMemberSchema = z.object({
  userId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
});
export const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  members: z.array(teamMemberSchema),
  createdAt: z.iso.datetime(),
  version: z.number().int(),
});
export type Team = z.infer<typeof teamSchema>;
export const teamListSchema = z.object({ teams: z.array(teamSchema) });

export const teamIdParamsSchema = z.strictObject({ id: uuidSchema });
export const teamMemberParamsSchema = z.strictObject({ id: uuidSchema, userId: uuidSchema });
export const createTeamBodySchema = z.strictObject({
  name: teamNameSchema,
  description: teamDescriptionSchema.nullish(),
});
export const updateTeamBodySchema = z
  .strictObject({ name: teamNameSchema.optional(), description: teamDescriptionSchema.nullish() })
  .refine((body) => body.name !== undefined || body.description !== undefined, {
    message: "nothing to change",
  });
export const addTeamMemberBodySchema = z.strictObject({ userId: uuidSchema });

// --- uploads -------------------------------------------------------------------------------

/** What an upload is once the multipart body is read (src/server/platform/multipart.ts). */
export type UploadedFile = { filename: string; mediaType: string; content: Uint8Array };

export function isUploadedFile(value: unknown): value is UploadedFile {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as UploadedFile).filename === "string" &&
    typeof (value as UploadedFile).mediaType === "string" &&
    (value as UploadedFile).content instanceof Uint8Array
  );
}

/** The file of a multipart/form-data upload (one part named "file"); binary in the OpenAPI document. */
export const uploadedFileSchema = z
  .custom<UploadedFile>(isUploadedFile, 'a file sent as multipart/form-data in the part named "file"')
  .meta({ type: "string", format: "binary" });
