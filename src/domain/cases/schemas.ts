import { z } from "zod";
import { deadlineSchema } from "../clocks/schemas.js";
import { stateCodeSchema } from "../directory/state-codes.js";
import { instantSchema, isoDateSchema } from "../platform/dates.js";
import { uploadedFileSchema } from "../platform/schemas.js";
import { checkerResultSchema } from "../rules/schemas.js";
import {
  CASE_EVENT_TYPES,
  type CaseEvent,
  type CaseEventType,
  caseEventPayloads,
  caseFactsSchema,
  caseHeaderSchema,
  decisionGroundSchema,
} from "./model.js";
import {
  CASE_KINDS,
  CASE_STATUSES,
  CONFIDENTIALITY_LEVELS,
  CORRESPONDENCE_CHANNELS,
  DIRECTIONS,
  PRIORITIES,
} from "./vocabulary.js";

/**
 * The cases API's contract, shared by the server (validation, OpenAPI) and the web app.
 * Every object is strict both ways: a request with an unknown property is refused, and a
 * response the server builds with a property the contract does not name fails its tests.
 */

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

export const createCaseBodySchema = z
  .strictObject({
    header: caseHeaderSchema,
    facts: caseFactsSchema.prefault({}),
    /** An incoming request's date of arrival, recorded as its `received` event. */
    receivedOn: isoDateSchema.optional(),
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
  openedFrom: isoDateSchema.optional(),
  openedTo: isoDateSchema.optional(),
  /** A field, descending with a leading "-"; "relevance" ranks full-text matches. Default: "-openedOn", or "relevance" with q. */
  sort: z.enum(CASE_SORTS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export const caseSummarySchema = z
  .strictObject({
    id: z.uuid(),
    reference: z.string(),
    title: z.string(),
    kind: z.enum(CASE_KINDS),
    direction: z.enum(DIRECTIONS),
    status: z.enum(CASE_STATUSES),
    priority: z.enum(PRIORITIES),
    confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
    requestingState: stateCodeSchema,
    requestedState: stateCodeSchema,
    teamId: z.uuid().nullable(),
    teamName: z.string().nullable(),
    offenceCategory: z.string().nullable(),
    openedOn: isoDateSchema,
    receivedOn: isoDateSchema.nullable(),
    decidedOn: isoDateSchema.nullable(),
    closedOn: isoDateSchema.nullable(),
    nextDeadlineOn: isoDateSchema.nullable(),
    version: z.number().int(),
    updatedAt: instantSchema,
  })
  .meta({ id: "CaseSummary" });
export type CaseSummary = z.infer<typeof caseSummarySchema>;
export const caseListSchema = z.strictObject({ items: z.array(caseSummarySchema), total: z.number().int() });

// --- one case -------------------------------------------------------------------------------------

const sequenceSchema = z.number().int().min(1);
const payload = caseEventPayloads;

/**
 * A case as its events make it (projection.ts folds the stream into exactly this shape).
 * Dates named `...On` are legal dates: the `on` of the event, the day of the arrest rather
 * than of its recording.
 */
export const caseDecisionSchema = z.strictObject({
  outcome: payload.decided.shape.outcome,
  grounds: z.array(decisionGroundSchema),
  decidedBy: z.string().nullable(),
  on: isoDateSchema,
  sequence: sequenceSchema,
});
export type CaseDecision = z.infer<typeof caseDecisionSchema>;

export const caseAssignmentSchema = z.strictObject({
  on: isoDateSchema,
  teamId: z.uuid().nullable(),
  officer: z.string().nullable(),
});
export type CaseAssignment = z.infer<typeof caseAssignmentSchema>;

/** A request for additional information; answered by the next `information_received`. */
export const informationRequestSchema = z.strictObject({
  requestedOn: isoDateSchema,
  items: z.array(z.string()),
  dueOn: isoDateSchema.nullable(),
  /** Null while outstanding, and for good when the decision was taken without the answer. */
  receivedOn: isoDateSchema.nullable(),
  answer: z.string().nullable(),
  sequence: sequenceSchema,
});
export type InformationRequest = z.infer<typeof informationRequestSchema>;

/** One stretch of custody of the person sought, from arrest to release or surrender. */
export const custodyPeriodSchema = z.strictObject({
  personId: z.string().nullable(),
  arrestedOn: isoDateSchema,
  place: z.string().nullable(),
  endedOn: isoDateSchema.nullable(),
  endedBy: z.enum(["released", "surrendered"]).nullable(),
  releaseReason: z.string().nullable(),
});
export type CustodyPeriod = z.infer<typeof custodyPeriodSchema>;

/**
 * The person's liberty in an extradition case: the input of the provisional-arrest clocks
 * (E24-16: 18 and 40 days from the arrest; CETS 209 art. 6: 10 days for the consent) and
 * the surrender clocks (E24-18.4: 15 and 30 days from the date set).
 */
export const detentionSchema = z.strictObject({
  custody: z.array(custodyPeriodSchema),
  inCustody: z.boolean(),
  /** The latest arrest, and its release if the latest custody ended in one. */
  arrestedOn: isoDateSchema.nullable(),
  releasedOn: isoDateSchema.nullable(),
  consents: z.array(z.strictObject({ personId: z.string().nullable(), on: isoDateSchema })),
  /** The first consent to (simplified) extradition. */
  consentedOn: isoDateSchema.nullable(),
  /** The date agreed for the surrender, and when it was agreed (the latest, if set again). */
  surrenderOn: isoDateSchema.nullable(),
  surrenderDateSetOn: isoDateSchema.nullable(),
  surrenderedOn: isoDateSchema.nullable(),
});
export type Detention = z.infer<typeof detentionSchema>;

export const consultationSchema = z.strictObject({
  on: isoDateSchema,
  withState: stateCodeSchema,
  summary: z.string(),
  sequence: sequenceSchema,
});
export type Consultation = z.infer<typeof consultationSchema>;

export const assuranceRecordSchema = z.strictObject({
  ...payload.assurance_recorded.shape,
  sequence: sequenceSchema,
});
export type AssuranceRecord = z.infer<typeof assuranceRecordSchema>;

export const followUpSchema = z.strictObject({
  on: isoDateSchema,
  task: payload.follow_up_opened.shape.task,
  ruleId: z.string().nullable(),
  note: z.string().nullable(),
  sequence: sequenceSchema,
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const caseDocumentSchema = z.strictObject({
  on: isoDateSchema,
  documentId: z.uuid(),
  name: z.string(),
  sha256: z.string(),
  sequence: sequenceSchema,
});
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

export const correspondenceEntrySchema = z.strictObject({
  on: isoDateSchema,
  direction: z.enum(["in", "out"]),
  channel: z.enum(CORRESPONDENCE_CHANNELS),
  counterpart: z.string().nullable(),
  summary: z.string(),
  sequence: sequenceSchema,
});
export type CorrespondenceEntry = z.infer<typeof correspondenceEntrySchema>;

export const measureChangeSchema = z.strictObject({
  on: isoDateSchema,
  measureId: z.string(),
  status: payload.measure_status_changed.shape.status,
  executingAuthority: z.string().nullable(),
  result: z.string().nullable(),
  sequence: sequenceSchema,
});
export type MeasureChange = z.infer<typeof measureChangeSchema>;

export const assetChangeSchema = z.strictObject({
  on: isoDateSchema,
  assetId: z.string(),
  stage: payload.asset_stage_changed.shape.stage,
  orderReference: z.string().nullable(),
  sequence: sequenceSchema,
});
export type AssetChange = z.infer<typeof assetChangeSchema>;

export const reopeningSchema = z.strictObject({
  on: isoDateSchema,
  reason: z.string(),
  sequence: sequenceSchema,
});
export type Reopening = z.infer<typeof reopeningSchema>;

const projectionFields = {
  header: caseHeaderSchema,
  /** The facts, with measure statuses, asset stages and the person's consent as the events left them. */
  facts: caseFactsSchema,
  status: z.enum(CASE_STATUSES),
  /** The last event's sequence: the version a writer names in If-Match (the ETag is "v<version>"). */
  version: sequenceSchema,
  /** The day the case was recorded in Comity (`opened` has no legal date of its own). */
  openedOn: isoDateSchema,
  openedBy: z.uuid().nullable(),
  /** Incoming: the request reached us. Outgoing: the requested state acknowledged receipt. */
  receivedOn: isoDateSchema.nullable(),
  receivedThrough: z.enum(CORRESPONDENCE_CHANNELS).nullable(),
  registeredOn: isoDateSchema.nullable(),
  sentOn: isoDateSchema.nullable(),
  sentThrough: z.enum(CORRESPONDENCE_CHANNELS).nullable(),
  assignment: caseAssignmentSchema.nullable(),
  /** The decision in force: null before one, and again after a reopening. */
  decision: caseDecisionSchema.nullable(),
  decidedOn: isoDateSchema.nullable(),
  /** Every decision, reopenings included, oldest first. */
  decisions: z.array(caseDecisionSchema),
  /** The day the last open measure was settled, while the case is executed or closed after it. */
  executedOn: isoDateSchema.nullable(),
  withdrawnOn: isoDateSchema.nullable(),
  withdrawalReason: z.string().nullable(),
  closedOn: isoDateSchema.nullable(),
  closingReason: z.string().nullable(),
  reopenings: z.array(reopeningSchema),
  /** Extradition only; null for other kinds. */
  detention: detentionSchema.nullable(),
  informationRequests: z.array(informationRequestSchema),
  consultations: z.array(consultationSchema),
  assurances: z.array(assuranceRecordSchema),
  followUps: z.array(followUpSchema),
  documents: z.array(caseDocumentSchema),
  correspondence: z.array(correspondenceEntrySchema),
  measureChanges: z.array(measureChangeSchema),
  assetChanges: z.array(assetChangeSchema),
  /** The latest legal date of any event: what "no activity for 90 days" reads. */
  lastEventOn: isoDateSchema.nullable(),
  lastRecordedAt: instantSchema,
};
export const caseProjectionSchema = z.strictObject(projectionFields);
export type CaseProjection = z.infer<typeof caseProjectionSchema>;

/** A document of the case: the projection's entry with what the store knows of the file. */
export const caseDocumentViewSchema = caseDocumentSchema
  .extend({
    mediaType: z.string(),
    size: z.number().int(),
    kind: z.enum(["uploaded", "generated"]),
    uploadedAt: instantSchema,
  })
  .meta({ id: "CaseDocument" });
export type CaseDocumentView = z.infer<typeof caseDocumentViewSchema>;

/**
 * One case as the API shows it: its projection, with the id, the team, the stored
 * documents' sizes and types, the events a client may record now, and what its rules say
 * today (the checker's findings and the deadlines, each with its derivation).
 */
export const caseViewSchema = z
  .strictObject({
    ...projectionFields,
    id: z.uuid(),
    documents: z.array(caseDocumentViewSchema),
    team: z.strictObject({ id: z.uuid(), name: z.string() }).nullable(),
    /** The events the case's status allows now (server-only ones excluded): the buttons to offer. */
    allowedEventTypes: z.array(z.enum(CASE_EVENT_TYPES)),
    /** The earliest last day of a clock still running or overdue. */
    nextDeadlineOn: isoDateSchema.nullable(),
    deadlines: z.array(deadlineSchema),
    checker: checkerResultSchema,
  })
  .meta({ id: "CaseView" });
export type CaseView = z.infer<typeof caseViewSchema>;

const eventActorSchema = z.strictObject({ id: z.uuid(), username: z.string(), displayName: z.string() });
const eventEnvelope = {
  sequence: sequenceSchema,
  recordedAt: instantSchema,
  actorId: z.uuid().nullable(),
  actor: eventActorSchema.nullable(),
};

/** The schema of one type's event: named so that the union below infers `CaseEventView`. */
type CaseEventViewOption = {
  [T in CaseEventType]: z.ZodObject<
    { type: z.ZodLiteral<T>; payload: (typeof caseEventPayloads)[T] } & typeof eventEnvelope,
    z.core.$strict
  >;
}[CaseEventType];

/** An event of a case with who recorded it; its payload is the one its type defines. */
export const caseEventViewSchema = z
  .discriminatedUnion(
    "type",
    CASE_EVENT_TYPES.map((type) =>
      z.strictObject({ type: z.literal(type), payload: caseEventPayloads[type], ...eventEnvelope }),
    ) as unknown as [CaseEventViewOption, ...CaseEventViewOption[]],
  )
  .meta({ id: "CaseEvent" });
export type CaseEventView = CaseEvent & { actor: z.infer<typeof eventActorSchema> | null };
export const caseEventListSchema = z.strictObject({ events: z.array(caseEventViewSchema) });

// --- documents ------------------------------------------------------------------------------------

/** multipart/form-data with one part named "file". */
export const uploadDocumentBodySchema = z.strictObject({ file: uploadedFileSchema });
