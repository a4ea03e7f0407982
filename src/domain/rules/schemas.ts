import { z } from "zod";
import { CASE_KINDS, DIRECTIONS } from "../cases/vocabulary.js";
import { stateCodeSchema } from "../directory/state-codes.js";
import { isoDateSchema } from "../platform/dates.js";
import { bilingualSchema } from "../platform/schemas.js";
import { followUpTaskSchema } from "./model.js";
import { FACT_QUESTIONS } from "./vocabulary.js";

/**
 * The admissibility checker's findings as the API shows them. The checker (evaluate.ts)
 * returns exactly these types, so the OpenAPI document shows any change to what it finds,
 * and the web app reads the findings through these schemas, never through the evaluator.
 */

const factQuestionSchema = z.enum(FACT_QUESTIONS);
const findingStatusSchema = z.enum(["applies", "may_apply"]);

/** Which rule a finding comes from: its id, article and instrument, and whether a lawyer checked it. */
const ruleReferenceFields = {
  ruleId: z.string(),
  article: z.string(),
  instrument: z.string(),
  verified: z.boolean(),
};

export const factTriggerSchema = z.strictObject({
  fact: factQuestionSchema,
  /** The answer the rule read: a yes/no, a number of months, a choice, or null when unknown. */
  value: z.union([z.boolean(), z.number(), z.string()]).nullable(),
  offenceId: z.string().nullable(),
  personId: z.string().nullable(),
});
export type FactTrigger = z.infer<typeof factTriggerSchema>;

export const ruleReferenceSchema = z.strictObject(ruleReferenceFields);
export type RuleReference = z.infer<typeof ruleReferenceSchema>;

export const groundFindingSchema = z
  .strictObject({
    ...ruleReferenceFields,
    kind: z.enum(["mandatory", "optional"]),
    ground: z.string(),
    title: bilingualSchema,
    explanation: bilingualSchema,
    /** applies: the facts trigger it; may_apply: a fact it needs is unknown. */
    status: findingStatusSchema,
    facts: z.array(factTriggerSchema),
    exceptions: z.array(z.string()),
    /** Rules of the basis that limit this ground (fiscal grounds not alone: UNTOC 16(15)). */
    limitedBy: z.array(z.string()),
    advisory: z.boolean(),
  })
  .meta({ id: "GroundFinding" });
export type GroundFinding = z.infer<typeof groundFindingSchema>;

/** A ground the instrument gives that no recorded fact can test: the officer weighs it. */
export const judgementGroundSchema = z.strictObject({
  ...ruleReferenceFields,
  kind: z.enum(["mandatory", "optional"]),
  ground: z.string(),
  title: bilingualSchema,
  explanation: bilingualSchema,
});
export type JudgementGround = z.infer<typeof judgementGroundSchema>;

export const missingFactSchema = z
  .strictObject({
    question: factQuestionSchema,
    asks: bilingualSchema,
    offenceId: z.string().nullable(),
    personId: z.string().nullable(),
    /** The rules that need the answer; empty when only the cross-cutting checks ask it. */
    ruleIds: z.array(z.string()),
    /** Asked whatever the legal basis (DOMAIN.md §4.10: always ask). */
    crossCutting: z.boolean(),
  })
  .meta({ id: "MissingFact" });
export type MissingFact = z.infer<typeof missingFactSchema>;

export const conditionFindingSchema = z
  .strictObject({
    ...ruleReferenceFields,
    status: findingStatusSchema,
    requires: z.strictObject({ event: z.string(), where: z.record(z.string(), z.string()).nullable() }),
    before: z.string(),
    /** The required event is in the case's events. */
    met: z.boolean(),
    /** An unmet condition that applies to our own decision (incoming case): the gated event is refused. */
    blocking: z.boolean(),
    /** The state whose reservation or declaration may change the rule: then it only advises. */
    reservedBy: stateCodeSchema.nullable(),
    title: bilingualSchema,
    explanation: bilingualSchema,
  })
  .meta({ id: "ConditionFinding" });
export type ConditionFinding = z.infer<typeof conditionFindingSchema>;

export const refusalLimitFindingSchema = z.strictObject({
  ...ruleReferenceFields,
  status: findingStatusSchema,
  forbidden: z.array(z.string()),
  forbiddenAlone: z.array(z.string()),
  onlyAllowed: z.array(z.string()).nullable(),
  reasonsRequired: z.boolean(),
  blocking: z.boolean(),
  reservedBy: stateCodeSchema.nullable(),
  title: bilingualSchema,
  explanation: bilingualSchema,
});
export type RefusalLimitFinding = z.infer<typeof refusalLimitFindingSchema>;

export const thresholdFindingSchema = z.strictObject({
  ...ruleReferenceFields,
  offenceId: z.string().nullable(),
  purpose: z.enum(["prosecution", "enforcement"]).nullable(),
  requiredMonths: z.number().int().nullable(),
  actualMonths: z.number().int().nullable(),
  /** null: the penalty, the sentence or the purpose is unknown. */
  passes: z.boolean().nullable(),
  /** Advice only (INTERPOL's threshold), never a treaty ground. */
  advisory: z.boolean(),
  /** The rule whose minimum applies instead (Budapest art. 24(1)(b)). */
  displacedBy: z.string().nullable(),
});
export type ThresholdFinding = z.infer<typeof thresholdFindingSchema>;

export const requiredContentFindingSchema = z.strictObject({
  ruleId: z.string(),
  item: z.string(),
  present: z.boolean().nullable(),
});
export type RequiredContentFinding = z.infer<typeof requiredContentFindingSchema>;

export const followUpFindingSchema = z.strictObject({
  ...ruleReferenceFields,
  task: followUpTaskSchema,
  onGrounds: z.array(z.string()),
  /**
   * on_refusal: a refusal on these grounds would open it; due: a refusal was decided and the
   * task is not yet opened; opened: a follow_up_opened event records it.
   */
  status: z.enum(["on_refusal", "due", "opened"]),
  decidedOn: isoDateSchema.nullable(),
  note: bilingualSchema,
});
export type FollowUpFinding = z.infer<typeof followUpFindingSchema>;

/** A condition with nothing to check mechanically: a reminder shown to the officer. */
export const noteFindingSchema = z.strictObject({
  ...ruleReferenceFields,
  status: findingStatusSchema,
  title: bilingualSchema,
  explanation: bilingualSchema,
});
export type NoteFinding = z.infer<typeof noteFindingSchema>;

const blockerFields = {
  ...ruleReferenceFields,
  reason: z.enum(["condition_unmet", "refusal_limit"]),
  message: bilingualSchema,
};
/** What stops our decision: an unmet condition or a limit on the grounds of refusal. */
export const blockerSchema = z.strictObject(blockerFields);
export type Blocker = z.infer<typeof blockerSchema>;

/** A recorded decision that an applicable condition or limit would have stopped (or a partner's, flagged). */
export const decisionIssueSchema = z.strictObject({ ...blockerFields, eventIndex: z.number().int() });
export type DecisionIssue = z.infer<typeof decisionIssueSchema>;

export const caveatSchema = z.strictObject({
  code: z.string(),
  text: bilingualSchema,
  ruleIds: z.array(z.string()),
});
export type Caveat = z.infer<typeof caveatSchema>;

export const followUpRuleSchema = z.strictObject({
  ...ruleReferenceFields,
  task: followUpTaskSchema,
  onGrounds: z.array(z.string()),
  /** Whether the rule's facts hold (a sought person is an own national). */
  status: z.enum(["applies", "may_apply", "none"]),
});
export type FollowUpRule = z.infer<typeof followUpRuleSchema>;

export const admissibilityResultSchema = z.strictObject({
  caseKind: z.enum(CASE_KINDS),
  direction: z.enum(DIRECTIONS),
  basis: z.enum(["instrument", "reciprocity"]).nullable(),
  legalBasisCodes: z.array(z.string()),
  grounds: z.array(groundFindingSchema),
  judgementGrounds: z.array(judgementGroundSchema),
  missingFacts: z.array(missingFactSchema),
  conditions: z.array(conditionFindingSchema),
  refusalLimits: z.array(refusalLimitFindingSchema),
  thresholds: z.array(thresholdFindingSchema),
  requiredContent: z.array(requiredContentFindingSchema),
  followUps: z.array(followUpFindingSchema),
  /** Every follow-up rule of the basis for this kind of case, for followUpsFor. */
  followUpRules: z.array(followUpRuleSchema),
  notes: z.array(noteFindingSchema),
  decisionIssues: z.array(decisionIssueSchema),
  caveats: z.array(caveatSchema),
});
export type AdmissibilityResult = z.infer<typeof admissibilityResultSchema>;

// --- what the request must contain ---------------------------------------------------------------

export const contentItemStatusSchema = z.strictObject({
  item: z.string(),
  labelEn: z.string(),
  labelRu: z.string(),
  /** true: the facts show it; false: they do not; null: the facts cannot show it, confirm by hand. */
  present: z.boolean().nullable(),
  /** What to add or confirm; null when present. */
  hintEn: z.string().nullable(),
  hintRu: z.string().nullable(),
});
export type ContentItemStatus = z.infer<typeof contentItemStatusSchema>;

export const requestContentSchema = z
  .strictObject({
    instrumentCode: z.string(),
    ruleId: z.string(),
    article: z.string(),
    titleEn: z.string(),
    titleRu: z.string(),
    verified: z.boolean(),
    items: z.array(contentItemStatusSchema),
  })
  .meta({ id: "RequestContent" });
export type RequestContent = z.infer<typeof requestContentSchema>;

/** The checker's findings on a case, with what the request must contain under its legal basis. */
export const checkerResultSchema = admissibilityResultSchema
  .extend({ requestContent: z.array(requestContentSchema) })
  .meta({ id: "CheckerResult" });
export type CheckerResult = z.infer<typeof checkerResultSchema>;
