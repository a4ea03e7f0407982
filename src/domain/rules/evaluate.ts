import type { Offence, Person } from "../cases/model.js";
import { type CaseKind, COERCIVE_MEASURES } from "../cases/vocabulary.js";
import type { StateCode } from "../directory/state-codes.js";
import type { ReservationPayload } from "../registry/schemas.js";
import { caveats } from "./caveats.js";
import { decisionIssues, followUpFindings, limitsOn, matchesRequirement } from "./decisions.js";
import { caseAnswer, FACT_SCOPES, offenceAnswer, personAnswer, personsFor } from "./facts.js";
import type { AdmissibilityInput, Context } from "./input.js";
import { CASE_SUBJECTS, type RuleInBasis, rulesOfLegalBasis } from "./legal-basis.js";
import type { Rule } from "./model.js";
import { askCrossCutting, Questionnaire, type UnknownFact } from "./questionnaire.js";
import { requestContent } from "./request-content.js";
import type { AdmissibilityResult, FactTrigger, RuleReference, ThresholdFinding } from "./schemas.js";
import type { FactQuestion } from "./vocabulary.js";

export { blockersFor, followUpsFor } from "./decisions.js";

/**
 * The admissibility checker (ARCHITECTURE.md §1, DOMAIN.md §4): from a case's header,
 * facts and events, and the rules of its legal basis, it lists the refusal grounds that
 * apply or may apply (with their article), the facts still unknown (a questionnaire), the
 * thresholds, the conditions to meet before a decision (an assurance, a consultation),
 * the content the request must carry and the follow-ups a refusal opens. It cites, it does
 * not decide: a mandatory ground does not stop a grant; only an unmet condition of the
 * legal basis blocks a decision, and only ours (an incoming case, where we are the
 * requested state). On an outgoing case the same checks flag the partner's decision.
 */

type Answer = boolean | null;
type Test = { fact: FactQuestion; expected: boolean };
type Evaluation = {
  status: "applies" | "may_apply" | "none";
  triggers: FactTrigger[];
  unknowns: UnknownFact[];
};

export function checkAdmissibility(input: AdmissibilityInput): AdmissibilityResult {
  const { header, facts } = input;
  const reciprocity = header.legalBasis?.type === "reciprocity";
  const codes = reciprocity ? [] : [...input.legalBasisCodes];
  const context: Context = {
    input,
    header,
    facts,
    overlays: input.overlays.filter(
      (overlay) =>
        codes.includes(overlay.instrumentCode) && (!overlay.effectiveOn || overlay.effectiveOn <= input.date),
    ),
  };
  const questions = new Questionnaire(header);
  const result: AdmissibilityResult = {
    caseKind: header.kind,
    direction: header.direction,
    basis: header.legalBasis?.type ?? null,
    legalBasisCodes: codes,
    grounds: [],
    judgementGrounds: [],
    missingFacts: [],
    conditions: [],
    refusalLimits: [],
    thresholds: [],
    requiredContent: [],
    followUps: [],
    followUpRules: [],
    notes: [],
    decisionIssues: [],
    caveats: [],
  };
  const incoming = header.direction === "incoming";

  const inBasis = rulesOfLegalBasis(input.rules, header, codes);
  const rulesById = new Map(inBasis.map(({ rule }) => [rule.id, rule]));
  for (const entry of inBasis) {
    const { rule, instrument } = entry;
    if (!inScope(rule, context)) continue;
    const reference: RuleReference = {
      ruleId: rule.id,
      article: rule.article,
      instrument,
      verified: rule.verified,
    };
    const text = {
      title: { en: rule.titleEn, ru: rule.titleRu },
      explanation: { en: rule.explanationEn, ru: rule.explanationRu },
    };
    switch (rule.kind) {
      case "mandatory_refusal":
      case "optional_refusal": {
        const kind = rule.kind === "mandatory_refusal" ? "mandatory" : "optional";
        if (testsOf(rule).length === 0) {
          result.judgementGrounds.push({ ...reference, kind, ground: rule.ground!, ...text });
          break;
        }
        const evaluation = evaluate(rule, context);
        if (evaluation.status === "none") break;
        questions.askAll(evaluation.unknowns, rule.id);
        result.grounds.push({
          ...reference,
          kind,
          ground: rule.ground!,
          ...text,
          status: evaluation.status,
          facts: evaluation.triggers,
          exceptions: rule.exceptions,
          limitedBy: [],
          advisory: rule.advisory ?? false,
        });
        break;
      }
      case "threshold":
        result.thresholds.push(...thresholdFindings(entry, context, questions));
        break;
      case "condition": {
        const evaluation = evaluate(rule, context);
        // A follow-up is opened by the refusal itself, whatever the facts say: it is listed
        // for every case of its kind so that a refusal on its grounds finds it.
        if (rule.followUp)
          result.followUpRules.push({
            ...reference,
            task: rule.followUp.task,
            onGrounds: rule.followUp.onGrounds,
            status: evaluation.status,
          });
        if (evaluation.status === "none") break;
        questions.askAll(evaluation.unknowns, rule.id);
        const status = evaluation.status;
        // A reservation may change the rule (Budapest 29(4) lets a state refuse preservation
        // without dual criminality): the checker cannot read free text, so it only advises.
        const reservedBy = reservingState(rule, instrument, context);
        const binding = incoming && status === "applies" && reservedBy === null;
        if (rule.requires) {
          const where = rule.requires.where ?? null;
          const met = input.events.some((event) => matchesRequirement(event, rule.requires!.event, where));
          result.conditions.push({
            ...reference,
            status,
            requires: { event: rule.requires.event, where },
            before: rule.requires.before,
            met,
            blocking: binding && !met,
            reservedBy,
            ...text,
          });
        }
        if (rule.refusalLimits) {
          result.refusalLimits.push({
            ...reference,
            status,
            forbidden: rule.refusalLimits.forbidden ?? [],
            forbiddenAlone: rule.refusalLimits.forbiddenAlone ?? [],
            onlyAllowed: rule.refusalLimits.onlyAllowed ?? null,
            reasonsRequired: rule.refusalLimits.reasonsRequired ?? false,
            blocking: binding,
            reservedBy,
            ...text,
          });
        }
        if (!rule.requires && !rule.refusalLimits && !rule.followUp)
          result.notes.push({ ...reference, status, ...text });
        break;
      }
      case "required_content":
      case "clock":
        break;
    }
  }

  for (const content of requestContent({ header, facts, legalBasisCodes: codes, rules: input.rules }))
    for (const item of content.items)
      result.requiredContent.push({ ruleId: content.ruleId, item: item.item, present: item.present });

  settleThresholds(result, rulesById);
  for (const ground of result.grounds) ground.limitedBy = limitsOn(ground.ground, result.refusalLimits);
  result.followUps = followUpFindings(result, input);
  result.decisionIssues = decisionIssues(result, input);
  askCrossCutting(questions, context);
  result.missingFacts = questions.list();
  result.caveats = caveats(result, context, reciprocity);
  return result;
}

// --- scope and facts -----------------------------------------------------------------------

/** The parts of `appliesWhen` that are not questions: kind, direction, measures, notices, overlays. */
function inScope(rule: Rule, context: Context): boolean {
  const when = rule.appliesWhen;
  const { header, facts, input } = context;
  if (when.caseKinds && !when.caseKinds.includes(header.kind)) return false;
  if (when.directions && !when.directions.includes(header.direction)) return false;
  if (when.measures && !facts.measures.some((measure) => when.measures!.includes(measure.kind))) return false;
  if (when.coercion) {
    const coercive = facts.measures.some((measure) => COERCIVE_MEASURES.includes(measure.kind));
    if (when.coercion === "coercive" && !coercive) return false;
    if (when.coercion === "non_coercive" && (coercive || facts.measures.length === 0)) return false;
  }
  if (
    when.notices &&
    !facts.notices.some((notice) => when.notices!.includes(notice.type) && current(notice, input.date))
  )
    return false;
  if (when.reservations) {
    const declared = context.overlays.some(
      (overlay) =>
        overlay.state === header.requestedState &&
        rule.instruments.includes(overlay.instrumentCode) &&
        when.reservations!.includes(overlay.payload.kind) &&
        concernsCaseKind(overlay.payload, header.kind),
    );
    if (!declared) return false;
  }
  return true;
}

/**
 * The requested state, when it made a reservation or declaration of the kind the rule's
 * `reservationsHook` names to the rule's instrument; otherwise null.
 */
function reservingState(rule: Rule, instrument: string, context: Context): StateCode | null {
  if (!rule.reservationsHook) return null;
  const found = context.overlays.find(
    (overlay) =>
      overlay.state === context.header.requestedState &&
      overlay.instrumentCode === instrument &&
      overlay.payload.kind === rule.reservationsHook,
  );
  return found ? found.state : null;
}

function current(notice: { issuedOn?: string | null; expiresOn?: string | null }, date: string): boolean {
  return (!notice.issuedOn || notice.issuedOn <= date) && (!notice.expiresOn || notice.expiresOn >= date);
}

/** A reservation limited to subjects ("own nationals, for extradition") concerns only those cases. */
function concernsCaseKind(payload: ReservationPayload, kind: CaseKind): boolean {
  if (payload.kind !== "own_nationals" || !payload.subjects?.length) return true;
  return payload.subjects.some((subject) => CASE_SUBJECTS[kind].includes(subject));
}

function testsOf(rule: Rule): Test[] {
  return [
    ...(rule.appliesWhen.facts ?? []).map((fact) => ({ fact, expected: true })),
    ...(rule.appliesWhen.notFacts ?? []).map((fact) => ({ fact, expected: false })),
    ...(rule.appliesWhen.purposes ? [{ fact: "purpose" as const, expected: true }] : []),
  ];
}

/**
 * A rule's facts are tested on each offence and each person concerned: "the offence is
 * political" holds if one offence is. The rule applies if some offence (and person) meets
 * every test, may apply if none fails a test but some answer is unknown, and otherwise
 * does not apply.
 */
function evaluate(rule: Rule, context: Context): Evaluation {
  const tests = testsOf(rule);
  const { header, facts } = context;
  const usesOffences = tests.some((test) => FACT_SCOPES[test.fact] === "offence");
  const personFacts = tests.filter((test) => FACT_SCOPES[test.fact] === "person");
  const offences: (Offence | null)[] = usesOffences && facts.offences.length > 0 ? facts.offences : [null];
  let persons: (Person | null)[] = [null];
  if (personFacts.length > 0) {
    const concerned = personFacts.reduce(
      (candidates, test) => personsFor(test.fact, candidates),
      facts.persons as Person[],
    );
    if (concerned.length > 0) persons = concerned;
  }

  // A rule with no tests applies to every case in its scope: one combination, met.
  let applies = false;
  let uncertainAtAll = false;
  const applying: FactTrigger[] = [];
  const uncertain: FactTrigger[] = [];
  const unknowns: Evaluation["unknowns"] = [];
  for (const offence of offences) {
    for (const person of persons) {
      const answers = tests.map((test) => ({
        test,
        value: answer(test.fact, rule, offence, person, context),
      }));
      if (answers.some(({ test, value }) => value !== null && value !== test.expected)) continue;
      const triggers = answers.map(({ test, value }) => ({
        fact: test.fact,
        value: test.fact === "purpose" ? (header.purpose ?? null) : value,
        offenceId: FACT_SCOPES[test.fact] === "offence" ? (offence?.id ?? null) : null,
        personId: FACT_SCOPES[test.fact] === "person" ? (person?.id ?? null) : null,
      }));
      const open = answers.filter(({ value }) => value === null);
      if (open.length === 0) {
        applies = true;
        applying.push(...triggers);
      } else {
        uncertainAtAll = true;
        uncertain.push(...triggers);
        for (const { test } of open)
          unknowns.push({
            question: test.fact,
            offence: FACT_SCOPES[test.fact] === "offence" ? offence : null,
            person: FACT_SCOPES[test.fact] === "person" ? person : null,
          });
      }
    }
  }
  if (applies) return { status: "applies", triggers: distinctTriggers(applying), unknowns };
  if (uncertainAtAll) return { status: "may_apply", triggers: distinctTriggers(uncertain), unknowns };
  return { status: "none", triggers: [], unknowns: [] };
}

function answer(
  fact: FactQuestion,
  rule: Rule,
  offence: Offence | null,
  person: Person | null,
  context: Context,
): Answer {
  if (fact === "purpose") {
    const purpose = context.header.purpose;
    return purpose ? (rule.appliesWhen.purposes ?? []).includes(purpose) : null;
  }
  switch (FACT_SCOPES[fact]) {
    case "offence":
      return offence ? offenceAnswer(fact, offence) : null;
    case "person":
      return person ? personAnswer(fact, person, context.header) : null;
    case "case":
      return caseAnswer(fact, context.facts);
  }
}

function distinctTriggers(triggers: FactTrigger[]): FactTrigger[] {
  const seen = new Map<string, FactTrigger>();
  for (const trigger of triggers)
    seen.set(`${trigger.fact}|${trigger.offenceId}|${trigger.personId}|${trigger.value}`, trigger);
  return [...seen.values()];
}

// --- thresholds ------------------------------------------------------------------------------

/**
 * A threshold is tested offence by offence: the maximum penalty for prosecution, the
 * sentence for enforcement (DOMAIN.md §4.10.3). Life imprisonment or death passes any
 * prosecution threshold, whatever the months recorded.
 */
function thresholdFindings(
  entry: RuleInBasis,
  context: Context,
  questions: Questionnaire,
): ThresholdFinding[] {
  const { rule, instrument } = entry;
  const purpose = context.header.purpose ?? null;
  const base = {
    ruleId: rule.id,
    article: rule.article,
    instrument,
    verified: rule.verified,
    purpose,
    advisory: rule.advisory ?? false,
    displacedBy: null,
  };
  const offences: (Offence | null)[] = context.facts.offences.length > 0 ? context.facts.offences : [null];
  if (!purpose) {
    questions.ask("purpose", null, null, rule.id);
    return offences.map((offence) => ({
      ...base,
      offenceId: offence?.id ?? null,
      requiredMonths: null,
      actualMonths: null,
      passes: null,
    }));
  }
  const requiredMonths =
    purpose === "prosecution" ? rule.threshold?.prosecutionMonths : rule.threshold?.enforcementMonths;
  // Budapest sets no enforcement minimum: the rule says nothing about that purpose.
  if (requiredMonths === undefined) return [];
  return offences.map((offence) => {
    const actualMonths =
      (purpose === "prosecution" ? offence?.maximumPenaltyMonths : offence?.sentenceMonths) ?? null;
    const severest =
      purpose === "prosecution" && (offence?.lifeImprisonment === true || offence?.deathPenalty === true);
    let passes: boolean | null;
    if (actualMonths !== null) passes = actualMonths >= requiredMonths || severest;
    else if (severest) passes = true;
    else {
      passes = null;
      questions.ask(purpose === "prosecution" ? "maximum_penalty" : "sentence", offence, null, rule.id);
    }
    return { ...base, offenceId: offence?.id ?? null, requiredMonths, actualMonths, passes };
  });
}

/**
 * A minimum that yields to an extradition treaty's (Budapest 24(1)(b)) is displaced where
 * another instrument of the basis sets one; then every treaty threshold that fails, or
 * cannot be tested, becomes a ground: the offence is not extraditable under that treaty.
 */
function settleThresholds(result: AdmissibilityResult, rulesById: ReadonlyMap<string, Rule>): void {
  const findingsByRule = new Map<string, ThresholdFinding[]>();
  for (const finding of result.thresholds) {
    const list = findingsByRule.get(finding.ruleId) ?? [];
    list.push(finding);
    findingsByRule.set(finding.ruleId, list);
  }
  const yielding = new Set(
    result.thresholds
      .filter((finding) => rulesById.get(finding.ruleId)?.threshold?.yieldsToExtraditionTreaty === true)
      .map((finding) => finding.ruleId),
  );
  for (const finding of result.thresholds) {
    if (!yielding.has(finding.ruleId)) continue;
    const treaty = result.thresholds.find(
      (other) => !other.advisory && other.instrument !== finding.instrument && !yielding.has(other.ruleId),
    );
    finding.displacedBy = treaty?.ruleId ?? null;
  }
  for (const [ruleId, findings] of findingsByRule) {
    const first = findings[0]!;
    if (first.advisory || first.displacedBy) continue;
    const failing = findings.filter((finding) => finding.passes === false);
    const open = findings.filter((finding) => finding.passes === null);
    if (failing.length === 0 && open.length === 0) continue;
    const rule = rulesById.get(ruleId)!;
    const fact: FactQuestion = first.purpose === "enforcement" ? "sentence" : "maximum_penalty";
    result.grounds.push({
      ruleId,
      article: first.article,
      instrument: first.instrument,
      verified: first.verified,
      kind: "mandatory",
      ground: rule.ground ?? "below_threshold",
      title: { en: rule.titleEn, ru: rule.titleRu },
      explanation: { en: rule.explanationEn, ru: rule.explanationRu },
      status: failing.length > 0 ? "applies" : "may_apply",
      facts: (failing.length > 0 ? failing : open).map((finding) => ({
        fact: first.purpose ? fact : "purpose",
        value: finding.actualMonths,
        offenceId: finding.offenceId,
        personId: null,
      })),
      exceptions: rule.exceptions,
      limitedBy: [],
      advisory: false,
    });
  }
}
