import type { z } from "zod";
import {
  type CaseEventInput,
  type CaseFacts,
  type CaseHeader,
  caseFactsSchema,
  caseHeaderSchema,
  type measureSchema,
  type offenceSchema,
  type personSchema,
} from "../../src/domain/cases/model.js";
import { parseIsoDate } from "../../src/domain/platform/dates.js";
import type { AdmissibilityInput, RuleOverlay } from "../../src/domain/rules/input.js";
import type { Rule } from "../../src/domain/rules/model.js";

/**
 * Cases for the checker's tests and examples. Each builder starts from a case where every
 * question is answered "no" (no political offence, not an own national, penalty well above
 * any threshold, every document present), so that a test flips one fact and sees exactly
 * the rule that fact triggers.
 */

type OffenceInput = z.input<typeof offenceSchema>;
type PersonInput = z.input<typeof personSchema>;
type MeasureInput = z.input<typeof measureSchema>;
type HeaderInput = z.input<typeof caseHeaderSchema>;
type FactsInput = z.input<typeof caseFactsSchema>;

export type Scenario = {
  header: CaseHeader;
  facts: CaseFacts;
  events: CaseEventInput[];
  overlays: RuleOverlay[];
};

export type ScenarioOptions = {
  header?: Partial<HeaderInput>;
  /** Merged into the first offence. */
  offence?: Partial<OffenceInput>;
  /** Merged into the first person. */
  person?: Partial<PersonInput>;
  /** Replaces whole lists or case-level answers. */
  facts?: Partial<FactsInput>;
  events?: CaseEventInput[];
  overlays?: RuleOverlay[];
};

const answeredOffence: OffenceInput = {
  id: "o1",
  article: "Criminal Code, art. 372",
  description: "Aggravated blackmail of a business partner",
  maximumPenaltyMonths: 120,
  sentenceMonths: 60,
  lifeImprisonment: false,
  deathPenalty: false,
  punishableInRequestedState: true,
  political: false,
  military: false,
  fiscal: false,
  committedInRequestedState: false,
  committedOn: "2024-03-01",
  timeBarred: false,
  finalJudgmentInRequestedState: false,
  pendingProceedingsInRequestedState: false,
  amnestied: false,
};

const answeredPerson: PersonInput = {
  id: "p1",
  role: "sought",
  fullName: "Sok Dara",
  birthDate: "1980-05-04",
  nationalities: ["KH"],
  location: "Moscow",
  discriminationRiskAlleged: false,
};

function build(kind: HeaderInput["kind"], base: Partial<FactsInput>, options: ScenarioOptions): Scenario {
  const header = caseHeaderSchema.parse({
    kind,
    direction: "incoming",
    reference: `${kind.toUpperCase().replaceAll("_", "-")}-IN-2025-00001`,
    requestingState: "KH",
    requestedState: "RU",
    requestingAuthority: "Ministry of Justice of the Kingdom of Cambodia",
    legalBasis: { type: "instrument", instrumentId: "00000000-0000-4000-8000-000000000001" },
    purpose: kind === "extradition" ? "prosecution" : null,
    title: "Request",
    summary: "The person demanded money from a business partner under threat of violence.",
    ...options.header,
  });
  const facts = caseFactsSchema.parse({
    offences: [{ ...answeredOffence, ...options.offence }],
    persons: [{ ...answeredPerson, ...options.person }],
    requestedStateAbolishedDeathPenalty: true,
    essentialInterestsAtStake: false,
    personConsented: false,
    ...base,
    ...options.facts,
  });
  return { header, facts, events: options.events ?? [], overlays: options.overlays ?? [] };
}

export function extraditionScenario(options: ScenarioOptions = {}): Scenario {
  return build(
    "extradition",
    {
      warrants: [
        {
          id: "w1",
          kind: "arrest_warrant",
          issuedBy: "Phnom Penh Municipal Court",
          issuedOn: "2024-11-20",
          personId: "p1",
        },
      ],
    },
    options,
  );
}

export function mlaScenario(options: ScenarioOptions = {}, measures?: MeasureInput[]): Scenario {
  return build(
    "mla",
    {
      measures: measures ?? [{ id: "m1", kind: "witness_hearing", description: "Hear the business partner" }],
    },
    { ...options, person: { role: "suspect", ...options.person } },
  );
}

export function preservationScenario(options: ScenarioOptions = {}): Scenario {
  return build(
    "preservation_of_data",
    {
      measures: [
        {
          id: "m1",
          kind: "expedited_preservation",
          description: "Preserve the mailbox used to send the threats",
        },
      ],
    },
    { ...options, person: { role: "suspect", ...options.person } },
  );
}

export function admissibilityInput(
  scenario: Scenario,
  legalBasisCodes: string[],
  rules: readonly Rule[],
  date = "2025-05-01",
): AdmissibilityInput {
  return { ...scenario, legalBasisCodes, rules, date: parseIsoDate(date) };
}

/** A decision event, as the officer would append it. */
export function decision(
  outcome: "granted" | "partially_granted" | "refused",
  grounds: { code: string; ruleId?: string }[] = [],
  on = "2025-05-02",
): CaseEventInput {
  return { type: "decided", payload: { on: parseIsoDate(on), outcome, grounds } };
}
