import { z } from "zod";
import { stateCodeSchema } from "../directory/state-codes.js";
import { type Instant, isoDateSchema } from "../platform/dates.js";
import {
  ASSET_EXTENTS,
  ASSET_STAGES,
  ASSET_TYPES,
  ASSURANCE_KINDS,
  CASE_KINDS,
  CONFIDENTIALITY_LEVELS,
  CORRESPONDENCE_CHANNELS,
  DIRECTIONS,
  EXTRADITION_PURPOSES,
  MEASURE_KINDS,
  MEASURE_STATUSES,
  PERSON_ROLES,
  PRIORITIES,
  WARRANT_KINDS,
} from "./vocabulary.js";

/**
 * A case is one request, kept as an append-only stream of events. This file is the
 * contract every layer shares: the case's header (who asks whom, on what basis), its
 * facts (offences, persons, measures, assets, notices, warrants), and the events that
 * change it. Status, facts on a date, deadlines and statistics are projections of the
 * events (projection.ts); nothing here is a mutable flag.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
/** Ids of facts inside a case (offence, person, measure, asset): short, stable, client-chosen. */
export const factIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "1 to 40 lower-case letters, digits or dashes");
export const moneySchema = z.strictObject({
  amount: z.string().regex(/^\d{1,15}(\.\d{1,4})?$/, "a non-negative decimal amount, such as 125000.50"),
  currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 currency code, such as EUR"),
});
export type Money = z.infer<typeof moneySchema>;

/** A penalty as a duration: months, so that "5-10 years" is 60-120 and "4 months" is 4. */
const months = z.number().int().min(0).max(1200);

/** The legal basis: an instrument of the registry, or reciprocity (an explicit undertaking). */
export const legalBasisSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("instrument"), instrumentId: z.uuid(), articles: text(200).nullish() }),
  z.strictObject({ type: z.literal("reciprocity"), note: text(2000).nullish() }),
]);
export type LegalBasis = z.infer<typeof legalBasisSchema>;

/** What is fixed when a case is opened, and amended only by a `header_amended` event. */
export const caseHeaderSchema = z.strictObject({
  kind: z.enum(CASE_KINDS),
  direction: z.enum(DIRECTIONS),
  /** Our reference, unique: MLA-IN-2025-00017. Imports keep the office's own references. */
  reference: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9./_-]{2,63}$/,
      "3 to 64 letters, digits, dots, slashes, dashes or underscores",
    ),
  /** The other side's reference, as written on their letter. */
  foreignReference: text(200).nullish(),
  requestingState: stateCodeSchema,
  requestedState: stateCodeSchema,
  requestingAuthority: text(300).nullish(),
  requestedAuthority: text(300).nullish(),
  requestingAgencyId: z.uuid().nullish(),
  requestedAgencyId: z.uuid().nullish(),
  legalBasis: legalBasisSchema.nullish(),
  /** For extradition: to prosecute, or to enforce a sentence. */
  purpose: z.enum(EXTRADITION_PURPOSES).nullish(),
  /** The main offence category: an ICCS code (0101) or an EAW list number (eaw:12). */
  offenceCategory: z.string().max(20).nullish(),
  priority: z.enum(PRIORITIES).default("normal"),
  urgencyReason: text(1000).nullish(),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS).default("standard"),
  /** The team that works the case: members see it (need-to-know). */
  teamId: z.uuid().nullish(),
  title: text(300),
  summary: text(20_000).nullish(),
});
export type CaseHeader = z.infer<typeof caseHeaderSchema>;

/**
 * The fields a `header_amended` event may change. Built without the header's defaults:
 * a partial schema keeps a field's `.default()`, so an amendment of the title alone would
 * otherwise come back with `priority: "normal"` and `confidentiality: "standard"` and
 * silently lower a secret case's level.
 */
export const caseHeaderAmendmentSchema = caseHeaderSchema
  .extend({ priority: z.enum(PRIORITIES), confidentiality: z.enum(CONFIDENTIALITY_LEVELS) })
  .partial()
  .omit({ kind: true, direction: true });
export type CaseHeaderAmendment = z.infer<typeof caseHeaderAmendmentSchema>;

export const offenceSchema = z.strictObject({
  id: factIdSchema,
  /** The national provision: "Criminal Code of Cambodia, art. 372". */
  article: text(300),
  description: text(4000),
  /** Categories: ICCS code, EAW list number (eaw:12), Budapest article (budapest:7). */
  category: z.string().max(20).nullish(),
  /** The maximum penalty under the requesting state's law, in months; null when unknown. */
  maximumPenaltyMonths: months.nullish(),
  minimumPenaltyMonths: months.nullish(),
  /** Life imprisonment or death is possible under the requesting state's law. */
  lifeImprisonment: z.boolean().nullish(),
  deathPenalty: z.boolean().nullish(),
  /** For enforcement: the sentence imposed (or still to serve), in months. */
  sentenceMonths: months.nullish(),
  /** Answers the checker asks for; null means "not yet known". */
  punishableInRequestedState: z.boolean().nullish(),
  political: z.boolean().nullish(),
  military: z.boolean().nullish(),
  fiscal: z.boolean().nullish(),
  /** Committed, wholly or partly, on the requested state's territory. */
  committedInRequestedState: z.boolean().nullish(),
  committedOn: isoDateSchema.nullish(),
  timeBarred: z.boolean().nullish(),
  finalJudgmentInRequestedState: z.boolean().nullish(),
  pendingProceedingsInRequestedState: z.boolean().nullish(),
  amnestied: z.boolean().nullish(),
});
export type Offence = z.infer<typeof offenceSchema>;

export const personSchema = z.strictObject({
  id: factIdSchema,
  role: z.enum(PERSON_ROLES),
  fullName: text(300),
  /** The name in other scripts: "Иванов Иван". */
  otherNames: z.array(text(300)).max(20).default([]),
  birthDate: isoDateSchema.nullish(),
  nationalities: z.array(stateCodeSchema).max(5).default([]),
  /** Where the person is believed to be. */
  location: text(500).nullish(),
  /** Risk of discrimination, persecution or ill-treatment alleged (E24-3.2). */
  discriminationRiskAlleged: z.boolean().nullish(),
});
export type Person = z.infer<typeof personSchema>;

export const measureSchema = z.strictObject({
  id: factIdSchema,
  kind: z.enum(MEASURE_KINDS),
  description: text(4000),
  executingAuthority: text(300).nullish(),
  /** The status when the measure is recorded; later changes are `measure_status_changed` events. */
  status: z.enum(MEASURE_STATUSES).default("requested"),
});
export type Measure = z.infer<typeof measureSchema>;

export const assetSchema = z.strictObject({
  id: factIdSchema,
  type: z.enum(ASSET_TYPES),
  description: text(2000),
  value: moneySchema.nullish(),
  /** The date of the value, for conversion into a reporting currency. */
  valuedOn: isoDateSchema.nullish(),
  holder: text(300).nullish(),
  location: text(500).nullish(),
  locationState: stateCodeSchema.nullish(),
  stage: z.enum(ASSET_STAGES).default("identified"),
});
export type Asset = z.infer<typeof assetSchema>;

/** A reference to an INTERPOL notice or diffusion: never a copy of INTERPOL's data. */
export const noticeSchema = z.strictObject({
  id: factIdSchema,
  /** A code of data/cases/notices.csv: red, yellow, ..., diffusion. */
  type: z.string().regex(/^[a-z_]{2,30}$/),
  number: text(100),
  issuedOn: isoDateSchema.nullish(),
  expiresOn: isoDateSchema.nullish(),
  personId: factIdSchema.nullish(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const warrantSchema = z.strictObject({
  id: factIdSchema,
  kind: z.enum(WARRANT_KINDS),
  issuedBy: text(300),
  issuedOn: isoDateSchema,
  reference: text(200).nullish(),
  personId: factIdSchema.nullish(),
  /** A judgment given in the person's absence (CETS 098 art. 3). */
  inAbsentia: z.boolean().nullish(),
  final: z.boolean().nullish(),
});
export type Warrant = z.infer<typeof warrantSchema>;

/** The case's facts: everything that is not a dated happening. Amended as a whole. */
export const caseFactsSchema = z.strictObject({
  offences: z.array(offenceSchema).max(100).default([]),
  persons: z.array(personSchema).max(200).default([]),
  measures: z.array(measureSchema).max(200).default([]),
  assets: z.array(assetSchema).max(500).default([]),
  notices: z.array(noticeSchema).max(20).default([]),
  warrants: z.array(warrantSchema).max(50).default([]),
  /** The requested state does not (normally) carry out the death penalty (E24-11). */
  requestedStateAbolishedDeathPenalty: z.boolean().nullish(),
  /** Sovereignty, security, ordre public or essential interests are at stake (M30-2.b, T18-21.b). */
  essentialInterestsAtStake: z.boolean().nullish(),
  /** The person consented to simplified extradition. */
  personConsented: z.boolean().nullish(),
});
export type CaseFacts = z.infer<typeof caseFactsSchema>;

/** A refusal or partial refusal is argued ground by ground, each tied to a rule where one fits. */
export const decisionGroundSchema = z.strictObject({
  /** The rule of data/rules that this ground invokes: E24-3.1. */
  ruleId: z.string().max(40).nullish(),
  /** A normalised ground code for statistics: political_offence, own_national, ... */
  code: z.string().regex(/^[a-z_]{2,40}$/),
  note: text(4000).nullish(),
});
export type DecisionGround = z.infer<typeof decisionGroundSchema>;

/**
 * The events of a case, by type. Each is validated with this schema when appended; the
 * server adds the envelope (sequence, recorded time, actor). `on` is the legal date of the
 * happening (the date of the arrest, not of its recording), the input of every clock.
 */
export const caseEventPayloads = {
  /**
   * The day it was opened is the office's today when the server records it; streams
   * recorded before the field existed take the UTC day of their recording.
   */
  opened: z.strictObject({ header: caseHeaderSchema, facts: caseFactsSchema, on: isoDateSchema.nullish() }),
  header_amended: z.strictObject({ header: caseHeaderAmendmentSchema }),
  facts_amended: z.strictObject({ facts: caseFactsSchema }),
  received: z.strictObject({ on: isoDateSchema, channel: z.enum(CORRESPONDENCE_CHANNELS).nullish() }),
  registered: z.strictObject({ on: isoDateSchema }),
  sent: z.strictObject({ on: isoDateSchema, channel: z.enum(CORRESPONDENCE_CHANNELS).nullish() }),
  assigned: z.strictObject({ on: isoDateSchema, teamId: z.uuid().nullish(), officer: text(300).nullish() }),
  information_requested: z.strictObject({
    on: isoDateSchema,
    items: z.array(text(1000)).min(1).max(50),
    dueOn: isoDateSchema.nullish(),
  }),
  information_received: z.strictObject({ on: isoDateSchema, note: text(4000).nullish() }),
  consultation_held: z.strictObject({ on: isoDateSchema, withState: stateCodeSchema, summary: text(4000) }),
  provisional_arrest: z.strictObject({
    on: isoDateSchema,
    personId: factIdSchema.nullish(),
    place: text(300).nullish(),
  }),
  released: z.strictObject({ on: isoDateSchema, personId: factIdSchema.nullish(), reason: text(2000) }),
  consent_recorded: z.strictObject({ on: isoDateSchema, personId: factIdSchema.nullish() }),
  assurance_recorded: z.strictObject({
    on: isoDateSchema,
    kind: z.enum(ASSURANCE_KINDS),
    givenBy: text(300),
    text: text(8000),
  }),
  decided: z.strictObject({
    on: isoDateSchema,
    outcome: z.enum(["granted", "partially_granted", "refused"]),
    grounds: z.array(decisionGroundSchema).max(30).default([]),
    decidedBy: text(300).nullish(),
  }),
  measure_status_changed: z.strictObject({
    on: isoDateSchema,
    measureId: factIdSchema,
    status: z.enum(MEASURE_STATUSES),
    executingAuthority: text(300).nullish(),
    result: text(4000).nullish(),
  }),
  asset_stage_changed: z.strictObject({
    on: isoDateSchema,
    assetId: factIdSchema,
    stage: z.enum(ASSET_STAGES),
    orderReference: text(200).nullish(),
    /**
     * The amount the order concerns at this stage (frozen 1,200,000 RUB), in its own
     * currency: the asset recovery ledger sums by currency and never converts.
     */
    amount: moneySchema.nullish(),
    /** Whether the amount is the asset's whole value or part of it. */
    extent: z.enum(ASSET_EXTENTS).nullish(),
  }),
  surrender_date_set: z.strictObject({ on: isoDateSchema, surrenderOn: isoDateSchema }),
  surrendered: z.strictObject({ on: isoDateSchema, personId: factIdSchema.nullish() }),
  correspondence_logged: z.strictObject({
    on: isoDateSchema,
    direction: z.enum(["in", "out"]),
    channel: z.enum(CORRESPONDENCE_CHANNELS),
    counterpart: text(300).nullish(),
    summary: text(4000),
  }),
  /** Opened by the server, never by hand: refusing an own national (aut dedere aut judicare). */
  follow_up_opened: z.strictObject({
    on: isoDateSchema,
    task: z.enum(["domestic_prosecution"]),
    ruleId: z.string().max(40).nullish(),
    note: text(2000).nullish(),
  }),
  document_added: z.strictObject({
    on: isoDateSchema,
    documentId: z.uuid(),
    name: text(300),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  withdrawn: z.strictObject({ on: isoDateSchema, reason: text(2000) }),
  closed: z.strictObject({ on: isoDateSchema, reason: text(2000).nullish() }),
  reopened: z.strictObject({ on: isoDateSchema, reason: text(2000) }),
} as const;

export type CaseEventType = keyof typeof caseEventPayloads;
export const CASE_EVENT_TYPES = Object.keys(caseEventPayloads) as CaseEventType[];

export function isCaseEventType(value: string): value is CaseEventType {
  return (CASE_EVENT_TYPES as readonly string[]).includes(value);
}
export type CaseEventPayload<T extends CaseEventType> = z.infer<(typeof caseEventPayloads)[T]>;

/** One event as the client sends it: a type and its payload. */
export const caseEventInputSchema = z.discriminatedUnion(
  "type",
  CASE_EVENT_TYPES.map((type) =>
    z.strictObject({ type: z.literal(type), payload: caseEventPayloads[type] }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);
export type CaseEventInput = {
  [T in CaseEventType]: { type: T; payload: CaseEventPayload<T> };
}[CaseEventType];

/** An event as stored: the input with its envelope. */
export type CaseEvent = CaseEventInput & {
  /** 1 for `opened`, then one more for each event: also the case's version (ETag). */
  sequence: number;
  recordedAt: Instant;
  actorId: string | null;
};
