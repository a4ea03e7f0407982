import type { z } from "zod";
import { caseEventPayloads, isCaseEventType } from "../cases/model.js";
import { type Rule, ruleFileSchema } from "./model.js";
import { CONTENT_ITEMS } from "./request-content.js";
import { type FactQuestion, REFUSAL_GROUNDS, YES_NO_FACTS } from "./vocabulary.js";

/**
 * Rule files are read by the caller (the server at start, a test, the CLI) and handed here
 * as text: this function does no I/O. It validates every file against the schema, then the
 * things a schema cannot say (a threshold rule has a threshold, a refusal names a known
 * ground, a condition gates a real event), and refuses a rule id used twice. Every problem
 * names the file, the rule and the field, and all of them are reported at once, so that a
 * lawyer editing a file sees the whole list in one go.
 */

export type RuleSourceFile = { name: string; text: string };

export type RuleFileProblem = {
  file: string;
  /** null when the problem is the file's (bad JSON, no `rules`). */
  ruleId: string | null;
  /** The path inside the rule ("threshold.prosecutionMonths"), or inside the file. */
  field: string | null;
  message: string;
};

export class RuleFileError extends Error {
  readonly problems: RuleFileProblem[];
  constructor(problems: RuleFileProblem[]) {
    super(
      `rule files are invalid:\n${problems
        .map(
          (problem) =>
            `  ${problem.file}${problem.ruleId ? ` rule ${problem.ruleId}` : ""}${
              problem.field ? ` field ${problem.field}` : ""
            }: ${problem.message}`,
        )
        .join("\n")}`,
    );
    this.name = "RuleFileError";
    this.problems = problems;
  }
}

const DECISION_OUTCOMES = new Set(["granted", "partially_granted", "refused"]);
const KNOWN_GROUNDS = new Set<string>(REFUSAL_GROUNDS);
const YES_NO = new Set<FactQuestion>(YES_NO_FACTS);

/** Every rule of every file, validated; throws a RuleFileError listing every problem. */
export function parseRuleFiles(files: readonly RuleSourceFile[]): Rule[] {
  const problems: RuleFileProblem[] = [];
  const rules: Rule[] = [];
  const firstFileOf = new Map<string, string>();
  for (const file of files) {
    const parsed = parseFile(file, problems);
    for (const rule of parsed) {
      const earlier = firstFileOf.get(rule.id);
      if (earlier) {
        problems.push({
          file: file.name,
          ruleId: rule.id,
          field: "id",
          message: `the id is already used${earlier === file.name ? " in this file" : ` in ${earlier}`}`,
        });
        continue;
      }
      firstFileOf.set(rule.id, file.name);
      problems.push(
        ...consistencyProblems(rule).map((problem) => ({ file: file.name, ruleId: rule.id, ...problem })),
      );
      rules.push(rule);
    }
  }
  if (problems.length > 0) throw new RuleFileError(problems);
  return rules;
}

function parseFile(file: RuleSourceFile, problems: RuleFileProblem[]): Rule[] {
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (error) {
    problems.push({
      file: file.name,
      ruleId: null,
      field: null,
      message: `not JSON: ${(error as Error).message}`,
    });
    return [];
  }
  const result = ruleFileSchema.safeParse(json);
  if (result.success) return result.data.rules;
  for (const issue of result.error.issues) problems.push(describeIssue(file.name, json, issue));
  return [];
}

/** A schema issue as file, rule id (read from the raw JSON) and field inside the rule. */
function describeIssue(file: string, json: unknown, issue: z.core.$ZodIssue): RuleFileProblem {
  const [top, index, ...rest] = issue.path;
  if (top === "rules" && typeof index === "number") {
    const raw = (json as { rules?: unknown[] }).rules?.[index];
    const id =
      raw && typeof raw === "object" && typeof (raw as { id?: unknown }).id === "string"
        ? (raw as { id: string }).id
        : `#${index + 1}`;
    return {
      file,
      ruleId: id,
      field: rest.length > 0 ? rest.map(String).join(".") : null,
      message: issue.message,
    };
  }
  return {
    file,
    ruleId: null,
    field: issue.path.length > 0 ? issue.path.map(String).join(".") : null,
    message: issue.message,
  };
}

type Problem = { field: string; message: string };

function consistencyProblems(rule: Rule): Problem[] {
  const problems: Problem[] = [];
  const need = (present: unknown, field: string, message: string) => {
    if (!present) problems.push({ field, message });
  };
  switch (rule.kind) {
    case "mandatory_refusal":
    case "optional_refusal":
      need(rule.ground, "ground", "a refusal rule names its ground");
      break;
    case "threshold":
      need(
        rule.threshold?.prosecutionMonths !== undefined || rule.threshold?.enforcementMonths !== undefined,
        "threshold",
        "a threshold rule gives a minimum for prosecution or enforcement",
      );
      break;
    case "clock":
      need(rule.clock, "clock", "a clock rule has a clock");
      break;
    case "required_content":
      need(rule.contentItems?.length, "contentItems", "a required-content rule lists its items");
      break;
    case "condition":
      break;
  }
  if (rule.kind !== "condition")
    for (const field of ["requires", "followUp", "refusalLimits"] as const)
      if (rule[field])
        problems.push({
          field,
          message: "only a condition rule gates events, opens follow-ups or limits refusals",
        });
  if (rule.ground && !KNOWN_GROUNDS.has(rule.ground))
    problems.push({
      field: "ground",
      message: `unknown ground "${rule.ground}"; use one of ${REFUSAL_GROUNDS.join(", ")}`,
    });
  for (const ground of [
    ...(rule.followUp?.onGrounds ?? []),
    ...(rule.refusalLimits?.forbidden ?? []),
    ...(rule.refusalLimits?.forbiddenAlone ?? []),
    ...(rule.refusalLimits?.onlyAllowed ?? []),
  ]) {
    if (!KNOWN_GROUNDS.has(ground))
      problems.push({ field: "followUp/refusalLimits", message: `unknown ground "${ground}"` });
  }
  for (const [field, questions] of [
    ["appliesWhen.facts", rule.appliesWhen.facts],
    ["appliesWhen.notFacts", rule.appliesWhen.notFacts],
  ] as const) {
    for (const question of questions ?? [])
      if (!YES_NO.has(question))
        problems.push({
          field,
          message: `"${question}" has no yes/no answer; thresholds and purposes test it`,
        });
  }
  for (const item of rule.contentItems ?? [])
    if (!CONTENT_ITEMS[item]) problems.push({ field: "contentItems", message: `unknown item "${item}"` });
  for (const item of Object.keys(rule.contentItemScopes ?? {}))
    if (!rule.contentItems?.includes(item))
      problems.push({
        field: "contentItemScopes",
        message: `"${item}" is not one of the rule's contentItems`,
      });
  if (rule.requires) problems.push(...requiresProblems(rule.requires));
  if (rule.displacedBy?.some((code) => rule.instruments.includes(code)))
    problems.push({ field: "displacedBy", message: "a rule cannot be displaced by its own instrument" });
  return problems;
}

function requiresProblems(requires: NonNullable<Rule["requires"]>): Problem[] {
  const problems: Problem[] = [];
  if (!isCaseEventType(requires.event)) {
    problems.push({ field: "requires.event", message: `"${requires.event}" is not a case event type` });
  } else {
    const fields = Object.keys(caseEventPayloads[requires.event].shape);
    for (const key of Object.keys(requires.where ?? {}))
      if (!fields.includes(key))
        problems.push({ field: `requires.where.${key}`, message: `${requires.event} has no field "${key}"` });
  }
  const [gated, outcome] = requires.before.split(":");
  if (!gated || !isCaseEventType(gated))
    problems.push({ field: "requires.before", message: `"${gated}" is not a case event type` });
  if (outcome !== undefined && (gated !== "decided" || !DECISION_OUTCOMES.has(outcome)))
    problems.push({
      field: "requires.before",
      message: `only a decision has an outcome: decided:granted, decided:refused or decided:partially_granted`,
    });
  return problems;
}
