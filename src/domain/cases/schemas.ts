import { z } from "zod";
import { stateCodeSchema } from "../directory/schemas.js";
import {
  CASE_EVENT_TYPES,
  type CaseEventType,
  caseEventPayloads,
  caseFactsSchema,
  caseHeaderSchema,
} from "./model.js";
import { CASE_KINDS, CASE_STATUSES, CONFIDENTIALITY_LEVELS, DIRECTIONS, PRIORITIES } from "./vocabulary.js";

/**
 * The cases API's contract, shared by the server (validation, OpenAPI) and the web app.
 * Inputs are strict: unknown properties are refused. The case view is the projection
 * (projection.ts) with what the server adds; it is read loosely so that fields added to
 * the projection later pass through to the web app.
 */

const isoDate = z.iso.date("a date as YYYY-MM-DD");

/** The case's reference, as in the address /api/cases/{reference}. */
export const caseReferenceSchema = caseHeaderSchema.shape.reference;
export const caseReferenceParamsSchema = z.strictObject({ reference: caseReferenceSchema });

/** GET /api/cases/:reference/letter: the letter of request, in English or Russian, or a marked draft. */
export const letterQuerySchema = z.strictObject({
  language: z.enum(["en", "ru"]).default("en"),
  draft: z.enum(["true", "false"]).default("false"),
});
export type LetterQuery = z.infer<typeof letterQuerySchema>;
export const caseDocumentParamsSchema = z.strictObject({ reference: caseReferenceSchema, id: z.uuid() });

/**
 * Events only the server records: the opening (POST /api/cases), a stored document
 * (POST .../documents) and the follow-ups the rules open. Clients record the others.
 */
export const SERVER_ONLY_EVENT_TYPES = [
  "opened",
  "document_added",
  "follow_up_opened",
] as const satisfies readonly CaseEventType[];
export const CLIENT_EVENT_TYPES = CASE_EVENT_TYPES.filter(
  (type) => !(SERVER_ONLY_EVENT_TYPES as readonly string[]).includes(type),
);

/** One event as a client sends it; a server-only type is refused like any unknown type. */
export const appendCaseEventBodySchema = z.discriminatedUnion(
  "type",
  CLIENT_EVENT_TYPES.map((type) =>
    z.strictObject({ type: z.literal(type), payload: caseEventPayloads[type] }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
  {
    error: (issue) =>
      issue.code === "invalid_union"
        ? `one of the event types clients record: ${CLIENT_EVENT_TYPES.join(", ")}`
        : undefined,
  },
);

/**
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): the client makes one per
 * submission, such as a UUID, and sends it again when it retries.
 */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{8,255}$/, "8 to 255 visible ASCII characters, such as a UUID");
/** Loose: the other headers of the request pass untouched. */
export const createCaseHeadersSchema = z.looseObject({ "idempotency-key": idempotencyKeySchema });

export const createCaseBodySchema = z
  .strictObject({
    header: caseHeaderSchema,
    facts: caseFactsSchema.prefault({}),
    /** An incoming request's date of arrival, recorded as its `received` event. */
    receivedOn: isoDate.optional(),
  })
  .superRefine((body, context) => {
    if (body.receivedOn !== undefined && body.header.direction !== "incoming") {
      context.addIssue({
        code: "custom",
        path: ["receivedOn"],
        message: "only for an incoming request: an outgoing one is acknowledged after it is sent",
      });
    }
  });
export type CreateCaseInput = z.infer<typeof createCaseBodySchema>;

// --- list ---------------------------------------------------------------------------------------

export const CASE_SORTS = [
  "relevance",
  "openedOn",
  "-openedOn",
  "receivedOn",
  "-receivedOn",
  "nextDeadlineOn",
  "-nextDeadlineOn",
  "updatedAt",
  "-updatedAt",
  "reference",
  "-reference",
  "priority",
  "-priority",
] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export const caseListQuerySchema = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  kind: z.enum(CASE_KINDS).optional(),
  direction: z.enum(DIRECTIONS).optional(),
  /** Either side: the requesting or the requested state. */
  state: stateCodeSchema.optional(),
  requestingState: stateCodeSchema.optional(),
  requestedState: stateCodeSchema.optional(),
  teamId: z.uuid().optional(),
  priority: z.enum(PRIORITIES).optional(),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS).optional(),
  /** Full text in English and Russian: reference, title, summary, offences, persons' names. */
  q: z.string().trim().min(1).max(200).optional(),
  /** Cases whose next deadline has passed. */
  overdue: z.enum(["true", "false"]).optional(),
  /** Cases whose next deadline falls within N days from today (today included). */
  dueWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  openedFrom: isoDate.optional(),
  openedTo: isoDate.optional(),
  /** A field, descending with a leading "-"; "relevance" ranks full-text matches. Default: "-openedOn", or "relevance" with q. */
  sort: z.enum(CASE_SORTS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export const caseSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  kind: z.enum(CASE_KINDS),
  direction: z.enum(DIRECTIONS),
  status: z.enum(CASE_STATUSES),
  priority: z.enum(PRIORITIES),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
  requestingState: z.string(),
  requestedState: z.string(),
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  offenceCategory: z.string().nullable(),
  openedOn: z.string(),
  receivedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  nextDeadlineOn: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;
export const caseListSchema = z.object({ items: z.array(caseSummarySchema), total: z.number().int() });

// --- one case -------------------------------------------------------------------------------------

/** A document of the case: the projection's entry with what the store knows of the file. */
export const caseDocumentViewSchema = z.object({
  documentId: z.uuid(),
  name: z.string(),
  sha256: z.string(),
  on: z.string(),
  sequence: z.number().int(),
  mediaType: z.string(),
  size: z.number().int(),
  kind: z.enum(["uploaded", "generated"]),
  uploadedAt: z.iso.datetime(),
});
export type CaseDocumentView = z.infer<typeof caseDocumentViewSchema>;

export const caseViewSchema = z.looseObject({
  id: z.uuid(),
  header: caseHeaderSchema,
  facts: caseFactsSchema,
  status: z.enum(CASE_STATUSES),
  /** The last event's sequence; the ETag is "v<version>". */
  version: z.number().int(),
  openedOn: z.string(),
  receivedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  documents: z.array(caseDocumentViewSchema),
  team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The events the case's status allows now (server-only ones excluded): the buttons to offer. */
  allowedEventTypes: z.array(z.enum(CASE_EVENT_TYPES)),
  nextDeadlineOn: z.string().nullable(),
  deadlines: z.array(z.unknown()),
});
export type CaseView = z.infer<typeof caseViewSchema>;

export const caseEventViewSchema = z.object({
  type: z.enum(CASE_EVENT_TYPES),
  payload: z.record(z.string(), z.unknown()),
  sequence: z.number().int(),
  recordedAt: z.iso.datetime(),
  actorId: z.uuid().nullable(),
  actor: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }).nullable(),
});
export type CaseEventView = z.infer<typeof caseEventViewSchema>;
export const caseEventListSchema = z.object({ events: z.array(caseEventViewSchema) });

// --- documents ------------------------------------------------------------------------------------

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

/** multipart/form-data with one part named "file". */
export const uploadDocumentBodySchema = z.strictObject({
  file: z
    .custom<UploadedFile>(isUploadedFile, 'a file sent as multipart/form-data in the part named "file"')
    .meta({ type: "string", format: "binary" }),
});
