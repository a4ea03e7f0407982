import type { CaseHeader, Offence, Person } from "../cases/model.js";
import { type CaseKind, COERCIVE_MEASURES } from "../cases/vocabulary.js";
import { caseAnswer, FACT_SCOPES, offenceAnswer, personAnswer, personsFor, questionText } from "./facts.js";
import type { Context } from "./input.js";
import type { MissingFact } from "./schemas.js";
import type { FactQuestion } from "./vocabulary.js";

/**
 * The questionnaire: the facts the rules need and nobody has answered yet, one question
 * per offence or person, each naming the rules that asked it.
 */

/** A question a rule could not answer, about an offence or a person where it concerns one. */
export type UnknownFact = { question: FactQuestion; offence: Offence | null; person: Person | null };

/**
 * The questions asked whatever the legal basis: DOMAIN.md §4.10 lists political, military
 * and fiscal flags (4), own nationals (5), the death penalty (6), ne bis in idem, lapse of
 * time and amnesty (7, "always ask") and dual criminality (2, for coercive measures). A
 * bilateral treaty whose text is not encoded, or reciprocity, still gets these questions.
 */
const CROSS_CUTTING_QUESTIONS: Record<CaseKind, readonly FactQuestion[]> = {
  extradition: [
    "political",
    "military",
    "fiscal",
    "discrimination_risk",
    "own_national",
    "punishable_in_requested_state",
    "time_barred",
    "final_judgment_in_requested_state",
    "amnestied",
    "death_penalty",
  ],
  mla: ["political", "fiscal", "essential_interests"],
  asset_recovery: ["political", "fiscal", "essential_interests", "punishable_in_requested_state"],
  transfer_of_proceedings: [
    "political",
    "fiscal",
    "punishable_in_requested_state",
    "time_barred",
    "final_judgment_in_requested_state",
  ],
  preservation_of_data: ["political", "essential_interests"],
};

export class Questionnaire {
  private readonly entries = new Map<string, MissingFact>();
  constructor(private readonly header: CaseHeader) {}

  ask(question: FactQuestion, offence: Offence | null, person: Person | null, ruleId: string | null): void {
    const key = `${question}|${offence?.id ?? ""}|${person?.id ?? ""}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {
        question,
        asks: questionText(question, { offence, person, requestedState: this.header.requestedState }),
        offenceId: offence?.id ?? null,
        personId: person?.id ?? null,
        ruleIds: [],
        crossCutting: false,
      };
      this.entries.set(key, entry);
    }
    if (ruleId === null) entry.crossCutting = true;
    else if (!entry.ruleIds.includes(ruleId)) entry.ruleIds.push(ruleId);
  }

  askAll(unknowns: readonly UnknownFact[], ruleId: string): void {
    for (const unknown of unknowns) this.ask(unknown.question, unknown.offence, unknown.person, ruleId);
  }

  list(): MissingFact[] {
    return [...this.entries.values()];
  }
}

export function askCrossCutting(questions: Questionnaire, context: Context): void {
  const { header, facts } = context;
  const asked = [...CROSS_CUTTING_QUESTIONS[header.kind]];
  if (header.kind === "mla" && facts.measures.some((measure) => COERCIVE_MEASURES.includes(measure.kind)))
    asked.push("punishable_in_requested_state");
  if (header.kind === "extradition" && !header.purpose) asked.push("purpose");
  for (const question of asked) {
    switch (FACT_SCOPES[question]) {
      case "offence":
        if (facts.offences.length === 0) questions.ask(question, null, null, null);
        for (const offence of facts.offences)
          if (offenceAnswer(question, offence) === null) questions.ask(question, offence, null, null);
        break;
      case "person": {
        const persons = personsFor(question, facts.persons);
        if (persons.length === 0) questions.ask(question, null, null, null);
        for (const person of persons)
          if (personAnswer(question, person, header) === null) questions.ask(question, null, person, null);
        break;
      }
      case "case":
        if (question === "purpose" || caseAnswer(question, facts) === null)
          questions.ask(question, null, null, null);
        break;
    }
  }
}
