import { z } from "zod";
import { caseEventPayloads } from "../cases/model.js";
import { CASE_KINDS, DIRECTIONS, MEASURE_KINDS } from "../cases/vocabulary.js";
import { RESERVATION_KINDS } from "../registry/vocabulary.js";
import { FACT_QUESTIONS, RULE_KINDS } from "./vocabulary.js";

/**
 * Rules are data with citations (ARCHITECTURE.md §1, DOMAIN.md §4): one JSON file per
 * instrument family in data/rules/, validated by this schema when loaded. The checker
 * (evaluate.ts) and the clock engine (clocks/) read them; no rule is a code path.
 */

/** The follow-up tasks a rule can open, the same list as the `follow_up_opened` event's. */
export const followUpTaskSchema = caseEventPayloads.follow_up_opened.shape.task;
export type FollowUpTask = z.infer<typeof followUpTaskSchema>;

/** When a rule applies: every listed condition must hold (an omitted one does not restrict). */
export const appliesWhenSchema = z.strictObject({
  caseKinds: z.array(z.enum(CASE_KINDS)).min(1).optional(),
  directions: z.array(z.enum(DIRECTIONS)).min(1).optional(),
  purposes: z
    .array(z.enum(["prosecution", "enforcement"]))
    .min(1)
    .optional(),
  /** Only where the case asks for one of these measures. */
  measures: z.array(z.enum(MEASURE_KINDS)).min(1).optional(),
  /** Facts that must be true ("political": some offence is political). */
  facts: z.array(z.enum(FACT_QUESTIONS)).optional(),
  /**
   * Facts that must be false. An unknown one, like an unknown `facts` entry, makes the
   * rule "may apply" and puts the question on the questionnaire.
   */
  notFacts: z.array(z.enum(FACT_QUESTIONS)).optional(),
  /**
   * Only where the case refers to an INTERPOL notice of one of these types that is current
   * on the date of the check ("red" for the Red Notice threshold, IP-83).
   */
  notices: z
    .array(z.string().regex(/^[a-z_]{2,30}$/))
    .min(1)
    .optional(),
  /**
   * Only where the requested state made a reservation or declaration of one of these kinds
   * to an instrument of the rule (a state overlay, such as "own nationals are not extradited").
   */
  reservations: z.array(z.enum(RESERVATION_KINDS)).min(1).optional(),
  /**
   * "non_coercive": only where every measure asked for is non-coercive (UNCAC 46(9)(b));
   * "coercive": only where at least one is (COERCIVE_MEASURES of the case vocabulary).
   */
  coercion: z.enum(["coercive", "non_coercive"]).optional(),
});
export type AppliesWhen = z.infer<typeof appliesWhenSchema>;

/** A case event type, as clock specs name them (checked against the model by clocks/check-clock-spec.ts). */
const clockEventType = z.string().regex(/^[a-z_]+$/);
/** A payload filter: each named field must hold one of the values listed. */
const payloadFilterSchema = z.record(z.string().regex(/^[a-zA-Z]+$/), z.array(z.string().min(1)).min(1));

/**
 * A clock: a period counted from the date of a case event (clocks/compute.ts). Every field
 * added after the first version is optional or defaulted, so older clock rules still parse.
 */
export const clockSpecSchema = z.strictObject({
  /** The event type whose `on` date starts the clock: provisional_arrest, surrender_date_set, ... */
  from: clockEventType,
  /** Start from the event's payload field instead of `on` (surrender_date_set.surrenderOn). */
  fromField: z
    .string()
    .regex(/^[a-zA-Z]+$/)
    .optional(),
  /** Only start events whose payload matches ({ "status": ["executed"] } for a measure change). */
  fromWhere: payloadFilterSchema.optional(),
  /** Only start events about a measure of one of these kinds (the event's measureId, in the case's facts). */
  fromMeasureKinds: z.array(z.enum(MEASURE_KINDS)).min(1).optional(),
  days: z.number().int().min(1).max(3650),
  /** Calendar days (treaty periods) or business days of a state's calendar. */
  dayKind: z.enum(["calendar", "business"]),
  /**
   * Whose weekends and public holidays count. A calendar-day period is never moved by them
   * ("in no case exceed 40 days"): the engine reports a last day that falls on one and
   * gives the working day before it as the practical last day.
   */
  calendarOf: z.enum(["requested", "requesting"]).default("requested"),
  /**
   * "deadline": something must happen by the last day (release, receipt of the request).
   * "minimum": something must last at least until the last day (Budapest art. 29(7):
   * preservation for not less than 60 days); it ends "elapsed", never "overdue".
   */
  period: z.enum(["deadline", "minimum"]).default("deadline"),
  /** What happens at the deadline, in both languages, put before the date in the derivation. */
  consequenceEn: z.string().min(1).max(300),
  consequenceRu: z.string().min(1).max(300),
  /** The article as a Russian derivation cites it, where writing "ст." for "art." is not enough. */
  articleRu: z.string().min(1).max(100).optional(),
  /**
   * Events that stop the clock when they come after its start, in the order of legal dates
   * (the request arrived, the person was released or surrendered).
   */
  stoppedBy: z.array(clockEventType).default([]),
  /** Payload filters on stop events, by event type ({ "correspondence_logged": { "direction": ["out"] } }). */
  stoppedWhere: z.record(clockEventType, payloadFilterSchema).optional(),
  /**
   * Stop events that also meet the clock when they came before its start: the request
   * received before the arrest leaves nothing to wait for. Each must be in `stoppedBy`.
   */
  alreadyMetBy: z.array(clockEventType).default([]),
  /**
   * Events that end what a start event began (a release ends a custody). A start event
   * after one of them starts a new clock; a start event of the same person or measure with
   * none of them in between corrects the earlier one, and the later-recorded date counts.
   */
  newClockAfter: z.array(clockEventType).default([]),
  /**
   * A model-treaty period (UN Model Treaty on Extradition art. 9), computed only where no
   * clock of the legal basis starts from the same event, and always shown as advice.
   */
  fallback: z.boolean().default(false),
  /** Days before the (practical) last day when reminders are due. */
  remindDaysBefore: z.array(z.number().int().min(0).max(365)).default([7, 3, 1]),
});
export type ClockSpec = z.infer<typeof clockSpecSchema>;

export const ruleSchema = z.strictObject({
  /** Stable id from DOMAIN.md: E24-3.1, M30-2a, MN-62, T18-8, B29-7. */
  id: z.string().regex(/^[A-Z][A-Za-z0-9.-]{1,39}$/),
  /** Registry codes of the instruments the rule belongs to (the legal basis must be one). */
  instruments: z.array(z.string().regex(/^[A-Z0-9][A-Z0-9._-]{1,47}$/)).min(1),
  /** "art. 16(4)". */
  article: z.string().min(1).max(100),
  kind: z.enum(RULE_KINDS),
  /** A normalised ground code for refusals (statistics by ground): political_offence, own_national. */
  ground: z
    .string()
    .regex(/^[a-z_]{2,40}$/)
    .optional(),
  titleEn: z.string().min(1).max(300),
  titleRu: z.string().min(1).max(300),
  /** The explanation shown to the officer, citing the text. */
  explanationEn: z.string().min(1).max(4000),
  explanationRu: z.string().min(1).max(4000),
  appliesWhen: appliesWhenSchema.default({}),
  /** For thresholds: minimum maximum penalty (prosecution) or sentence (enforcement), in months. */
  threshold: z
    .strictObject({
      prosecutionMonths: z.number().int().min(0).optional(),
      enforcementMonths: z.number().int().min(0).optional(),
      /**
       * The minimum gives way to the minimum of an extradition treaty of the legal basis
       * (Budapest art. 24(1)(b): "the minimum penalty provided for under such arrangement
       * or treaty shall apply").
       */
      yieldsToExtraditionTreaty: z.boolean().optional(),
    })
    .optional(),
  clock: clockSpecSchema.optional(),
  /** For required content: the items a request must carry (request-content checks). */
  contentItems: z.array(z.string().regex(/^[a-z_]{2,60}$/)).optional(),
  /**
   * Items needed only for some requests: `whenMeasures`, only where one of these measures
   * is asked for (the address of the person to be served); `unlessOnlyMeasures`, not where
   * every measure is one of these (no summary of facts for service of documents only).
   */
  contentItemScopes: z
    .record(
      z.string().regex(/^[a-z_]{2,60}$/),
      z.strictObject({
        whenMeasures: z.array(z.enum(MEASURE_KINDS)).min(1).optional(),
        unlessOnlyMeasures: z.array(z.enum(MEASURE_KINDS)).min(1).optional(),
      }),
    )
    .optional(),
  /** For conditions: what must be recorded first. */
  requires: z
    .strictObject({
      /** An event that must exist before the `before` event can be appended. */
      event: z.string().regex(/^[a-z_]+$/),
      /** Optional payload filter, e.g. { "kind": "death_penalty" } for assurance_recorded. */
      where: z.record(z.string(), z.string()).optional(),
      /**
       * The event (and outcome) this condition gates: decided:granted, decided:refused. A
       * partial grant is both a grant and a refusal, so either gates `partially_granted`.
       */
      before: z.string().regex(/^[a-z_]+(:[a-z_]+)?$/),
    })
    .optional(),
  /**
   * For conditions: a task to open when the request is refused on one of these grounds
   * (aut dedere aut judicare: a refused own national is submitted for prosecution).
   */
  followUp: z
    .strictObject({
      task: followUpTaskSchema,
      onGrounds: z.array(z.string().regex(/^[a-z_]{2,40}$/)).min(1),
    })
    .optional(),
  /**
   * For conditions: limits on the grounds a refusal may give. `forbidden`: never a ground
   * (bank secrecy, UNTOC 18(8)); `forbiddenAlone`: not a ground on its own (fiscal matters,
   * UNTOC 16(15)); `onlyAllowed`: no other ground (preservation, Budapest 29(5));
   * `reasonsRequired`: a refusal must give its grounds (CETS 024 art. 18(2)).
   */
  refusalLimits: z
    .strictObject({
      forbidden: z.array(z.string().regex(/^[a-z_]{2,40}$/)).optional(),
      forbiddenAlone: z.array(z.string().regex(/^[a-z_]{2,40}$/)).optional(),
      onlyAllowed: z.array(z.string().regex(/^[a-z_]{2,40}$/)).optional(),
      reasonsRequired: z.boolean().optional(),
    })
    .optional(),
  /**
   * Registry codes of instruments that replace this rule between their parties: where one
   * of them is also in force between the pair, the rule is not applied (CETS 098 chapter II
   * replaces CETS 024 art. 5).
   */
  displacedBy: z.array(z.string().regex(/^[A-Z0-9][A-Z0-9._-]{1,47}$/)).optional(),
  /**
   * Not a rule of a treaty between the two states (INTERPOL's Rules on the Processing of
   * Data): applied whatever the legal basis, and shown as advice, never as a treaty ground.
   */
  advisory: z.boolean().optional(),
  /** Carve-outs, in words, with their article ("the life of a Head of State is not political, 3.3"). */
  exceptions: z.array(z.string().min(1).max(1000)).default([]),
  /** A reservation or declaration kind of the registry that can change or disapply the rule. */
  reservationsHook: z.string().max(200).optional(),
  /** Where the text was checked: a URL or a citation. */
  source: z.string().min(1).max(1000),
  /** false for DOMAIN.md's [U] items: shown in the product so a lawyer can confirm them. */
  verified: z.boolean(),
});
export type Rule = z.infer<typeof ruleSchema>;

export const ruleFileSchema = z.strictObject({
  /** A title for the file: "European Convention on Extradition (CETS 024)". */
  title: z.string().min(1).max(300),
  rules: z.array(ruleSchema).min(1),
});
export type RuleFile = z.infer<typeof ruleFileSchema>;
