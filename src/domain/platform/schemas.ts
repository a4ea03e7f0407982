import { z } from "zod";
import { instantSchema, instantWithOffsetSchema, isoDateSchema } from "./dates.js";
import {
  AUDIT_OUTCOMES,
  CONFIDENTIALITY_LEVELS,
  ERROR_CODES,
  ERROR_STATUSES,
  type ErrorCode,
  type ErrorStatus,
  PASSWORD_MAX_LENGTH,
  PERMISSIONS,
  ROLES,
} from "./vocabulary.js";

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

/**
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): the client makes one per
 * submission, such as a UUID, and sends it again when it retries. A route that takes it
 * declares `idempotencyKey` in its config (src/server/platform/concurrency.ts).
 */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{8,255}$/, "8 to 255 visible ASCII characters, such as a UUID");

/** A field a request got wrong: its path (body.header.requestedState) and what is wrong with it. */
export const fieldProblemSchema = z
  .strictObject({ path: z.string(), message: z.string() })
  .meta({ id: "FieldProblem" });

const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

function errorBodyOf<C extends ErrorCode>(codes: readonly [C, ...C[]]) {
  return z.strictObject({
    error: z.strictObject({
      code: z.enum(codes),
      /** For the user, in English; the web app words known codes in the user's language. */
      message: z.string(),
      fields: z.array(fieldProblemSchema).optional(),
      /** The request's id, also in the server's log. */
      requestId: z.string(),
    }),
  });
}

/** The one error shape of the API, any code. */
export const errorBodySchema = errorBodyOf(ERROR_CODE_LIST);
export type ErrorBody = z.infer<typeof errorBodySchema>;

const ERROR_NAMES: Record<ErrorStatus, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  409: "Conflict",
  412: "PreconditionFailed",
  413: "PayloadTooLarge",
  415: "UnsupportedMediaType",
  422: "UnprocessableContent",
  428: "PreconditionRequired",
  429: "TooManyRequests",
  500: "InternalServer",
  503: "ServiceUnavailable",
};

/**
 * The error body of each status, naming the codes that status carries (and `bad_request`,
 * the code of any other client error): components BadRequestError, ConflictError, ...
 */
export const errorResponseSchemas = Object.fromEntries(
  ERROR_STATUSES.map((status) => {
    const codes = ERROR_CODE_LIST.filter(
      (code) => ERROR_CODES[code].status === status || (status < 500 && code === "bad_request"),
    ) as [ErrorCode, ...ErrorCode[]];
    const description = codes.map((code) => `\`${code}\`: ${ERROR_CODES[code].description}`).join("\n");
    return [status, errorBodyOf(codes).meta({ id: `${ERROR_NAMES[status]}Error`, description })];
  }),
) as Record<ErrorStatus, typeof errorBodySchema>;

export const okSchema = z.strictObject({ ok: z.literal(true) });

/**
 * The fields of a change (PATCH) from the fields of a new record: each optional, absent
 * meaning unchanged. A default the new record gets (an empty list) is dropped, so that a
 * change naming one field never resets the others to their defaults.
 */
export function changeFieldsOf<Fields extends Record<string, z.ZodType>>(
  fields: Fields,
): { [K in keyof Fields]: z.ZodOptional<Fields[K]> } {
  return Object.fromEntries(
    Object.entries(fields).map(([key, schema]) => [
      key,
      (schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema).optional(),
    ]),
  ) as { [K in keyof Fields]: z.ZodOptional<Fields[K]> };
}

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

export const sessionUserSchema = z.strictObject({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  clearance: clearanceSchema,
  locale: localeSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionResponseSchema = z
  .strictObject({
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
  })
  .meta({ id: "Session" });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const loginResponseSchema = z.strictObject({
  mfa: z.enum(["enrol", "verify"]),
  csrfToken: z.string(),
});

export const mfaCodeBodySchema = z.strictObject({ code: totpCodeSchema });
export const mfaEnrolmentSchema = z.strictObject({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
});
export const mfaConfirmResponseSchema = z.strictObject({ csrfToken: z.string() });

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
export const invitationInfoSchema = z.strictObject({ username: z.string(), displayName: z.string() });
export const acceptInvitationBodySchema = z.strictObject({
  token: oneTimeTokenSchema,
  password: newPasswordSchema,
});

// --- user administration --------------------------------------------------------------

export const userStatusSchema = z.enum(["invited", "active", "locked", "disabled"]);
export type UserStatus = z.infer<typeof userStatusSchema>;

export const userSchema = sessionUserSchema
  .extend({
    status: userStatusSchema,
    mfaEnrolled: z.boolean(),
    lockedAt: instantSchema.nullable(),
    disabledAt: instantSchema.nullable(),
    lastLoginAt: instantSchema.nullable(),
    createdAt: instantSchema,
    version: z.number().int(),
  })
  .meta({ id: "User" });
export type User = z.infer<typeof userSchema>;

export const userListSchema = z.strictObject({ users: z.array(userSchema) });
export const userIdParamsSchema = z.strictObject({ id: uuidSchema });

export const createUserBodySchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  clearance: clearanceSchema.default("standard"),
  locale: localeSchema.default("en"),
});
export const invitationSchema = z.strictObject({
  token: z.string(),
  path: z.string(),
  expiresAt: instantSchema,
});
export const userWithInvitationSchema = z.strictObject({ user: userSchema, invitation: invitationSchema });

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
  from: instantWithOffsetSchema.optional(),
  to: instantWithOffsetSchema.optional(),
});

/**
 * A value of an audit entry's details, as the trail stores it (canonical JSON): a string,
 * an integer, a yes/no, null, an object of such values, or a list of plain values and
 * objects. (A list of lists is never recorded; leaving it out keeps generated clients'
 * types finite.)
 */
export type JsonObject = { [key: string]: JsonValue };
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | (string | number | boolean | null | JsonObject)[]
  | JsonObject;
const jsonScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const jsonObjectSchema: z.ZodType<JsonObject> = z
  .lazy(() => z.record(z.string(), jsonValueSchema))
  .meta({ id: "JsonObject" });
export const jsonValueSchema: z.ZodType<JsonValue> = z
  .lazy(() =>
    z.union([jsonScalarSchema, z.array(z.union([jsonScalarSchema, jsonObjectSchema])), jsonObjectSchema]),
  )
  .meta({ id: "JsonValue" });

export const auditEntrySchema = z
  .strictObject({
    seq: z.number().int(),
    ts: instantSchema,
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
    /** The facts of the event: what changed (from, to), the codes of a refusal, counts. */
    details: jsonObjectSchema,
    hash: z.string(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = z.strictObject({
  entries: z.array(auditEntrySchema),
  nextBefore: z.number().int().nullable(),
});
export const auditSeqParamsSchema = z.strictObject({ seq: z.coerce.number().int().positive() });

export const auditVerificationSchema = z.strictObject({
  ok: z.boolean(),
  entriesChecked: z.number().int(),
  lastSeq: z.number().int(),
  lastHash: z.string(),
  firstBad: z.strictObject({ seq: z.number().int(), reason: z.string(), detail: z.string() }).nullable(),
  checkpointsChecked: z.number().int(),
  verifiedAt: instantSchema,
  durationMs: z.number(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

// --- health --------------------------------------------------------------------------------

export const healthSchema = z.strictObject({ status: z.literal("ok") });
export const readinessSchema = z.strictObject({
  status: z.enum(["ready", "not_ready"]),
  database: z.enum(["ok", "unreachable"]),
  migrations: z.strictObject({ applied: z.number().int(), expected: z.number().int(), current: z.boolean() }),
});

// --- teams ---------------------------------------------------------------------------------

export const teamNameSchema = z.string().trim().min(1).max(200);
const teamDescriptionSchema = z.string().trim().min(1).max(2000);

export const teamMemberSchema = z.strictObject({
  userId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
});
export const teamSchema = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    members: z.array(teamMemberSchema),
    createdAt: instantSchema,
    version: z.number().int(),
  })
  .meta({ id: "Team" });
export type Team = z.infer<typeof teamSchema>;
export const teamListSchema = z.strictObject({ teams: z.array(teamSchema) });

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
