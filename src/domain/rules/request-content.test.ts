import { describe, expect, it } from "vitest";
import {
  extraditionScenario,
  mlaScenario,
  preservationScenario,
  type Scenario,
} from "../../../test/support/rules-fixtures.js";
import { shippedRules } from "../../../test/support/shipped-rules.js";
import { CONTENT_ITEMS, requestContent } from "./request-content.js";

const rules = shippedRules;
const contentOf = (scenario: Scenario, legalBasisCodes: string[]) =>
  requestContent({ header: scenario.header, facts: scenario.facts, legalBasisCodes, rules });
const presence = (scenario: Scenario, legalBasisCodes: string[]) =>
  Object.fromEntries(
    contentOf(scenario, legalBasisCodes).flatMap((rule) =>
      rule.items.map((item) => [item.item, item.present]),
    ),
  );

describe("request content under the legal basis", () => {
  it("lists CETS 024 art. 12's documents as present for a complete extradition request", () => {
    const [content] = contentOf(extraditionScenario(), ["CETS024"]);
    expect(content).toMatchObject({
      instrumentCode: "CETS024",
      ruleId: "E24-12",
      article: "art. 12",
      verified: true,
    });
    expect(content!.items.map(({ item, present }) => [item, present])).toEqual([
      ["arrest_warrant_or_conviction", true],
      ["statement_of_offences", true],
      ["text_of_law", null],
      ["person_description", true],
    ]);
  });

  it("says what is missing and how to add it", () => {
    const incomplete = extraditionScenario({
      offence: { committedOn: null },
      person: { birthDate: null },
      facts: { warrants: [] },
    });
    const items = contentOf(incomplete, ["CETS024"])[0]!.items;
    expect(items.find((item) => item.item === "arrest_warrant_or_conviction")).toMatchObject({
      present: false,
      hintEn: "Record the arrest warrant, detention order or court order (warrants).",
    });
    expect(items.find((item) => item.item === "statement_of_offences")?.hintEn).toContain(
      "Criminal Code, art. 372",
    );
    expect(items.find((item) => item.item === "person_description")).toMatchObject({ present: false });
    expect(items.find((item) => item.item === "text_of_law")).toMatchObject({
      present: null,
      hintEn: "Attach the text of: Criminal Code, art. 372.",
      hintRu: "Приложите текст: Criminal Code, art. 372.",
    });
  });

  it("wants the judgment, not an arrest warrant, to enforce a sentence", () => {
    const enforcement = extraditionScenario({ header: { purpose: "enforcement" } });
    expect(presence(enforcement, ["CETS024"]).arrest_warrant_or_conviction).toBe(false);
    const withJudgment = extraditionScenario({
      header: { purpose: "enforcement" },
      facts: { warrants: [{ id: "w1", kind: "conviction", issuedBy: "Court", issuedOn: "2024-01-10" }] },
    });
    expect(presence(withJudgment, ["CETS024"]).arrest_warrant_or_conviction).toBe(true);
  });

  it("does not ask UNTOC 18(15) for a summary of facts when only documents are to be served", () => {
    const service = mlaScenario({ header: { summary: null } }, [
      { id: "m1", kind: "service_of_documents", description: "Serve the summons" },
    ]);
    expect(presence(service, ["UNTOC"])).not.toHaveProperty("summary_of_facts");
    const hearing = mlaScenario({ header: { summary: null } });
    expect(presence(hearing, ["UNTOC"]).summary_of_facts).toBe(false);
  });

  it("asks CETS 030 art. 14 for the address of the person to be served only when documents are served", () => {
    const hearing = mlaScenario();
    expect(presence(hearing, ["CETS030"])).not.toHaveProperty("service_address");
    const service = mlaScenario({ person: { location: null } }, [
      { id: "m1", kind: "service_of_documents", description: "Serve the summons" },
    ]);
    expect(presence(service, ["CETS030"]).service_address).toBe(false);
  });

  it("checks a Budapest 29(2) preservation request, leaving what no fact can show to the officer", () => {
    expect(presence(preservationScenario(), ["CETS185"])).toEqual({
      requesting_authority: true,
      statement_of_offences: true,
      summary_of_facts: true,
      data_to_preserve: true,
      data_custodian_or_location: null,
      necessity_of_preservation: null,
      intent_to_submit_request: null,
    });
  });

  it("has nothing to list on reciprocity or for a basis without content rules", () => {
    expect(
      contentOf(extraditionScenario({ header: { legalBasis: { type: "reciprocity" } } }), ["CETS024"]),
    ).toEqual([]);
    expect(contentOf(extraditionScenario(), ["KH-RU-EXT-2017"])).toEqual([]);
  });

  it("labels every item in English and Russian", () => {
    for (const [item, definition] of Object.entries(CONTENT_ITEMS)) {
      expect(definition.labelEn, item).not.toMatch(/[а-яё]/i);
      expect(definition.labelRu, item).toMatch(/[а-яё]/i);
    }
  });
});
