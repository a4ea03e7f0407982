import type { CaseEventInput, DecisionGround } from "../cases/model.js";
import type { Bilingual } from "../platform/schemas.js";
import type { AdmissibilityInput } from "./input.js";
import type { FollowUpTask } from "./model.js";
import type {
  AdmissibilityResult,
  Blocker,
  ConditionFinding,
  DecisionIssue,
  FollowUpFinding,
  RefusalLimitFinding,
  RuleReference,
} from "./schemas.js";

/**
 * What the checker's result means for a decision: the conditions and limits that refuse
 * appending it (the server answers 409 with these messages), the follow-ups it opens, and
 * the recorded decisions that a condition or limit would have stopped (on an outgoing
 * case, the partner's decisions, flagged).
 */

const REFUSALS = new Set(["refused", "partially_granted"]);
const GRANTS = new Set(["granted", "partially_granted"]);

/** The conditions of the legal basis that refuse appending this event now (the server answers 409). */
export function blockersFor(result: AdmissibilityResult, event: CaseEventInput): Blocker[] {
  const blockers: Blocker[] = [];
  for (const condition of result.conditions) {
    if (!condition.blocking || !gates(condition.before, event)) continue;
    blockers.push(conditionBlocker(condition));
  }
  if (event.type === "decided" && REFUSALS.has(event.payload.outcome))
    for (const limit of result.refusalLimits)
      if (limit.blocking) blockers.push(...limitBreaches(limit, event.payload.grounds));
  return blockers;
}

/** The follow-ups that appending this decision opens: a refusal on an own national's nationality. */
export function followUpsFor(
  result: AdmissibilityResult,
  event: CaseEventInput,
): { ruleId: string; task: FollowUpTask; note: Bilingual }[] {
  if (event.type !== "decided" || !REFUSALS.has(event.payload.outcome)) return [];
  const codes = groundCodes(event.payload.grounds, result);
  // Two instruments of the basis can require the same task (CETS 024 art. 6(2) and UNTOC
  // 16(10)): the case gets one task, cited under the first rule.
  const tasks = new Map<FollowUpTask, { ruleId: string; task: FollowUpTask; note: Bilingual }>();
  for (const rule of result.followUpRules)
    if (rule.onGrounds.some((ground) => codes.has(ground)) && !tasks.has(rule.task))
      tasks.set(rule.task, {
        ruleId: rule.ruleId,
        task: rule.task,
        note: followUpNote(result.direction, rule),
      });
  return [...tasks.values()];
}

export function matchesRequirement(
  event: CaseEventInput,
  type: string,
  where: Record<string, string> | null,
): boolean {
  if (event.type !== type) return false;
  const payload = event.payload as Record<string, unknown>;
  return Object.entries(where ?? {}).every(([field, value]) => payload[field] === value);
}

/** Whether `before` ("decided:granted") gates this event; a partial grant is a grant and a refusal. */
function gates(before: string, event: CaseEventInput): boolean {
  const [type, outcome] = before.split(":");
  if (event.type !== type) return false;
  if (!outcome || event.type !== "decided") return true;
  const decided = event.payload.outcome;
  if (outcome === "granted") return GRANTS.has(decided);
  if (outcome === "refused") return REFUSALS.has(decided);
  return decided === outcome;
}

const unverifiedNote = (reference: RuleReference): Bilingual =>
  reference.verified
    ? { en: "", ru: "" }
    : { en: " (rule not yet verified against the text)", ru: " (правило ещё не сверено с текстом)" };

function conditionBlocker(condition: ConditionFinding): Blocker {
  const note = unverifiedNote(condition);
  const needed = requirementWords(condition.requires);
  return {
    ruleId: condition.ruleId,
    article: condition.article,
    instrument: condition.instrument,
    verified: condition.verified,
    reason: "condition_unmet",
    message: {
      en: `${condition.instrument} ${condition.article}: ${needed.en} must be recorded first${note.en}. ${condition.title.en}.`,
      ru: `${condition.instrument} ${condition.article}: сначала необходимо зафиксировать ${needed.ru}${note.ru}. ${condition.title.ru}.`,
    },
  };
}

function requirementWords(requires: ConditionFinding["requires"]): Bilingual {
  if (requires.event === "consultation_held")
    return {
      en: "a consultation with the requesting state",
      ru: "консультацию с запрашивающим государством",
    };
  if (requires.event === "assurance_recorded") {
    const kind = requires.where?.kind;
    return kind === "death_penalty"
      ? {
          en: "an assurance that the death penalty will not be carried out",
          ru: "гарантию неприменения смертной казни",
        }
      : { en: `an assurance (${kind ?? "any kind"})`, ru: `гарантию (${kind ?? "любого вида"})` };
  }
  return { en: `a ${requires.event} event`, ru: `событие ${requires.event}` };
}

/** The codes a decision gives, counting a ground cited only by rule id as that rule's ground. */
function groundCodes(grounds: readonly DecisionGround[], result: AdmissibilityResult): Set<string> {
  const byRule = new Map<string, string>();
  for (const finding of [...result.grounds, ...result.judgementGrounds])
    byRule.set(finding.ruleId, finding.ground);
  const codes = new Set<string>();
  for (const ground of grounds) {
    codes.add(ground.code);
    const ruled = ground.ruleId ? byRule.get(ground.ruleId) : undefined;
    if (ruled) codes.add(ruled);
  }
  return codes;
}

function limitBreaches(limit: RefusalLimitFinding, grounds: readonly DecisionGround[]): Blocker[] {
  const codes = grounds.map((ground) => ground.code);
  const note = unverifiedNote(limit);
  const breach = (en: string, ru: string): Blocker => ({
    ruleId: limit.ruleId,
    article: limit.article,
    instrument: limit.instrument,
    verified: limit.verified,
    reason: "refusal_limit",
    message: {
      en: `${limit.instrument} ${limit.article}: ${en}${note.en}.`,
      ru: `${limit.instrument} ${limit.article}: ${ru}${note.ru}.`,
    },
  });
  const breaches: Blocker[] = [];
  if (limit.reasonsRequired && codes.length === 0)
    breaches.push(breach("a refusal must give its grounds", "отказ должен быть мотивирован"));
  const forbidden = codes.filter((code) => limit.forbidden.includes(code));
  if (forbidden.length > 0)
    breaches.push(
      breach(
        `${forbidden.join(", ")} is not a ground for refusal`,
        `${forbidden.join(", ")} не является основанием для отказа`,
      ),
    );
  if (
    codes.length > 0 &&
    limit.forbiddenAlone.length > 0 &&
    codes.every((code) => limit.forbiddenAlone.includes(code))
  )
    breaches.push(
      breach(
        `${codes.join(", ")} cannot be the sole ground for refusal`,
        `${codes.join(", ")} не может быть единственным основанием для отказа`,
      ),
    );
  if (limit.onlyAllowed) {
    const others = codes.filter((code) => !limit.onlyAllowed!.includes(code));
    if (others.length > 0)
      breaches.push(
        breach(
          `refusal is allowed only on ${limit.onlyAllowed.join(", ")}, not on ${others.join(", ")}`,
          `отказ допускается только по основаниям ${limit.onlyAllowed.join(", ")}, но не ${others.join(", ")}`,
        ),
      );
  }
  return breaches;
}

export function limitsOn(ground: string, limits: readonly RefusalLimitFinding[]): string[] {
  return limits
    .filter(
      (limit) =>
        limit.forbidden.includes(ground) ||
        limit.forbiddenAlone.includes(ground) ||
        (limit.onlyAllowed !== null && !limit.onlyAllowed.includes(ground)),
    )
    .map((limit) => limit.ruleId);
}

function followUpNote(direction: "incoming" | "outgoing", rule: RuleReference): Bilingual {
  return direction === "incoming"
    ? {
        en: `Submit the case to our prosecuting authorities so that proceedings can be taken (${rule.instrument} ${rule.article}), and tell the requesting state the outcome.`,
        ru: `Передать дело нашим органам уголовного преследования для решения вопроса о возбуждении преследования (${rule.instrument} ${rule.article}) и сообщить результат запрашивающему государству.`,
      }
    : {
        en: `Ask the requested state to submit the case to its prosecuting authorities (${rule.instrument} ${rule.article}), sending the files.`,
        ru: `Просить запрашиваемое государство передать дело своим органам уголовного преследования (${rule.instrument} ${rule.article}), направив материалы.`,
      };
}

export function followUpFindings(result: AdmissibilityResult, input: AdmissibilityInput): FollowUpFinding[] {
  const findings: FollowUpFinding[] = [];
  for (const { status: factStatus, ...rule } of result.followUpRules) {
    let decided = false;
    input.events.forEach((event, index) => {
      if (event.type !== "decided" || !REFUSALS.has(event.payload.outcome)) return;
      const codes = groundCodes(event.payload.grounds, result);
      if (!rule.onGrounds.some((ground) => codes.has(ground))) return;
      decided = true;
      const opened = input.events
        .slice(index + 1)
        .some((later) => later.type === "follow_up_opened" && later.payload.task === rule.task);
      findings.push({
        ...rule,
        status: opened ? "opened" : "due",
        decidedOn: event.payload.on,
        note: followUpNote(result.direction, rule),
      });
    });
    // Not yet decided: show the follow-up that a refusal would open, where its facts or its
    // grounds are in play (a sought person may be an own national).
    if (!decided && (factStatus !== "none" || rule.onGrounds.some((ground) => groundInPlay(ground, result))))
      findings.push({
        ...rule,
        status: "on_refusal",
        decidedOn: null,
        note: followUpNote(result.direction, rule),
      });
  }
  return findings;
}

function groundInPlay(ground: string, result: AdmissibilityResult): boolean {
  return result.grounds.some((finding) => finding.ground === ground);
}

export function decisionIssues(result: AdmissibilityResult, input: AdmissibilityInput): DecisionIssue[] {
  const issues: DecisionIssue[] = [];
  input.events.forEach((event, index) => {
    if (event.type !== "decided") return;
    const earlier = input.events.slice(0, index);
    for (const condition of result.conditions) {
      if (condition.status !== "applies" || condition.reservedBy || !gates(condition.before, event)) continue;
      const met = earlier.some((prior) =>
        matchesRequirement(prior, condition.requires.event, condition.requires.where),
      );
      if (!met) issues.push({ ...conditionBlocker(condition), eventIndex: index });
    }
    if (REFUSALS.has(event.payload.outcome))
      for (const limit of result.refusalLimits.filter(
        (candidate) => candidate.status === "applies" && !candidate.reservedBy,
      ))
        for (const breach of limitBreaches(limit, event.payload.grounds))
          issues.push({ ...breach, eventIndex: index });
  });
  return issues;
}
