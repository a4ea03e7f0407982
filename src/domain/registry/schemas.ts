import { z } from "zod";
import { stateCodeSchema } from "../directory/state-codes.js";
import { isoDateSchema, partialIsoDateSchema } from "../platform/dates.js";
import { changeFieldsOf } from "../platform/schemas.js";
import {
  CHANNELS,
  INSTRUMENT_KINDS,
  LEVELS,
  MAP_RELATIONS,
  NEGOTIATION_STAGES,
  PARTY_ACTIONS,
  PARTY_STATUSES,
  RELATION_KINDS,
  REQUEST_KINDS,
  SCOPES,
  SOURCE_KINDS,
  SUBJECTS,
} from "./vocabulary.js";

/**
 * The registry's API contract, shared by the server (validation, OpenAPI) and the web
 * app (forms). Strict objects: unknown properties are refused.
 */

export const instrumentKindSchema = z.enum(INSTRUMENT_KINDS);
export const subjectSchema = z.enum(SUBJECTS);
export const levelSchema = z.enum(LEVELS);
export const scopeSchema = z.enum(SCOPES);
export const partyActionKindSchema = z.enum(PARTY_ACTIONS);
export const negotiationStageSchema = z.enum(NEGOTIATION_STAGES);
export const relationKindSchema = z.enum(RELATION_KINDS);
export const requestKindSchema = z.enum(REQUEST_KINDS);
export const mapRelationSchema = z.enum(MAP_RELATIONS);
const text = (max: number) => z.string().trim().min(1).max(max);
const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);

/** An instrument's stable code: CETS024, UNTOC, KH-RU-EXT-2017. */
export const instrumentCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9._-]{1,47}$/, "2 to 48 capitals, digits, dots, dashes or underscores");

export const citationSchema = z
  .strictObject({
    kind: z.enum(SOURCE_KINDS),
    title: text(500).nullish(),
    url: httpUrl.nullish(),
    date: isoDateSchema.nullish(),
    note: text(2000).nullish(),
  })
  .refine((citation) => Boolean(citation.title || citation.url), {
    message: "a source needs a title or a URL",
  });
export type CitationInput = z.infer<typeof citationSchema>;

export const partyRefSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("state"), code: stateCodeSchema }),
  z.strictObject({ type: z.literal("agency"), id: z.uuid() }),
  z.strictObject({ type: z.literal("organisation"), code: z.string().regex(/^[A-Z][A-Z0-9_-]{1,31}$/) }),
]);
export type PartyRefInput = z.infer<typeof partyRefSchema>;

export const reservationPayloadSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("own_nationals"), subjects: z.array(subjectSchema).max(20).optional() }),
  z.strictObject({ kind: z.literal("nationals_definition"), definition: text(4000) }),
  z.strictObject({
    kind: z.literal("central_authority"),
    authority: text(500),
    agencyId: z.uuid().optional(),
  }),
  z.strictObject({
    kind: z.literal("languages"),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/))
      .min(1)
      .max(20),
  }),
  z.strictObject({ kind: z.literal("channels"), channels: z.array(z.enum(CHANNELS)).min(1) }),
  z.strictObject({ kind: z.literal("subject_exclusion"), subjects: z.array(subjectSchema).min(1).max(20) }),
  z.strictObject({ kind: z.literal("other"), text: text(8000) }),
]);

export type ReservationPayload = z.infer<typeof reservationPayloadSchema>;

export const IDENTIFIER_SCHEMES = ["cets", "untc", "oas", "national_register", "other"] as const;
const identifierSchema = z.strictObject({
  scheme: z.enum(IDENTIFIER_SCHEMES),
  value: text(200),
});
export type InstrumentIdentifier = z.infer<typeof identifierSchema>;
const textLinkSchema = z.strictObject({
  language: z.string().regex(/^[a-z]{2,3}$/),
  url: httpUrl,
  title: text(300).nullish(),
});
export type InstrumentText = z.infer<typeof textLinkSchema>;

const instrumentFields = {
  kind: instrumentKindSchema,
  titleEn: text(1000),
  titleRu: text(1000).nullish(),
  titleOriginal: text(1000).nullish(),
  originalLanguage: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .nullish(),
  shortTitle: text(200).nullish(),
  identifiers: z.array(identifierSchema).max(20).default([]),
  subjects: z.array(subjectSchema).min(1).max(20),
  binding: z.boolean(),
  level: levelSchema,
  scope: scopeSchema,
  organisation: text(200).nullish(),
  openedForSignature: isoDateSchema.nullish(),
  place: text(200).nullish(),
  entryIntoForce: isoDateSchema.nullish(),
  entryIntoForceDelayDays: z.number().int().min(0).max(3650).nullish(),
  termStart: isoDateSchema.nullish(),
  termEnd: isoDateSchema.nullish(),
  durationMonths: z.number().int().min(1).max(1200).nullish(),
  depositaryUrl: httpUrl.nullish(),
  texts: z.array(textLinkSchema).max(20).default([]),
  sources: z.array(citationSchema).max(50),
  intendedParties: z.array(partyRefSchema).max(300).default([]),
  notes: text(8000).nullish(),
};

function termIsOrdered(value: { termStart?: string | null; termEnd?: string | null }): boolean {
  return !value.termStart || !value.termEnd || value.termStart <= value.termEnd;
}

export const createInstrumentSchema = z
  .strictObject({
    code: instrumentCodeSchema,
    ...instrumentFields,
    sources: instrumentFields.sources.min(1, "cite at least one source"),
  })
  .refine(termIsOrdered, { message: "the term ends before it starts", path: ["termEnd"] });
export type CreateInstrumentInput = z.infer<typeof createInstrumentSchema>;

export const updateInstrumentSchema = z
  .strictObject(changeFieldsOf(instrumentFields))
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: "nothing to change",
  })
  .refine(termIsOrdered, { message: "the term ends before it starts", path: ["termEnd"] });
export type UpdateInstrumentInput = z.infer<typeof updateInstrumentSchema>;

export const createPartyActionSchema = z
  .strictObject({
    party: partyRefSchema,
    action: partyActionKindSchema,
    date: isoDateSchema.nullable(),
    effectiveOn: isoDateSchema.nullish(),
    inRespectOf: z.array(stateCodeSchema).max(300).default([]),
    payload: reservationPayloadSchema.nullish(),
    text: text(8000).nullish(),
    source: citationSchema,
    /** How current the source was: a day, or a month or a year when it says no more. */
    asOf: partialIsoDateSchema.nullish(),
    verified: z.boolean().default(false),
  })
  .refine((value) => !value.payload || value.action === "reservation" || value.action === "declaration", {
    message: "only reservations and declarations carry a payload",
    path: ["payload"],
  })
  .refine((value) => !value.effectiveOn || !value.date || value.effectiveOn >= value.date, {
    message: "takes effect before it was made",
    path: ["effectiveOn"],
  });
export type CreatePartyActionInput = z.infer<typeof createPartyActionSchema>;

export const createStageSchema = z.strictObject({
  stage: negotiationStageSchema,
  date: isoDateSchema.nullable(),
  note: text(4000).nullish(),
  source: citationSchema.nullish(),
});

export const createRelationSchema = z.strictObject({
  toInstrumentId: z.uuid(),
  kind: relationKindSchema,
  note: text(2000).nullish(),
  source: citationSchema.nullish(),
});

// --- responses -------------------------------------------------------------------------

export const partyViewSchema = z
  .strictObject({
    type: z.enum(["state", "agency", "organisation"]),
    code: z.string().nullable(),
    agencyId: z.string().nullable(),
    /** The state the party belongs to (for agencies, the agency's state). */
    state: stateCodeSchema.nullable(),
    nameEn: z.string(),
    nameRu: z.string(),
  })
  .meta({ id: "Party" });
export type PartyView = z.infer<typeof partyViewSchema>;

export const citationViewSchema = z
  .strictObject({
    kind: z.enum(SOURCE_KINDS),
    title: z.string().nullish(),
    url: z.string().nullish(),
    date: isoDateSchema.nullish(),
    note: z.string().nullish(),
  })
  .meta({ id: "Citation" });

/** Where a party stands on a date: none, signed, consented (not yet in force), in force, ... */
export const partyStatusSchema = z.enum(PARTY_STATUSES);

export const instrumentSummarySchema = z.strictObject({
  id: z.uuid(),
  code: z.string(),
  kind: instrumentKindSchema,
  titleEn: z.string(),
  titleRu: z.string().nullable(),
  shortTitle: z.string().nullable(),
  binding: z.boolean(),
  level: levelSchema,
  scope: scopeSchema,
  subjects: z.array(subjectSchema),
  organisation: z.string().nullable(),
  openedForSignature: isoDateSchema.nullable(),
  entryIntoForce: isoDateSchema.nullable(),
  termEnd: isoDateSchema.nullable(),
  isDemo: z.boolean(),
  /** Under negotiation: stages recorded, nobody has signed. */
  draft: z.boolean(),
  partiesCount: z.number().int(),
  /** The oldest "as of" date among its party actions: how old the party list is. */
  partyListAsOf: partialIsoDateSchema.nullable(),
});
/** An instrument in a list, as the component InstrumentSummary. */
export const instrumentSummaryViewSchema = instrumentSummarySchema.meta({ id: "InstrumentSummary" });
export type InstrumentSummary = z.infer<typeof instrumentSummarySchema>;

export const instrumentListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  kind: instrumentKindSchema.optional(),
  subject: subjectSchema.optional(),
  scope: scopeSchema.optional(),
  binding: z.enum(["true", "false"]).optional(),
  party: stateCodeSchema.optional(),
  /** With `party`: where that party stands on `date`. */
  status: z.enum(["in_force", "signed", "not_in_force", "negotiating"]).optional(),
  date: isoDateSchema.optional(),
  demo: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const instrumentListSchema = z.strictObject({
  instruments: z.array(instrumentSummaryViewSchema),
  total: z.number().int(),
});

export const partyActionViewSchema = z
  .strictObject({
    id: z.uuid(),
    party: partyViewSchema,
    action: partyActionKindSchema,
    date: isoDateSchema.nullable(),
    effectiveOn: isoDateSchema.nullable(),
    inRespectOf: z.array(stateCodeSchema),
    payload: reservationPayloadSchema.nullable(),
    text: z.string().nullable(),
    source: citationViewSchema.nullable(),
    asOf: partialIsoDateSchema.nullable(),
    verified: z.boolean(),
    isDemo: z.boolean(),
    origin: z.string(),
  })
  .meta({ id: "PartyAction" });
export type PartyActionView = z.infer<typeof partyActionViewSchema>;

export const partyStandingViewSchema = z
  .strictObject({
    party: partyViewSchema,
    status: partyStatusSchema,
    signedOn: isoDateSchema.nullable(),
    consentOn: isoDateSchema.nullable(),
    inForceFrom: isoDateSchema.nullable(),
    inForceDerived: z.boolean(),
    endedOn: isoDateSchema.nullable(),
    reservations: z.number().int(),
    asOf: partialIsoDateSchema.nullable(),
  })
  .meta({ id: "PartyStanding" });

export const stageViewSchema = z.strictObject({
  id: z.uuid(),
  stage: negotiationStageSchema,
  date: isoDateSchema.nullable(),
  note: z.string().nullable(),
  source: citationViewSchema.nullable(),
  isDemo: z.boolean(),
});

export const relationViewSchema = z.strictObject({
  id: z.uuid(),
  kind: relationKindSchema,
  /** "outgoing": this instrument is the protocol/newer one; "incoming": the other is. */
  direction: z.enum(["outgoing", "incoming"]),
  other: z.strictObject({
    id: z.uuid(),
    code: z.string(),
    titleEn: z.string(),
    titleRu: z.string().nullable(),
  }),
  note: z.string().nullable(),
  source: citationViewSchema.nullable(),
});

export const instrumentDetailSchema = instrumentSummarySchema
  .extend({
    titleOriginal: z.string().nullable(),
    originalLanguage: z.string().nullable(),
    identifiers: z.array(identifierSchema),
    place: z.string().nullable(),
    entryIntoForceDelayDays: z.number().int().nullable(),
    termStart: isoDateSchema.nullable(),
    durationMonths: z.number().int().nullable(),
    depositaryUrl: z.string().nullable(),
    texts: z.array(textLinkSchema),
    sources: z.array(citationViewSchema),
    intendedParties: z.array(partyViewSchema),
    notes: z.string().nullable(),
    origin: z.string(),
    version: z.number().int(),
    /** Status of every party on `date` (the query's, default today). */
    date: isoDateSchema,
    parties: z.array(partyStandingViewSchema),
    actions: z.array(partyActionViewSchema),
    stages: z.array(stageViewSchema),
    relations: z.array(relationViewSchema),
  })
  .meta({ id: "Instrument" });
export type InstrumentDetail = z.infer<typeof instrumentDetailSchema>;
export const instrumentDetailQuerySchema = z.strictObject({ date: isoDateSchema.optional() });
export const instrumentIdParamsSchema = z.strictObject({ id: z.uuid() });
export const childParamsSchema = z.strictObject({ id: z.uuid(), childId: z.uuid() });

// --- resolver, pairs and map ------------------------------------------------------------------

/**
 * Why an instrument applies or not between two states on a date. Codes, not prose: the web
 * app and the CLI word them in the reader's language (reasons.ts).
 */
export const resolverReasonSchema = z
  .discriminatedUnion("code", [
    z.strictObject({ code: z.literal("in_force_for_both"), since: isoDateSchema.nullable() }),
    z.strictObject({ code: z.literal("not_a_party"), state: stateCodeSchema }),
    z.strictObject({ code: z.literal("signed_only"), state: stateCodeSchema, on: isoDateSchema.nullable() }),
    z.strictObject({
      code: z.literal("not_yet_in_force"),
      state: stateCodeSchema,
      from: isoDateSchema.nullable(),
    }),
    z.strictObject({ code: z.literal("withdrawn"), state: stateCodeSchema, on: isoDateSchema.nullable() }),
    z.strictObject({ code: z.literal("expired"), on: isoDateSchema.nullable() }),
    z.strictObject({ code: z.literal("suspended"), state: stateCodeSchema }),
    z.strictObject({
      code: z.literal("excluded_by_reservation"),
      state: stateCodeSchema,
      reservation: z.enum(["subject_exclusion", "own_nationals"]),
    }),
    z.strictObject({ code: z.literal("wrong_subject"), subjects: z.array(subjectSchema) }),
    z.strictObject({
      code: z.literal("under_negotiation"),
      stage: negotiationStageSchema.nullable(),
      on: isoDateSchema.nullable(),
    }),
    z.strictObject({ code: z.literal("superseded_by"), instrumentId: z.uuid(), instrumentCode: z.string() }),
    z.strictObject({ code: z.literal("non_binding") }),
    z.strictObject({ code: z.literal("reciprocity") }),
  ])
  .meta({ id: "ResolverReason" });
export type ResolverReason = z.infer<typeof resolverReasonSchema>;

/** What a reader should know before relying on a candidate: scope, reservations, the age of the data. */
export const resolverCaveatSchema = z
  .discriminatedUnion("code", [
    z.strictObject({ code: z.literal("offence_scope"), subjects: z.array(subjectSchema) }),
    z.strictObject({ code: z.literal("own_nationals_may_be_refused"), state: stateCodeSchema }),
    z.strictObject({ code: z.literal("derived_entry_into_force"), state: stateCodeSchema }),
    z.strictObject({ code: z.literal("party_list_as_of"), asOf: partialIsoDateSchema }),
    z.strictObject({ code: z.literal("unverified_facts") }),
    z.strictObject({
      code: z.literal("undated_action"),
      state: stateCodeSchema,
      action: partyActionKindSchema,
    }),
    z.strictObject({ code: z.literal("demo_data") }),
  ])
  .meta({ id: "ResolverCaveat" });
export type ResolverCaveat = z.infer<typeof resolverCaveatSchema>;

export const resolveQuerySchema = z
  .strictObject({
    requesting: stateCodeSchema,
    requested: stateCodeSchema,
    kind: requestKindSchema,
    date: isoDateSchema,
    nationality: stateCodeSchema.optional(),
  })
  .refine((value) => value.requesting !== value.requested, {
    message: "two different states",
    path: ["requested"],
  });

const instrumentBriefSchema = z.strictObject({
  id: z.uuid(),
  code: z.string(),
  kind: instrumentKindSchema,
  titleEn: z.string(),
  titleRu: z.string().nullable(),
  binding: z.boolean(),
  scope: scopeSchema,
  level: levelSchema,
  isDemo: z.boolean(),
});
const standingBriefSchema = z.strictObject({
  status: partyStatusSchema,
  signedOn: isoDateSchema.nullable(),
  consentOn: isoDateSchema.nullable(),
  inForceFrom: isoDateSchema.nullable(),
  endedOn: isoDateSchema.nullable(),
});
export const candidateSchema = z
  .strictObject({
    rank: z.number().int(),
    basis: z.enum(["instrument", "reciprocity"]),
    instrument: instrumentBriefSchema.nullable(),
    status: z.enum(["applies", "superseded", "non_binding", "fallback", "not_applicable"]),
    recommended: z.boolean(),
    reasons: z.array(resolverReasonSchema),
    caveats: z.array(resolverCaveatSchema),
    /** The reasons in English, for reading without the web app. */
    explanation: z.string(),
    standings: z.strictObject({
      requesting: standingBriefSchema.nullable(),
      requested: standingBriefSchema.nullable(),
    }),
  })
  .meta({ id: "Candidate" });
export type CandidateView = z.infer<typeof candidateSchema>;
export const resolveResponseSchema = z.strictObject({
  requesting: stateCodeSchema,
  requested: stateCodeSchema,
  kind: requestKindSchema,
  date: isoDateSchema,
  nationality: stateCodeSchema.nullable(),
  candidates: z.array(candidateSchema),
});

export const pairQuerySchema = z
  .strictObject({ state: stateCodeSchema, partner: stateCodeSchema, date: isoDateSchema.optional() })
  .refine((value) => value.state !== value.partner, { message: "two different states", path: ["partner"] });
export const pairResponseSchema = z.strictObject({
  state: stateCodeSchema,
  partner: stateCodeSchema,
  date: isoDateSchema,
  instruments: z.array(candidateSchema.omit({ rank: true, recommended: true })),
});

export const mapQuerySchema = z.strictObject({
  state: stateCodeSchema,
  date: isoDateSchema.optional(),
  widest: scopeSchema.default("regional"),
});
export const mapResponseSchema = z.strictObject({
  state: stateCodeSchema,
  date: isoDateSchema,
  widest: scopeSchema,
  partners: z.array(
    z.strictObject({
      state: stateCodeSchema,
      numeric: z.string().nullable(),
      relation: mapRelationSchema,
      instrumentIds: z.array(z.string()),
    }),
  ),
  counts: z.record(mapRelationSchema, z.number().int()),
});

// --- CSV of party actions ---------------------------------------------------------------------

/** The columns of the party lists in data/registry/parties, plus the instrument's code first. */
export const PARTY_ACTION_CSV_COLUMNS = [
  "instrument",
  "state",
  "action",
  "date",
  "source_url",
  "as_of",
  "verified",
] as const;

export const importPartyActionsSchema = z.strictObject({
  csv: z.string().min(1).max(5_000_000),
  /** For files without an `instrument` column (one file per instrument). */
  instrument: instrumentCodeSchema.optional(),
  dryRun: z.boolean().default(false),
});
export const importResultSchema = z.strictObject({
  dryRun: z.boolean(),
  rows: z.number().int(),
  inserted: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.strictObject({ line: z.number().int(), field: z.string(), message: z.string() })),
});
export type ImportResult = z.infer<typeof importResultSchema>;
export const exportQuerySchema = z.strictObject({ instrument: instrumentCodeSchema.optional() });
