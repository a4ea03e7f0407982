import type { z } from "zod";
import type {
  Asset,
  CaseFacts,
  caseFactsSchema,
  Measure,
  Offence,
  Person,
} from "../../domain/cases/model.js";
import type { AssetType, MeasureKind, PersonRole } from "../../domain/cases/vocabulary.js";
import { listKey } from "../forms/form-helpers.js";

/**
 * The facts as a form edits them (strings for inputs, "unknown" for an unanswered yes/no
 * question) and back. Fields the form does not show are kept from what was loaded, so
 * that amending the facts never drops a notice, a warrant or an answer given elsewhere.
 */

export type Answer = "unknown" | "yes" | "no";

/** The yes/no answers about an offence that the admissibility checker asks for. */
export const OFFENCE_ANSWERS = [
  "political",
  "military",
  "fiscal",
  "punishableInRequestedState",
  "committedInRequestedState",
  "timeBarred",
  "finalJudgmentInRequestedState",
  "pendingProceedingsInRequestedState",
  "amnestied",
  "deathPenalty",
  "lifeImprisonment",
] as const satisfies readonly (keyof Offence)[];
export type OffenceAnswer = (typeof OFFENCE_ANSWERS)[number];

/** The case-wide yes/no answers. */
export const CASE_ANSWERS = [
  "requestedStateAbolishedDeathPenalty",
  "essentialInterestsAtStake",
  "personConsented",
] as const satisfies readonly (keyof CaseFacts)[];
export type CaseAnswer = (typeof CASE_ANSWERS)[number];

type NumberField = number | string;

export type OffenceRow = {
  key: string;
  id: string;
  article: string;
  description: string;
  category: string;
  maximumPenaltyMonths: NumberField;
  minimumPenaltyMonths: NumberField;
  sentenceMonths: NumberField;
  committedOn: string;
  answers: Record<OffenceAnswer, Answer>;
  original: Partial<Offence>;
};

export type PersonRow = {
  key: string;
  id: string;
  role: PersonRole;
  fullName: string;
  otherNames: string[];
  birthDate: string;
  nationalities: string[];
  location: string;
  discriminationRiskAlleged: Answer;
  original: Partial<Person>;
};

export type MeasureRow = {
  key: string;
  id: string;
  kind: MeasureKind;
  description: string;
  executingAuthority: string;
  original: Partial<Measure>;
};

export type AssetRow = {
  key: string;
  id: string;
  type: AssetType;
  description: string;
  amount: string;
  currency: string;
  valuedOn: string;
  holder: string;
  location: string;
  locationState: string | null;
  original: Partial<Asset>;
};

export type FactsValues = {
  offences: OffenceRow[];
  persons: PersonRow[];
  measures: MeasureRow[];
  assets: AssetRow[];
  answers: Record<CaseAnswer, Answer>;
  /** Notices, warrants and anything else the form does not edit. */
  original: Partial<CaseFacts>;
};

export function answerOf(value: boolean | null | undefined): Answer {
  return value === true ? "yes" : value === false ? "no" : "unknown";
}

export function booleanOf(answer: Answer): boolean | null {
  return answer === "yes" ? true : answer === "no" ? false : null;
}

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

function months(value: NumberField): number | null {
  if (value === "" || value === null || value === undefined) return null;
  const number = typeof value === "number" ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

function numberField(value: number | null | undefined): NumberField {
  return value === null || value === undefined ? "" : value;
}

/** The next free id with this prefix: o1, o2, ... (ids are stable once the case exists). */
export function nextId(prefix: string, taken: readonly string[]): string {
  let number = 1;
  while (taken.includes(`${prefix}${number}`)) number += 1;
  return `${prefix}${number}`;
}

const allAnswers = <K extends string>(keys: readonly K[], read: (key: K) => boolean | null | undefined) =>
  Object.fromEntries(keys.map((key) => [key, answerOf(read(key))])) as Record<K, Answer>;

export function newOffence(taken: readonly string[]): OffenceRow {
  return {
    key: listKey(),
    id: nextId("o", taken),
    article: "",
    description: "",
    category: "",
    maximumPenaltyMonths: "",
    minimumPenaltyMonths: "",
    sentenceMonths: "",
    committedOn: "",
    answers: allAnswers(OFFENCE_ANSWERS, () => null),
    original: {},
  };
}

export function newPerson(taken: readonly string[], role: PersonRole): PersonRow {
  return {
    key: listKey(),
    id: nextId("p", taken),
    role,
    fullName: "",
    otherNames: [],
    birthDate: "",
    nationalities: [],
    location: "",
    discriminationRiskAlleged: "unknown",
    original: {},
  };
}

export function newMeasure(taken: readonly string[], kind: MeasureKind = "other"): MeasureRow {
  return {
    key: listKey(),
    id: nextId("m", taken),
    kind,
    description: "",
    executingAuthority: "",
    original: {},
  };
}

export function newAsset(taken: readonly string[]): AssetRow {
  return {
    key: listKey(),
    id: nextId("a", taken),
    type: "bank_account",
    description: "",
    amount: "",
    currency: "",
    valuedOn: "",
    holder: "",
    location: "",
    locationState: null,
    original: {},
  };
}

export const EMPTY_FACTS: FactsValues = {
  offences: [],
  persons: [],
  measures: [],
  assets: [],
  answers: allAnswers(CASE_ANSWERS, () => null),
  original: {},
};

export function factsValuesFrom(facts: CaseFacts): FactsValues {
  return {
    offences: facts.offences.map((offence) => ({
      key: listKey(),
      id: offence.id,
      article: offence.article,
      description: offence.description,
      category: offence.category ?? "",
      maximumPenaltyMonths: numberField(offence.maximumPenaltyMonths),
      minimumPenaltyMonths: numberField(offence.minimumPenaltyMonths),
      sentenceMonths: numberField(offence.sentenceMonths),
      committedOn: offence.committedOn ?? "",
      answers: allAnswers(OFFENCE_ANSWERS, (key) => offence[key]),
      original: offence,
    })),
    persons: facts.persons.map((person) => ({
      key: listKey(),
      id: person.id,
      role: person.role,
      fullName: person.fullName,
      otherNames: [...person.otherNames],
      birthDate: person.birthDate ?? "",
      nationalities: [...person.nationalities],
      location: person.location ?? "",
      discriminationRiskAlleged: answerOf(person.discriminationRiskAlleged),
      original: person,
    })),
    measures: facts.measures.map((measure) => ({
      key: listKey(),
      id: measure.id,
      kind: measure.kind,
      description: measure.description,
      executingAuthority: measure.executingAuthority ?? "",
      original: measure,
    })),
    assets: facts.assets.map((asset) => ({
      key: listKey(),
      id: asset.id,
      type: asset.type,
      description: asset.description,
      amount: asset.value?.amount ?? "",
      currency: asset.value?.currency ?? "",
      valuedOn: asset.valuedOn ?? "",
      holder: asset.holder ?? "",
      location: asset.location ?? "",
      locationState: asset.locationState ?? null,
      original: asset,
    })),
    answers: allAnswers(CASE_ANSWERS, (key) => facts[key]),
    original: facts,
  };
}

/** The facts as the form gives them: what caseFactsSchema checks (and turns into CaseFacts) before they leave. */
export type FactsInput = z.input<typeof caseFactsSchema>;

/** The facts to send; the schema (caseFactsSchema) checks them before they leave. */
export function factsOf(values: FactsValues): FactsInput {
  const amount = (row: AssetRow) => row.amount.trim();
  return {
    notices: [],
    warrants: [],
    ...values.original,
    offences: values.offences.map((row) => ({
      ...row.original,
      id: row.id,
      article: row.article.trim(),
      description: row.description.trim(),
      category: text(row.category),
      maximumPenaltyMonths: months(row.maximumPenaltyMonths),
      minimumPenaltyMonths: months(row.minimumPenaltyMonths),
      sentenceMonths: months(row.sentenceMonths),
      committedOn: text(row.committedOn),
      ...Object.fromEntries(OFFENCE_ANSWERS.map((key) => [key, booleanOf(row.answers[key])])),
    })),
    persons: values.persons.map((row) => ({
      ...row.original,
      id: row.id,
      role: row.role,
      fullName: row.fullName.trim(),
      otherNames: row.otherNames.map((name) => name.trim()).filter(Boolean),
      birthDate: text(row.birthDate),
      nationalities: row.nationalities,
      location: text(row.location),
      discriminationRiskAlleged: booleanOf(row.discriminationRiskAlleged),
    })),
    measures: values.measures.map((row) => ({
      status: "requested" as const,
      ...row.original,
      id: row.id,
      kind: row.kind,
      description: row.description.trim(),
      executingAuthority: text(row.executingAuthority),
    })),
    assets: values.assets.map((row) => ({
      stage: "identified" as const,
      ...row.original,
      id: row.id,
      type: row.type,
      description: row.description.trim(),
      value:
        amount(row) || row.currency.trim()
          ? { amount: amount(row).replace(",", "."), currency: row.currency.trim().toUpperCase() }
          : null,
      valuedOn: text(row.valuedOn),
      holder: text(row.holder),
      location: text(row.location),
      locationState: row.locationState,
    })),
    ...Object.fromEntries(CASE_ANSWERS.map((key) => [key, booleanOf(values.answers[key])])),
  };
}

/**
 * A facts path of the schema or the server ("offences.0.article", "assets.1.value.amount")
 * as the form's field path ("facts.offences.0.article", "facts.assets.1.amount").
 */
export function factsFormPath(path: string, prefix = "facts."): string {
  const value = /^assets\.(\d+)\.value(?:\.(amount|currency))?$/.exec(path);
  if (value) return `${prefix}assets.${value[1]}.${value[2] ?? "amount"}`;
  const answer = /^(offences|persons)\.(\d+)\.([a-zA-Z]+)$/.exec(path);
  if (answer) {
    const [, list, index, field] = answer;
    if (list === "offences" && (OFFENCE_ANSWERS as readonly string[]).includes(field ?? ""))
      return `${prefix}offences.${index}.answers.${field}`;
    if (list === "persons" && field === "otherNames") return `${prefix}persons.${index}.otherNames`;
  }
  const nested = /^persons\.(\d+)\.(otherNames|nationalities)\.\d+$/.exec(path);
  if (nested) return `${prefix}persons.${nested[1]}.${nested[2]}`;
  return `${prefix}${path}`;
}
