/**
 * The words of the rules: kinds of rule, the facts a rule can ask about, and the refusal
 * grounds a decision and the statistics count by. Constants only, shared with the web app.
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
  "purpose",
] as const;
export type FactQuestion = (typeof FACT_QUESTIONS)[number];

/**
 * The questions that have a yes/no answer, the only ones `facts` and `notFacts` can name.
 * The others are amounts or choices that thresholds read (a penalty, a sentence, the
 * purpose of an extradition).
 */
export const YES_NO_FACTS = FACT_QUESTIONS.filter(
  (question) => question !== "maximum_penalty" && question !== "sentence" && question !== "purpose",
);

/**
 * Normalised refusal grounds, the codes of `ground` and of a decision's grounds: reports
 * count refusals by these codes ("refused 42 times on political grounds"), so a rule file
 * cannot invent a new spelling of an existing ground.
 */
export const REFUSAL_GROUNDS = [
  "political_offence",
  "discrimination",
  "military_offence",
  "fiscal_offence",
  "own_national",
  "territoriality",
  "pending_proceedings",
  "ne_bis_in_idem",
  "lapse_of_time",
  "death_penalty",
  "in_absentia",
  "amnesty",
  "essential_interests",
  "no_dual_criminality",
  "below_threshold",
  "bank_secrecy",
  "private_prosecution",
  "non_conformity",
  "domestic_law_prohibits",
  "contrary_to_legal_system",
  "other",
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];
