import { describe, expect, it } from "vitest";
import { parseRuleFiles, RuleFileError, type RuleFileProblem } from "./load.js";

/** The loader names the file, the rule and the field of every problem, and reports them all at once. */

const validRule = {
  id: "X-1",
  instruments: ["CETS024"],
  article: "art. 1",
  kind: "optional_refusal",
  ground: "political_offence",
  titleEn: "Title",
  titleRu: "Заголовок",
  explanationEn: "Explanation",
  explanationRu: "Пояснение",
  appliesWhen: { facts: ["political"] },
  source: "https://example.org/text",
  verified: false,
};

const file = (name: string, rules: unknown[]) => ({
  name,
  text: JSON.stringify({ title: "Test rules", rules }),
});

function problemsOf(files: { name: string; text: string }[]): RuleFileProblem[] {
  try {
    parseRuleFiles(files);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleFileError);
    return (error as RuleFileError).problems;
  }
  throw new Error("expected the files to be refused");
}

describe("parseRuleFiles", () => {
  it("returns the rules of valid files, with schema defaults filled in", () => {
    const rules = parseRuleFiles([
      file("a.json", [validRule]),
      file("b.json", [{ ...validRule, id: "X-2" }]),
    ]);
    expect(rules.map((rule) => rule.id)).toEqual(["X-1", "X-2"]);
    expect(rules[0]!.exceptions).toEqual([]);
  });

  it("refuses an id used twice, naming both files", () => {
    const problems = problemsOf([file("a.json", [validRule]), file("b.json", [validRule])]);
    expect(problems).toEqual([
      { file: "b.json", ruleId: "X-1", field: "id", message: "the id is already used in a.json" },
    ]);
  });

  it("refuses an id used twice in one file", () => {
    expect(problemsOf([file("a.json", [validRule, validRule])])[0]).toMatchObject({
      file: "a.json",
      ruleId: "X-1",
      message: "the id is already used in this file",
    });
  });

  it("names the file of text that is not JSON", () => {
    expect(problemsOf([{ name: "broken.json", text: "{ rules: " }])[0]).toMatchObject({
      file: "broken.json",
      ruleId: null,
      message: expect.stringContaining("not JSON"),
    });
  });

  it("names the rule and the field of a schema error", () => {
    const problems = problemsOf([
      file("a.json", [{ ...validRule, threshold: { prosecutionMonths: "twelve" }, kind: "threshold" }]),
    ]);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: "a.json", ruleId: "X-1", field: "threshold.prosecutionMonths" }),
    );
  });

  it("names a rule without an id by its position", () => {
    const { id: _id, ...withoutId } = validRule;
    expect(problemsOf([file("a.json", [validRule, withoutId])])).toContainEqual(
      expect.objectContaining({ ruleId: "#2", field: "id" }),
    );
  });

  it("refuses a refusal ground outside the normalised list", () => {
    expect(problemsOf([file("a.json", [{ ...validRule, ground: "politics" }])])).toContainEqual(
      expect.objectContaining({
        ruleId: "X-1",
        field: "ground",
        message: expect.stringContaining('"politics"'),
      }),
    );
  });

  it("refuses a refusal without a ground, a threshold without minimums, content without items", () => {
    const { ground: _ground, ...noGround } = validRule;
    const problems = problemsOf([
      file("a.json", [
        noGround,
        { ...validRule, id: "X-2", kind: "threshold", threshold: {} },
        { ...validRule, id: "X-3", kind: "required_content", contentItems: [] },
        { ...validRule, id: "X-4", kind: "clock" },
      ]),
    ]);
    expect(problems.map((problem) => [problem.ruleId, problem.field])).toEqual([
      ["X-1", "ground"],
      ["X-2", "threshold"],
      ["X-3", "contentItems"],
      ["X-4", "clock"],
    ]);
  });

  it("refuses a content item the request-content check does not know", () => {
    expect(
      problemsOf([
        file("a.json", [
          { ...validRule, kind: "required_content", contentItems: ["statement_of_offences", "horoscope"] },
        ]),
      ]),
    ).toContainEqual(expect.objectContaining({ field: "contentItems", message: 'unknown item "horoscope"' }));
  });

  it("refuses a condition on an event that does not exist, or on a field the event does not have", () => {
    const problems = problemsOf([
      file("a.json", [
        { ...validRule, kind: "condition", requires: { event: "consulted", before: "decided:refused" } },
        {
          ...validRule,
          id: "X-2",
          kind: "condition",
          requires: {
            event: "assurance_recorded",
            where: { type: "death_penalty" },
            before: "decided:granted",
          },
        },
        {
          ...validRule,
          id: "X-3",
          kind: "condition",
          requires: { event: "consultation_held", before: "surrendered:granted" },
        },
      ]),
    ]);
    expect(problems.map((problem) => [problem.ruleId, problem.field])).toEqual([
      ["X-1", "requires.event"],
      ["X-2", "requires.where.type"],
      ["X-3", "requires.before"],
    ]);
  });

  it("refuses gating, follow-ups and refusal limits on a rule that is not a condition", () => {
    expect(
      problemsOf([file("a.json", [{ ...validRule, refusalLimits: { forbidden: ["bank_secrecy"] } }])]),
    ).toContainEqual(expect.objectContaining({ field: "refusalLimits" }));
  });

  it("refuses a yes/no test on a question that is an amount", () => {
    expect(
      problemsOf([file("a.json", [{ ...validRule, appliesWhen: { facts: ["maximum_penalty"] } }])]),
    ).toContainEqual(expect.objectContaining({ field: "appliesWhen.facts" }));
  });

  it("refuses a rule displaced by its own instrument", () => {
    expect(problemsOf([file("a.json", [{ ...validRule, displacedBy: ["CETS024"] }])])).toContainEqual(
      expect.objectContaining({ field: "displacedBy" }),
    );
  });

  it("reports every problem of every file in one error", () => {
    const error = (() => {
      try {
        parseRuleFiles([
          file("a.json", [{ ...validRule, ground: "politics" }]),
          { name: "b.json", text: "[" },
        ]);
      } catch (caught) {
        return caught as RuleFileError;
      }
      throw new Error("expected the files to be refused");
    })();
    expect(error.problems.map((problem) => problem.file)).toEqual(["a.json", "b.json"]);
    expect(error.message).toContain("a.json rule X-1 field ground");
  });
});
