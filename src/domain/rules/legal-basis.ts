import type { CaseHeader } from "../cases/model.js";
import type { CaseKind } from "../cases/vocabulary.js";
import type { Subject } from "../registry/vocabulary.js";
import type { Rule } from "./model.js";

/** A rule the case's legal basis brings in, with the instrument of the basis it comes from. */
export type RuleInBasis = { rule: Rule; instrument: string };

/**
 * The rules to apply to a case: those of the instruments in force between the pair
 * (`legalBasisCodes`: the legal-basis instrument and its protocols), less those that an
 * instrument also in force replaces (CETS 098 chapter II replaces CETS 024 art. 5), plus
 * advisory rules, which belong to no treaty (INTERPOL's). A case on reciprocity has no
 * treaty, so no treaty rule. Clock rules are the clock engine's, not the checker's.
 */
export function rulesOfLegalBasis(
  rules: readonly Rule[],
  header: CaseHeader,
  legalBasisCodes: readonly string[],
): RuleInBasis[] {
  const codes = new Set(header.legalBasis?.type === "reciprocity" ? [] : legalBasisCodes);
  const chosen: RuleInBasis[] = [];
  for (const rule of rules) {
    if (rule.kind === "clock") continue;
    if (rule.advisory) {
      chosen.push({ rule, instrument: rule.instruments[0]! });
      continue;
    }
    const instrument = rule.instruments.find((code) => codes.has(code));
    if (!instrument) continue;
    if (rule.displacedBy?.some((code) => codes.has(code))) continue;
    chosen.push({ rule, instrument });
  }
  return chosen;
}

/** The codes of the basis that no rule speaks for: the officer must read those texts. */
export function codesWithoutRules(rules: readonly Rule[], legalBasisCodes: readonly string[]): string[] {
  const covered = new Set(
    rules.filter((rule) => rule.kind !== "clock").flatMap((rule) => [...rule.instruments]),
  );
  return legalBasisCodes.filter((code) => !covered.has(code));
}

/** The registry subjects a kind of case falls under, to read reservations limited to subjects. */
export const CASE_SUBJECTS: Record<CaseKind, readonly Subject[]> = {
  extradition: ["extradition"],
  mla: ["mla"],
  asset_recovery: ["asset_recovery", "mla"],
  transfer_of_proceedings: ["transfer_of_proceedings"],
  preservation_of_data: ["mla", "cybercrime"],
};
