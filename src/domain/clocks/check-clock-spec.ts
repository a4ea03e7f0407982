import { type CaseEventType, caseEventPayloads, isCaseEventType } from "../cases/model.js";
import type { Rule } from "../rules/model.js";

/**
 * What the rule schema cannot say about a clock: that its events exist in the case model,
 * that the payload fields it reads exist on them, and that its options fit together. The
 * rule loader and the clock engine both call it, so a misspelt event type in a rule file
 * is refused at load time instead of silently never starting a clock.
 */

export type ClockRuleProblem = { field: string; message: string };

/** appliesWhen conditions the clock engine reads from the case header and facts. */
export const CLOCK_CONDITIONS = ["caseKinds", "directions", "purposes", "measures"] as const;

function payloadFields(type: CaseEventType): string[] {
  return Object.keys(caseEventPayloads[type].shape);
}

export function clockRuleProblems(rule: Rule): ClockRuleProblem[] {
  const problems: ClockRuleProblem[] = [];
  const clock = rule.clock;
  if (rule.kind !== "clock") return [{ field: "kind", message: "not a clock rule" }];
  if (!clock) return [{ field: "clock", message: "a clock rule has a clock" }];

  for (const [condition, value] of Object.entries(rule.appliesWhen))
    if (value !== undefined && !(CLOCK_CONDITIONS as readonly string[]).includes(condition))
      problems.push({
        field: `appliesWhen.${condition}`,
        message: `the clock engine reads only ${CLOCK_CONDITIONS.join(", ")}`,
      });

  const checkFields = (type: string, fields: string[], where: string) => {
    if (!isCaseEventType(type)) return;
    const known = payloadFields(type);
    for (const field of fields)
      if (!known.includes(field)) problems.push({ field: where, message: `${type} has no field "${field}"` });
  };

  if (!isCaseEventType(clock.from))
    problems.push({ field: "clock.from", message: `"${clock.from}" is not a case event type` });
  else {
    if (!payloadFields(clock.from).includes("on"))
      problems.push({ field: "clock.from", message: `${clock.from} has no legal date to start from` });
    if (clock.fromField) checkFields(clock.from, [clock.fromField], "clock.fromField");
    checkFields(clock.from, Object.keys(clock.fromWhere ?? {}), "clock.fromWhere");
    if (clock.fromMeasureKinds && !payloadFields(clock.from).includes("measureId"))
      problems.push({ field: "clock.fromMeasureKinds", message: `${clock.from} does not name a measure` });
  }

  for (const [field, types] of [
    ["clock.stoppedBy", clock.stoppedBy],
    ["clock.alreadyMetBy", clock.alreadyMetBy],
    ["clock.newClockAfter", clock.newClockAfter],
  ] as const)
    for (const type of types)
      if (!isCaseEventType(type)) problems.push({ field, message: `"${type}" is not a case event type` });

  for (const type of clock.alreadyMetBy)
    if (!clock.stoppedBy.includes(type))
      problems.push({ field: "clock.alreadyMetBy", message: `"${type}" must also be in stoppedBy` });
  // A start after a release opens a new clock; the release must stop the old one, or it would run on.
  for (const type of clock.newClockAfter)
    if (!clock.stoppedBy.includes(type))
      problems.push({ field: "clock.newClockAfter", message: `"${type}" must also be in stoppedBy` });

  for (const [type, filter] of Object.entries(clock.stoppedWhere ?? {})) {
    if (!clock.stoppedBy.includes(type))
      problems.push({ field: "clock.stoppedWhere", message: `"${type}" is not in stoppedBy` });
    checkFields(type, Object.keys(filter), `clock.stoppedWhere.${type}`);
  }
  return problems;
}
