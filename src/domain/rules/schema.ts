import { z } from "zod";
import { CASE_KINDS, DIRECTIONS, MEASURE_KINDS } from "../cases/vocabulary.js";

/**
 * Rules are data with citations (ARCHITECTURE.md §1, DOMAIN.md §4): one JSON file per
 * instrument family in data/rules/, validated by this schema when loaded. The checker
 * (evaluate.ts) and the clock engine (clocks/) read them; no rule is a code path.
 */

export const RULE_KINDS = [
  "mandatory_refusal",
  "optional_refusal",
  "condition",
  "threshold",
  "clock",
  "required_content",
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Case facts a condition can test; the checker asks for them when they are unknown. */
export const FACT_QUESTIONS = [
  "political",
  "military",
  "fiscal",
  "discrimination_risk",
  "own_national",
  "committed_in_requested_state",
  "time_barred",
  "final_judgment_in_requested_state",
  "pending_proceedings_in_requested_state",
  "amnestied",
  "death_penalty",
  "requested_state_abolished_death_penalty",
  "punishable_in_requested_state",
  "essential_interests",
  "in_absentia",
  "maximum_penalty",
  "sentence",
  "person_consented",
] as const;
export type FactQuestion = (typeof FACT_QUESTIONS)[number];

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
  /** Facts that must be false or absent. */
  notFacts: z.array(z.enum(FACT_QUESTIONS)).optional(),
});
export type AppliesWhen = z.infer<typeof appliesWhenSchema>;

/** A clock: a deadline counted from the date of a case event (clocks/compute.ts). */
export const clockSpecSchema = z.strictObject({
  /** The event type whose `on` date starts the clock: provisional_arrest, surrender_date_set, ... */
  from: z.string().regex(/^[a-z_]+$/),
  /** Start from the event's payload field instead of `on` (surrender_date_set.surrenderOn). */
  fromField: z
    .string()
    .regex(/^[a-zA-Z]+$/)
    .optional(),
  days: z.number().int().min(1).max(3650),
  /** Calendar days (treaty periods) or business days of a state's calendar. */
  dayKind: z.enum(["calendar", "business"]),
  /** Whose holidays count, and which end date is rolled forward past a holiday. */
  calendarOf: z.enum(["requested", "requesting"]).default("requested"),
  /** What happens at the deadline, in both languages, for the derivation text. */
  consequenceEn: z.string().min(1).max(300),
  consequenceRu: z.string().min(1).max(300),
  /** Events that stop the clock (the request arrived, the person was released or surrendered). */
  stoppedBy: z.array(z.string().regex(/^[a-z_]+$/)).default([]),
  /** Days before the deadline when reminders are sent. */
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
    })
    .optional(),
  clock: clockSpecSchema.optional(),
  /** For required content: the items a request must carry (request-content checks). */
  contentItems: z.array(z.string().regex(/^[a-z_]{2,60}$/)).optional(),
  /** For conditions: what must be recorded first. */
  requires: z
    .strictObject({
      /** An event that must exist before the `before` event can be appended. */
      event: z.string().regex(/^[a-z_]+$/),
      /** Optional payload filter, e.g. { "kind": "death_penalty" } for assurance_recorded. */
      where: z.record(z.string(), z.string()).optional(),
      /** The event (and outcome) this condition gates: decided:granted, decided:refused. */
      before: z.string().regex(/^[a-z_]+(:[a-z_]+)?$/),
    })
    .optional(),
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
