import { z } from "zod";
import { CASE_KINDS, CASE_STATUSES, DIRECTIONS } from "../cases/vocabulary.js";
import { stateCodeSchema } from "../directory/state-codes.js";
import { instantSchema, isoDateSchema, partialIsoDateSchema } from "../platform/dates.js";
import { changeFieldsOf } from "../platform/schemas.js";
import { CONFIDENTIALITY_LEVELS } from "../platform/vocabulary.js";
import {
  createInstrumentSchema,
  instrumentCodeSchema,
  instrumentKindSchema,
  negotiationStageSchema,
  partyRefSchema,
  partyStatusSchema,
  partyViewSchema,
} from "../registry/schemas.js";
import {
  ACTION_STATUSES,
  COMMITMENT_KINDS,
  DATE_PRECISIONS,
  ENGAGEMENT_KINDS,
  ENGAGEMENT_STATUSES,
  INVITATION_DIRECTIONS,
  INVITATION_STATUSES,
  OUTCOME_KINDS,
  PARTICIPANT_ROLES,
} from "./vocabulary.js";

/**
 * The engagements API contract (visits, meetings, their outcomes and action items), shared
 * by the server (validation, OpenAPI) and the web app (forms). Strict objects both ways.
 */

export const engagementKindSchema = z.enum(ENGAGEMENT_KINDS);
export const engagementStatusSchema = z.enum(ENGAGEMENT_STATUSES);
export const datePrecisionSchema = z.enum(DATE_PRECISIONS);
export const participantRoleSchema = z.enum(PARTICIPANT_ROLES);
export const outcomeKindSchema = z.enum(OUTCOME_KINDS);
export const commitmentKindSchema = z.enum(COMMITMENT_KINDS);
export const invitationDirectionSchema = z.enum(INVITATION_DIRECTIONS);
export const invitationStatusSchema = z.enum(INVITATION_STATUSES);
export const actionStatusSchema = z.enum(ACTION_STATUSES);
export const engagementConfidentialitySchema = z.enum(CONFIDENTIALITY_LEVELS);

const text = (max: number) => z.string().trim().min(1).max(max);
const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);

// --- requests --------------------------------------------------------------------------------

/** Where a fact comes from: a press release, a communiqué, minutes. */
export const engagementSourceSchema = z
  .strictObject({
    url: httpUrl.nullish(),
    title: text(500).nullish(),
    publishedOn: isoDateSchema.nullish(),
  })
  .refine((source) => Boolean(source.url || source.title), { message: "a source needs a title or a URL" });
export type EngagementSourceInput = z.infer<typeof engagementSourceSchema>;

/**
 * Someone not yet in the directory, added on the spot with the position they held. A
 * person of the directory with exactly these English and Russian names is taken instead
 * of adding them twice.
 */
export const newParticipantPersonSchema = z.strictObject({
  nameEn: text(300),
  nameRu: text(300),
  /** The position they held at the engagement, at this agency (recorded from the engagement's first day). */
  agencyId: z.uuid().nullish(),
  titleEn: text(300).nullish(),
  titleRu: text(300).nullish(),
});

/**
 * One participant: a person (from the directory, or new), an agency's delegation, or a
 * state's delegation as a whole. `side` is the state whose delegation they belong to.
 */
export const participantInputSchema = z
  .strictObject({
    side: stateCodeSchema,
    role: participantRoleSchema,
    personId: z.uuid().nullish(),
    newPerson: newParticipantPersonSchema.nullish(),
    agencyId: z.uuid().nullish(),
    /** Instead of `agencyId` (import files): the agency of the side's state by English or Russian name or abbreviation. */
    agencyName: text(500).nullish(),
    /** What the sources call them when the directory has no position ("Deputy Minister"). */
    note: text(500).nullish(),
  })
  .refine((value) => !(value.personId && value.newPerson), {
    message: "either a person of the directory or a new person, not both",
    path: ["newPerson"],
  })
  .refine((value) => !(value.agencyId && value.agencyName), {
    message: "either an agency's id or its name, not both",
    path: ["agencyName"],
  });
export type ParticipantInput = z.infer<typeof participantInputSchema>;

const engagementFields = {
  kind: engagementKindSchema,
  titleEn: text(500),
  titleRu: text(500),
  status: engagementStatusSchema,
  /** The first day; with `precision` "month" or "year", any day of it (stored as the whole period). */
  startOn: isoDateSchema,
  /** The last day of a range of days; none for a one-day engagement. */
  endOn: isoDateSchema.nullish(),
  precision: datePrecisionSchema.default("day"),
  city: text(200).nullish(),
  placeState: stateCodeSchema.nullish(),
  hostState: stateCodeSchema.nullish(),
  hostAgencyId: z.uuid().nullish(),
  /** Instead of `hostAgencyId` (import files): the host state's agency by name or abbreviation. */
  hostAgencyName: text(500).nullish(),
  /** The states taking part (the sides of participants are added to them). */
  states: z.array(stateCodeSchema).max(60).default([]),
  participants: z.array(participantInputSchema).max(300).default([]),
  agenda: z.array(text(1000)).max(100).default([]),
  summary: text(20_000).nullish(),
  notes: text(20_000).nullish(),
  sources: z.array(engagementSourceSchema).max(50).default([]),
  confidentiality: engagementConfidentialitySchema.default("standard"),
};

function datesAreOrdered(value: { startOn?: string | null; endOn?: string | null }): boolean {
  return !value.startOn || !value.endOn || value.startOn <= value.endOn;
}

export const createEngagementSchema = z
  .strictObject({
    ...engagementFields,
    /** What makes an imported engagement the same one again (an import skips a key already there). */
    sourceKey: text(200).nullish(),
  })
  .refine(datesAreOrdered, { message: "ends before it starts", path: ["endOn"] });
export type CreateEngagementInput = z.infer<typeof createEngagementSchema>;

export const updateEngagementSchema = z
  .strictObject(changeFieldsOf(engagementFields))
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: "nothing to change",
  })
  .refine(datesAreOrdered, { message: "ends before it starts", path: ["endOn"] });
export type UpdateEngagementInput = z.infer<typeof updateEngagementSchema>;

/** What every outcome has: its day (default: the engagement's first day), its source, a note. */
const outcomeCommon = {
  date: isoDateSchema.nullish(),
  source: engagementSourceSchema.nullish(),
  note: text(4000).nullish(),
};

/** The action item a commitment becomes: what, who (a user or a team), by when. */
export const actionItemInputSchema = z
  .strictObject({
    title: text(1000),
    ownerUserId: z.uuid().nullish(),
    ownerTeamId: z.uuid().nullish(),
    dueOn: isoDateSchema,
  })
  .refine((value) => Boolean(value.ownerUserId) !== Boolean(value.ownerTeamId), {
    message: "an owner: a user or a team",
    path: ["ownerUserId"],
  });
export type ActionItemInput = z.infer<typeof actionItemInputSchema>;

/**
 * An instrument signed (or a programme adopted) at the engagement: an instrument of the
 * registry, or a new one, and the parties that signed it. Each party gets a signature on
 * the outcome's day in the registry, in the same transaction.
 */
const instrumentOutcomeFields = {
  ...outcomeCommon,
  instrumentId: z.uuid().nullish(),
  /** Instead of `instrumentId` (import files): the instrument's code in the registry. */
  instrumentCode: instrumentCodeSchema.nullish(),
  newInstrument: createInstrumentSchema.nullish(),
  parties: z.array(partyRefSchema).min(1).max(60),
};
function oneInstrument(value: {
  instrumentId?: string | null;
  instrumentCode?: string | null;
  newInstrument?: unknown;
}): boolean {
  return [value.instrumentId, value.instrumentCode, value.newInstrument].filter(Boolean).length === 1;
}
const oneInstrumentProblem = {
  message: "one instrument: of the registry (id or code) or a new one",
  path: ["instrumentId"],
};

export const outcomeInputSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("instrument_signed"), ...instrumentOutcomeFields }),
    z.strictObject({ kind: z.literal("programme_adopted"), ...instrumentOutcomeFields }),
    z.strictObject({
      kind: z.literal("commitment"),
      ...outcomeCommon,
      commitmentKind: commitmentKindSchema,
      textEn: text(4000),
      textRu: text(4000).nullish(),
      action: actionItemInputSchema,
    }),
    z.strictObject({
      kind: z.literal("invitation"),
      ...outcomeCommon,
      direction: invitationDirectionSchema,
      /** Who was invited (extended) or who invites (received). */
      counterpart: text(500),
      counterpartState: stateCodeSchema.nullish(),
      eventEn: text(1000),
      eventRu: text(1000).nullish(),
      /** For when: a day, a month or a year. */
      expectedOn: partialIsoDateSchema.nullish(),
    }),
    z.strictObject({
      kind: z.literal("statement"),
      ...outcomeCommon,
      titleEn: text(500),
      titleRu: text(500).nullish(),
      text: text(50_000).nullish(),
      url: httpUrl.nullish(),
    }),
    z.strictObject({ kind: z.literal("case_discussed"), ...outcomeCommon, caseReference: text(100) }),
  ])
  .refine(
    (value) =>
      (value.kind !== "instrument_signed" && value.kind !== "programme_adopted") || oneInstrument(value),
    oneInstrumentProblem,
  );
export type OutcomeInput = z.infer<typeof outcomeInputSchema>;

/** The answer to an invitation: accepting it plans the engagement it invites to. */
export const answerInvitationSchema = z.discriminatedUnion("answer", [
  z.strictObject({ answer: z.literal("accepted"), engagement: createEngagementSchema }),
  z.strictObject({ answer: z.literal("declined"), note: text(4000).nullish() }),
]);
export type AnswerInvitationInput = z.infer<typeof answerInvitationSchema>;

/** A change to an action item: its status (done and dropped need a closing note), due day or owner. */
export const updateActionItemSchema = z
  .strictObject({
    status: actionStatusSchema.optional(),
    dueOn: isoDateSchema.optional(),
    ownerUserId: z.uuid().nullish(),
    ownerTeamId: z.uuid().nullish(),
    note: text(4000).nullish(),
  })
  .refine(
    (value) =>
      value.status !== undefined ||
      value.dueOn !== undefined ||
      Boolean(value.ownerUserId) ||
      Boolean(value.ownerTeamId) ||
      Boolean(value.note),
    { message: "nothing to change" },
  )
  .refine((value) => !(value.ownerUserId && value.ownerTeamId), {
    message: "an owner: a user or a team",
    path: ["ownerTeamId"],
  })
  .refine((value) => !(value.status === "done" || value.status === "dropped") || Boolean(value.note), {
    message: "say how it ended: a closing note",
    path: ["note"],
  });
export type UpdateActionItemInput = z.infer<typeof updateActionItemSchema>;

const booleanQuery = z.enum(["true", "false"]);

export const engagementListQuerySchema = z
  .strictObject({
    /** Full text, English and Russian: titles, summary, agenda, place, participants. */
    q: z.string().trim().max(200).optional(),
    state: stateCodeSchema.optional(),
    kind: engagementKindSchema.optional(),
    status: engagementStatusSchema.optional(),
    /** Engagements whose dates meet the period [from, to]. */
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    /** Only those from the office's today on, soonest first. */
    upcoming: booleanQuery.optional(),
    /** A person of the directory who took part. */
    participant: z.uuid().optional(),
    /** Engagements at which this instrument was signed or adopted. */
    instrument: z.uuid().optional(),
    /** Only those with (true) or without (false) open action items. */
    openActions: booleanQuery.optional(),
    demo: booleanQuery.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    message: "the period ends before it starts",
    path: ["to"],
  });
export type EngagementListQuery = z.infer<typeof engagementListQuerySchema>;

export const actionItemListQuerySchema = z.strictObject({
  /** The caller's own items: theirs and their teams'. */
  mine: booleanQuery.optional(),
  /** Items owned by this user (directly). */
  owner: z.uuid().optional(),
  team: z.uuid().optional(),
  engagement: z.uuid().optional(),
  status: actionStatusSchema.optional(),
  /** Open or in progress (true), or done or dropped (false). */
  open: booleanQuery.optional(),
  overdue: booleanQuery.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ActionItemListQuery = z.infer<typeof actionItemListQuerySchema>;

export const engagementIdParamsSchema = z.strictObject({ id: z.uuid() });
export const outcomeParamsSchema = z.strictObject({ id: z.uuid(), outcomeId: z.uuid() });
export const actionItemParamsSchema = z.strictObject({ id: z.uuid() });
export const briefingQuerySchema = z.strictObject({
  /** The counterpart state; default: the engagement's first state other than the office's. */
  partner: stateCodeSchema.optional(),
  /** The day the instruments' status is read on; default: the engagement's first day. */
  date: isoDateSchema.optional(),
  lang: z.enum(["en", "ru"]).default("en"),
});

// --- responses -------------------------------------------------------------------------------

export const engagementSourceViewSchema = z
  .strictObject({
    url: z.string().nullable(),
    title: z.string().nullable(),
    publishedOn: isoDateSchema.nullable(),
  })
  .meta({ id: "EngagementSource" });
export type EngagementSourceView = z.infer<typeof engagementSourceViewSchema>;

const namedSchema = z.strictObject({ id: z.uuid(), nameEn: z.string(), nameRu: z.string() });

export const engagementSummarySchema = z
  .strictObject({
    id: z.uuid(),
    kind: engagementKindSchema,
    titleEn: z.string(),
    titleRu: z.string(),
    status: engagementStatusSchema,
    startOn: isoDateSchema,
    endOn: isoDateSchema,
    precision: datePrecisionSchema,
    city: z.string().nullable(),
    placeState: stateCodeSchema.nullable(),
    hostState: stateCodeSchema.nullable(),
    /** Every state taking part: those named and the participants' sides. */
    states: z.array(stateCodeSchema),
    openActionItems: z.number().int(),
    overdueActionItems: z.number().int(),
    confidentiality: engagementConfidentialitySchema,
    isDemo: z.boolean(),
  })
  .meta({ id: "EngagementSummary" });
export type EngagementSummary = z.infer<typeof engagementSummarySchema>;

export const engagementListSchema = z.strictObject({
  engagements: z.array(engagementSummarySchema),
  total: z.number().int(),
});
export type EngagementList = z.infer<typeof engagementListSchema>;

export const participantViewSchema = z
  .strictObject({
    id: z.uuid(),
    side: stateCodeSchema,
    role: participantRoleSchema,
    person: namedSchema.nullable(),
    agency: namedSchema.nullable(),
    /** The position the person held on the engagement's first day, from the directory. */
    position: z
      .strictObject({
        titleEn: z.string(),
        titleRu: z.string(),
        agencyId: z.uuid(),
        agencyNameEn: z.string(),
        agencyNameRu: z.string(),
      })
      .nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: "Participant" });
export type ParticipantView = z.infer<typeof participantViewSchema>;

export const actionItemEventSchema = z.strictObject({
  at: instantSchema,
  by: z.string().nullable(),
  status: actionStatusSchema,
  dueOn: isoDateSchema,
  owner: z.string(),
  note: z.string().nullable(),
});

export const actionOwnerSchema = z.strictObject({
  type: z.enum(["user", "team"]),
  id: z.uuid(),
  name: z.string(),
});

/** How an action item stands against the office's today. */
export const DUE_STATES = ["overdue", "due_soon", "later", "closed"] as const;

export const actionItemSchema = z
  .strictObject({
    id: z.uuid(),
    engagement: z.strictObject({
      id: z.uuid(),
      titleEn: z.string(),
      titleRu: z.string(),
      startOn: isoDateSchema,
      isDemo: z.boolean(),
    }),
    outcomeId: z.uuid(),
    commitmentKind: commitmentKindSchema,
    title: z.string(),
    owner: actionOwnerSchema,
    dueOn: isoDateSchema,
    status: actionStatusSchema,
    dueState: z.enum(DUE_STATES),
    closingNote: z.string().nullable(),
    closedOn: isoDateSchema.nullable(),
    history: z.array(actionItemEventSchema),
    version: z.number().int(),
  })
  .meta({ id: "ActionItem" });
export type ActionItem = z.infer<typeof actionItemSchema>;

export const actionItemListSchema = z.strictObject({
  items: z.array(actionItemSchema),
  total: z.number().int(),
});
export type ActionItemList = z.infer<typeof actionItemListSchema>;

const instrumentRefSchema = z.strictObject({
  id: z.uuid(),
  code: z.string(),
  kind: instrumentKindSchema,
  titleEn: z.string(),
  titleRu: z.string().nullable(),
  termEnd: isoDateSchema.nullable(),
});

const outcomeViewCommon = {
  id: z.uuid(),
  date: isoDateSchema,
  source: engagementSourceViewSchema.nullable(),
  note: z.string().nullable(),
  createdAt: instantSchema,
};
const instrumentOutcomeView = {
  ...outcomeViewCommon,
  instrument: instrumentRefSchema,
  parties: z.array(partyViewSchema),
  /** The signatures recorded in the registry for it. */
  partyActionIds: z.array(z.uuid()),
};

export const outcomeViewSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("instrument_signed"), ...instrumentOutcomeView }),
    z.strictObject({ kind: z.literal("programme_adopted"), ...instrumentOutcomeView }),
    z.strictObject({
      kind: z.literal("commitment"),
      ...outcomeViewCommon,
      commitmentKind: commitmentKindSchema,
      textEn: z.string(),
      textRu: z.string().nullable(),
      actionItemId: z.uuid(),
    }),
    z.strictObject({
      kind: z.literal("invitation"),
      ...outcomeViewCommon,
      direction: invitationDirectionSchema,
      counterpart: z.string(),
      counterpartState: stateCodeSchema.nullable(),
      eventEn: z.string(),
      eventRu: z.string().nullable(),
      expectedOn: partialIsoDateSchema.nullable(),
      status: invitationStatusSchema,
      answeredOn: isoDateSchema.nullable(),
      /** The planned engagement created when it was accepted. */
      engagement: z.strictObject({ id: z.uuid(), titleEn: z.string(), titleRu: z.string() }).nullable(),
    }),
    z.strictObject({
      kind: z.literal("statement"),
      ...outcomeViewCommon,
      titleEn: z.string(),
      titleRu: z.string().nullable(),
      text: z.string().nullable(),
      url: z.string().nullable(),
    }),
    /** Shown only to readers who may see the case (need-to-know); left out for the others. */
    z.strictObject({
      kind: z.literal("case_discussed"),
      ...outcomeViewCommon,
      case: z.strictObject({ reference: z.string(), title: z.string() }),
    }),
  ])
  .meta({ id: "Outcome" });
export type OutcomeView = z.infer<typeof outcomeViewSchema>;

export const engagementDetailSchema = engagementSummarySchema
  .extend({
    hostAgency: namedSchema.nullable(),
    participants: z.array(participantViewSchema),
    agenda: z.array(z.string()),
    summary: z.string().nullable(),
    notes: z.string().nullable(),
    sources: z.array(engagementSourceViewSchema),
    outcomes: z.array(outcomeViewSchema),
    actionItems: z.array(actionItemSchema),
    /** The invitation this engagement answers, when it was planned by accepting one. */
    invitedAt: z.strictObject({ id: z.uuid(), titleEn: z.string(), titleRu: z.string() }).nullable(),
    sourceKey: z.string().nullable(),
    version: z.number().int(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: "Engagement" });
export type EngagementDetail = z.infer<typeof engagementDetailSchema>;

/** What recording an outcome answers: the outcome and the engagement as it now stands. */
export const recordedOutcomeSchema = z.strictObject({
  outcome: outcomeViewSchema,
  engagement: engagementDetailSchema,
});

// --- import ---------------------------------------------------------------------------------

/** One engagement of an import file, with its outcomes. */
export const engagementImportRecordSchema = z
  .strictObject({
    ...engagementFields,
    sourceKey: text(200),
    outcomes: z.array(outcomeInputSchema).max(100).default([]),
  })
  .refine(datesAreOrdered, { message: "ends before it starts", path: ["endOn"] });
export type EngagementImportRecord = z.infer<typeof engagementImportRecordSchema>;

export const engagementImportResultSchema = z.strictObject({
  records: z.number().int(),
  created: z.number().int(),
  skipped: z.number().int(),
  outcomes: z.number().int(),
});
export type EngagementImportResult = z.infer<typeof engagementImportResultSchema>;

// --- briefing pack ------------------------------------------------------------------------------

export const briefingSchema = z
  .strictObject({
    engagement: engagementSummarySchema,
    partner: stateCodeSchema,
    date: isoDateSchema,
    /** The partner's officials in the directory holding a position on the date. */
    officials: z.array(
      z.strictObject({
        personId: z.uuid(),
        nameEn: z.string(),
        nameRu: z.string(),
        titleEn: z.string(),
        titleRu: z.string(),
        agencyNameEn: z.string(),
        agencyNameRu: z.string(),
        /** Takes part in this engagement. */
        participant: z.boolean(),
      }),
    ),
    /** Every instrument to which both states (or their agencies) are parties or signatories, with each one's status on the date. */
    instruments: z.array(
      z.strictObject({
        id: z.uuid(),
        code: z.string(),
        kind: instrumentKindSchema,
        titleEn: z.string(),
        titleRu: z.string().nullable(),
        binding: z.boolean(),
        ours: partyStatusSchema,
        theirs: partyStatusSchema,
        termEnd: isoDateSchema.nullable(),
      }),
    ),
    negotiations: z.array(
      z.strictObject({
        id: z.uuid(),
        code: z.string(),
        titleEn: z.string(),
        titleRu: z.string().nullable(),
        stage: negotiationStageSchema.nullable(),
        stageOn: isoDateSchema.nullable(),
      }),
    ),
    previousEngagements: z.array(
      z.strictObject({ engagement: engagementSummarySchema, openActionItems: z.array(actionItemSchema) }),
    ),
    /** Cases between the two states, counted (never named): by kind, direction and status. */
    caseFigures: z.strictObject({
      total: z.number().int(),
      rows: z.array(
        z.strictObject({
          kind: z.enum(CASE_KINDS),
          direction: z.enum(DIRECTIONS),
          status: z.enum(CASE_STATUSES),
          count: z.number().int(),
        }),
      ),
    }),
    generatedAt: instantSchema,
  })
  .meta({ id: "Briefing" });
export type Briefing = z.infer<typeof briefingSchema>;

// --- owners of action items -------------------------------------------------------------------

/** Who may own an action item: active users whose role reads engagements, and the teams. */
export const actionOwnerOptionsSchema = z.strictObject({
  users: z.array(z.strictObject({ id: z.uuid(), username: z.string(), displayName: z.string() })),
  teams: z.array(z.strictObject({ id: z.uuid(), name: z.string() })),
});
export type ActionOwnerOptions = z.infer<typeof actionOwnerOptionsSchema>;
