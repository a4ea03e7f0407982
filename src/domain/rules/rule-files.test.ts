import { describe, expect, it } from "vitest";
import { shippedRuleFile, shippedRuleFiles } from "../../../test/support/shipped-rules.js";
import { parseRuleFiles } from "./load.js";

/**
 * The shipped rule files: each parses on its own, each rule's `verified` flag is exactly
 * DOMAIN.md §4's mark ([V] true, [U] false), and each speaks both languages and cites a source.
 */

/** The files of the admissibility rules; clocks.json belongs to the clock engine and has its own tests. */
const RULE_FILES = [
  "budapest.json",
  "cets024.json",
  "cets030.json",
  "cis.json",
  "interpol.json",
  "kh-ru-ext-2017.json",
  "uncac.json",
  "untoc.json",
];
const read = shippedRuleFile;

/**
 * DOMAIN.md §4, as marked in its verification log of 2026-11-23. Rules that split one
 * DOMAIN item (E24-9 and its discontinued-proceedings sentence) carry that item's mark.
 * Rules DOMAIN.md does not mark are unverified: the Chisinau counterparts (article numbers
 * [U]), the Minsk follow-up (§4.10.5 cites no Minsk article) and the Cambodia-Russia treaty.
 */
const DOMAIN_MARKS: Record<string, "V" | "U"> = {
  "E24-2.1": "V",
  "E24-2.1-dual-criminality": "V",
  "E24-3.1": "V",
  "E24-3.2": "V",
  "E24-4": "V",
  "E24-5": "V",
  "CETS098-2": "V",
  "CETS098-3": "V",
  "CETS098-4": "V",
  "E24-6.1a": "V",
  "E24-6.2": "V",
  "E24-7": "U",
  "E24-8": "U",
  "E24-9": "V",
  "E24-9-discontinued": "V",
  "E24-10": "V",
  "CETS212-1": "V",
  "E24-11": "V",
  "E24-11-assurance": "V",
  "E24-12": "V",
  "E24-18.2": "V",
  "M30-1": "V",
  "M30-2a-political": "V",
  "M30-2a-fiscal": "V",
  "M30-2b": "V",
  "M30-5": "V",
  "M30-14": "U",
  "M30-19": "U",
  "CETS099-1": "U",
  "MN-56": "V",
  "MN-56-dual-criminality": "V",
  "CH-MN-56": "U",
  "CH-MN-56-dual-criminality": "U",
  "MN-57-national": "U",
  "MN-57-follow-up": "U",
  "MN-57-time-barred": "U",
  "MN-57-final-judgment": "U",
  "MN-57-private-complaint": "U",
  "MN-57-territory": "U",
  "MN-19": "U",
  "MN-19-law": "U",
  "T16-1": "V",
  "T16-10": "U",
  "T16-14": "U",
  "T16-15": "U",
  "T16-16": "U",
  "T18-8": "U",
  "T18-9": "U",
  "T18-15": "U",
  "T18-21a": "U",
  "T18-21b": "U",
  "T18-21c": "U",
  "T18-21d": "U",
  "T18-22": "U",
  "T18-23": "U",
  "T18-26": "U",
  "C44-2": "U",
  "C44-4": "U",
  "C44-11": "U",
  "C44-15": "U",
  "C44-16": "U",
  "C44-17": "U",
  "C46-8": "U",
  "C46-9b": "U",
  "C46-15": "U",
  "C46-21a": "U",
  "C46-21b": "U",
  "C46-21c": "U",
  "C46-21d": "U",
  "B24-1": "V",
  "B25-4": "V",
  "B25-5": "V",
  "B27-1": "V",
  "B27-4a": "U",
  "B27-4b": "U",
  "B29-2": "V",
  "B29-3": "V",
  "B29-5": "V",
  "B29-5a": "V",
  "B29-5b": "V",
  "IP-83": "V",
  "KHRU-extraditable-offence": "U",
  "KHRU-own-nationals": "U",
};

const CYRILLIC = /[а-яё]/i;

describe("shipped rule files", () => {
  it("lists every rule file of data/rules except the clock engine's", () => {
    const present = shippedRuleFiles.map((file) => file.name).filter((name) => name !== "clocks.json");
    expect(present.sort()).toEqual(RULE_FILES);
  });

  it.each(RULE_FILES)("%s parses against the rule schema", (name) => {
    expect(parseRuleFiles([read(name)]).length).toBeGreaterThan(0);
  });

  it("every file of data/rules, the clock engine's included, parses together without a duplicate id", () => {
    expect(() => parseRuleFiles([...shippedRuleFiles])).not.toThrow();
  });

  const rules = parseRuleFiles(RULE_FILES.map(read));

  it("marks each rule verified exactly as DOMAIN.md §4 does", () => {
    const flags = Object.fromEntries(rules.map((rule) => [rule.id, rule.verified ? "V" : "U"]));
    expect(flags).toEqual(DOMAIN_MARKS);
  });

  it.each(rules.map((rule) => [rule.id, rule] as const))(
    "%s is explained in English and Russian",
    (_id, rule) => {
      expect(rule.titleRu).toMatch(CYRILLIC);
      expect(rule.explanationRu).toMatch(CYRILLIC);
      expect(rule.titleEn).not.toMatch(CYRILLIC);
      expect(rule.explanationEn).not.toMatch(CYRILLIC);
    },
  );

  it("cites a URL or DOMAIN.md for each rule, and says so where the text was not checked", () => {
    for (const rule of rules) {
      expect(rule.source, rule.id).toMatch(/https?:\/\/|DOMAIN\.md|registry/);
      if (!rule.verified) expect(rule.source, rule.id).toMatch(/not (re-)?checked|\[U\]/);
    }
  });

  it("does not carry clock rules: those are data/rules/clocks.json's", () => {
    expect(rules.filter((rule) => rule.kind === "clock")).toEqual([]);
  });
});
