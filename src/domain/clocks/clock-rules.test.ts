import { describe, expect, it } from "vitest";
import { clockRules } from "../../../test/support/clocks-fixtures.js";
import { type Rule, ruleSchema } from "../rules/model.js";
import { clockRuleProblems } from "./check-clock-spec.js";

/**
 * data/rules/clocks.json: every clock of DOMAIN.md §4.10 item 10 that the case model can
 * start, each marked verified exactly as DOMAIN.md marks it.
 */

/** DOMAIN.md's marks: [V] E24-16, CETS 209 art. 6, E24-18, MN-62, B29; [U] the rest. */
const VERIFIED: Record<string, boolean> = {
  "E24-16-18d": true,
  "E24-16-40d": true,
  "E24-16-18d-out": true,
  "E24-16-40d-out": true,
  "CETS209-6": true,
  "CETS209-6-out": true,
  "E24-18-15d": true,
  "E24-18-30d": true,
  "MN-62": true,
  "MN-62-out": true,
  // Chisinau article numbers are [U]; the period is assumed from Minsk.
  "CH-MN-62": false,
  "CH-MN-62-out": false,
  // "[V text; article no. U]": an unconfirmed citation is not a verified rule.
  "MN-HO-15d": false,
  "MN-HO-30d": false,
  // §4.9 is [U].
  "UNMTE-9": false,
  "UNMTE-9-out": false,
  "B29-7": true,
  "B29-7-out": true,
};
const REGISTRY_CODES = [
  "CETS024",
  "CETS209",
  "CETS030",
  "CETS185",
  "UNTOC",
  "UNCAC",
  "MINSK1993",
  "CHISINAU2002",
];
const CYRILLIC = /[А-Яа-яЁё]/;

describe("the clock rules of data/rules/clocks.json", () => {
  it("are the clocks DOMAIN.md lists, with its verification marks", () => {
    expect(Object.fromEntries(clockRules.map((rule) => [rule.id, rule.verified]))).toEqual(VERIFIED);
  });

  it("are all clocks that the engine can run", () => {
    for (const rule of clockRules) {
      expect(rule.kind, rule.id).toBe("clock");
      expect(clockRuleProblems(rule), rule.id).toEqual([]);
    }
    expect(new Set(clockRules.map((rule) => rule.id)).size).toBe(clockRules.length);
  });

  it("name registry instruments, except the UN model treaty, which only a fallback clock may cite", () => {
    for (const rule of clockRules) {
      if (rule.clock?.fallback) expect(rule.instruments, rule.id).toEqual(["UNMTE1990"]);
      else for (const code of rule.instruments) expect(REGISTRY_CODES, rule.id).toContain(code);
    }
  });

  it("speak English and Russian, and cite a source", () => {
    for (const rule of clockRules) {
      expect(rule.titleRu, rule.id).toMatch(CYRILLIC);
      expect(rule.explanationRu, rule.id).toMatch(CYRILLIC);
      expect(rule.clock?.consequenceRu, rule.id).toMatch(CYRILLIC);
      expect(rule.titleEn, rule.id).not.toMatch(CYRILLIC);
      expect(rule.source.length, rule.id).toBeGreaterThan(20);
    }
  });

  it("count calendar days: treaty periods are never business days", () => {
    expect(clockRules.every((rule) => rule.clock?.dayKind === "calendar")).toBe(true);
  });
});

describe("clockRuleProblems", () => {
  const base = clockRules.find((rule) => rule.id === "E24-16-40d")!;
  const variant = (change: (rule: Rule) => Rule): Rule => ruleSchema.parse(change(structuredClone(base)));

  it("refuses event types and payload fields the case model does not have", () => {
    const misspelt = variant((rule) => ({ ...rule, clock: { ...rule.clock!, from: "provisional_arest" } }));
    expect(clockRuleProblems(misspelt)).toEqual([
      { field: "clock.from", message: '"provisional_arest" is not a case event type' },
    ]);
    const badField = variant((rule) => ({
      ...rule,
      clock: {
        ...rule.clock!,
        fromField: "arrestedOn",
        stoppedWhere: { received: { channel: ["x"], via: ["y"] } },
      },
    }));
    expect(clockRuleProblems(badField)).toEqual([
      { field: "clock.fromField", message: 'provisional_arrest has no field "arrestedOn"' },
      { field: "clock.stoppedWhere.received", message: 'received has no field "via"' },
    ]);
  });

  it("requires meeting and restarting events to stop the clock too", () => {
    const loose = variant((rule) => ({
      ...rule,
      clock: { ...rule.clock!, stoppedBy: ["received"], alreadyMetBy: ["sent"], newClockAfter: ["released"] },
    }));
    expect(clockRuleProblems(loose).map((problem) => problem.field)).toEqual([
      "clock.alreadyMetBy",
      "clock.newClockAfter",
    ]);
  });

  it("refuses conditions the clock engine does not read, and a start event without a measure", () => {
    const withFacts = variant((rule) => ({
      ...rule,
      appliesWhen: { ...rule.appliesWhen, facts: ["political"] },
      clock: { ...rule.clock!, fromMeasureKinds: ["expedited_preservation"] },
    }));
    expect(clockRuleProblems(withFacts).map((problem) => problem.field)).toEqual([
      "appliesWhen.facts",
      "clock.fromMeasureKinds",
    ]);
  });
});
