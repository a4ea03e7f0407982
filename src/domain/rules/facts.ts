import type { CaseFacts, CaseHeader, Offence, Person } from "../cases/model.js";
import type { PersonRole } from "../cases/vocabulary.js";
import type { FactQuestion } from "./vocabulary.js";

/**
 * How the checker reads the answer to each question from a case's facts. Every answer is
 * yes, no or unknown (null): the facts schema keeps "not yet known" as null so that the
 * checker can tell "the offence is not political" from "nobody has said".
 */

import type { Bilingual } from "../platform/schemas.js";

/** Where a question's answer lives: on each offence, on each person concerned, or on the case. */
export type FactScope = "offence" | "person" | "case";

export const FACT_SCOPES: Record<FactQuestion, FactScope> = {
  political: "offence",
  military: "offence",
  fiscal: "offence",
  discrimination_risk: "person",
  own_national: "person",
  committed_in_requested_state: "offence",
  time_barred: "offence",
  final_judgment_in_requested_state: "offence",
  pending_proceedings_in_requested_state: "offence",
  amnestied: "offence",
  death_penalty: "offence",
  requested_state_abolished_death_penalty: "case",
  punishable_in_requested_state: "offence",
  essential_interests: "case",
  in_absentia: "case",
  maximum_penalty: "offence",
  sentence: "offence",
  person_consented: "case",
  purpose: "case",
};

/** The persons a person question is about: the nationality of the person sought, the risk to anyone prosecuted. */
export const PERSON_QUESTION_ROLES: Partial<Record<FactQuestion, readonly PersonRole[]>> = {
  own_national: ["sought"],
  discrimination_risk: ["sought", "suspect", "accused", "convicted"],
};

/** Kinds of warrant that are judgments: only these can have been given in absentia (CETS 098 art. 3). */
const JUDGMENT_KINDS = new Set(["conviction", "judgment"]);

export function offenceAnswer(question: FactQuestion, offence: Offence): boolean | null {
  switch (question) {
    case "political":
      return offence.political ?? null;
    case "military":
      return offence.military ?? null;
    case "fiscal":
      return offence.fiscal ?? null;
    case "committed_in_requested_state":
      return offence.committedInRequestedState ?? null;
    case "time_barred":
      return offence.timeBarred ?? null;
    case "final_judgment_in_requested_state":
      return offence.finalJudgmentInRequestedState ?? null;
    case "pending_proceedings_in_requested_state":
      return offence.pendingProceedingsInRequestedState ?? null;
    case "amnestied":
      return offence.amnestied ?? null;
    case "death_penalty":
      return offence.deathPenalty ?? null;
    case "punishable_in_requested_state":
      return offence.punishableInRequestedState ?? null;
    default:
      throw new Error(`${question} is not a question about an offence`);
  }
}

/**
 * A sought person is an own national of the requested state when their nationalities
 * include it (CETS 024 art. 6(1)); with no nationality recorded, nobody knows yet.
 */
export function personAnswer(question: FactQuestion, person: Person, header: CaseHeader): boolean | null {
  switch (question) {
    case "own_national":
      return person.nationalities.length === 0 ? null : person.nationalities.includes(header.requestedState);
    case "discrimination_risk":
      return person.discriminationRiskAlleged ?? null;
    default:
      throw new Error(`${question} is not a question about a person`);
  }
}

export function caseAnswer(question: FactQuestion, facts: CaseFacts): boolean | null {
  switch (question) {
    case "requested_state_abolished_death_penalty":
      return facts.requestedStateAbolishedDeathPenalty ?? null;
    case "essential_interests":
      return facts.essentialInterestsAtStake ?? null;
    case "person_consented":
      return facts.personConsented ?? null;
    case "in_absentia":
      return inAbsentiaAnswer(facts);
    default:
      throw new Error(`${question} is not a question about the case`);
  }
}

/**
 * Any judgment marked in absentia answers yes; judgments all marked as given in the
 * person's presence answer no; without a judgment recorded, nobody knows yet.
 */
function inAbsentiaAnswer(facts: CaseFacts): boolean | null {
  const judgments = facts.warrants.filter((warrant) => JUDGMENT_KINDS.has(warrant.kind));
  if (judgments.some((judgment) => judgment.inAbsentia === true)) return true;
  if (judgments.length > 0 && judgments.every((judgment) => judgment.inAbsentia === false)) return false;
  return null;
}

/** The persons a question is about, by role. */
export function personsFor(question: FactQuestion, persons: readonly Person[]): Person[] {
  const roles = PERSON_QUESTION_ROLES[question];
  return roles ? persons.filter((person) => roles.includes(person.role)) : [...persons];
}

/**
 * The questionnaire's wording. `{offence}` is the offence's national provision, `{person}`
 * the person's name, `{requestedState}` the requested state's code: the officer answers
 * about this offence and this person, not in general.
 */
const QUESTION_TEXTS: Record<FactQuestion, Bilingual> = {
  political: {
    en: "Is the offence ({offence}) political, or connected with a political offence?",
    ru: "Является ли преступление ({offence}) политическим или связанным с политическим преступлением?",
  },
  military: {
    en: "Is the offence ({offence}) an offence under military law only, and not under ordinary criminal law?",
    ru: "Является ли преступление ({offence}) только воинским, не предусмотренным общим уголовным законом?",
  },
  fiscal: {
    en: "Does the offence ({offence}) concern taxes, duties, customs or exchange (a fiscal offence)?",
    ru: "Связано ли преступление ({offence}) с налогами, сборами, таможенными или валютными правилами (финансовое преступление)?",
  },
  discrimination_risk: {
    en: "Are there substantial grounds to believe that {person} is sought on account of race, religion, nationality or political opinion, or would be prejudiced for any of these reasons?",
    ru: "Есть ли серьёзные основания полагать, что {person} преследуется по признаку расы, религии, национальности или политических убеждений или что его положение может ухудшиться по этим причинам?",
  },
  own_national: {
    en: "Is {person} a national of the requested state ({requestedState})? Record the person's nationalities.",
    ru: "Является ли {person} гражданином запрашиваемого государства ({requestedState})? Укажите гражданство лица.",
  },
  committed_in_requested_state: {
    en: "Was the offence ({offence}) committed, wholly or partly, in the territory of the requested state ({requestedState})?",
    ru: "Совершено ли преступление ({offence}) полностью или частично на территории запрашиваемого государства ({requestedState})?",
  },
  time_barred: {
    en: "Is prosecution or enforcement for the offence ({offence}) barred by lapse of time?",
    ru: "Истёк ли срок давности уголовного преследования или исполнения приговора по преступлению ({offence})?",
  },
  final_judgment_in_requested_state: {
    en: "Have the authorities of the requested state ({requestedState}) given a final judgment on the person for the same offence ({offence})?",
    ru: "Вынесено ли компетентными органами запрашиваемого государства ({requestedState}) окончательное решение в отношении лица за то же преступление ({offence})?",
  },
  pending_proceedings_in_requested_state: {
    en: "Is the requested state ({requestedState}) itself prosecuting the same offence ({offence})?",
    ru: "Ведёт ли запрашиваемое государство ({requestedState}) собственное уголовное преследование за то же преступление ({offence})?",
  },
  amnestied: {
    en: "Is the offence ({offence}) covered by an amnesty in the requested state ({requestedState})?",
    ru: "Подпадает ли преступление ({offence}) под амнистию в запрашиваемом государстве ({requestedState})?",
  },
  death_penalty: {
    en: "Is the offence ({offence}) punishable by death under the law of the requesting state?",
    ru: "Предусматривает ли закон запрашивающего государства смертную казнь за преступление ({offence})?",
  },
  requested_state_abolished_death_penalty: {
    en: "Does the law of the requested state ({requestedState}) not provide for the death penalty, or is it not normally carried out there?",
    ru: "Не предусмотрена ли смертная казнь законом запрашиваемого государства ({requestedState}) или не применяется ли она там обычно?",
  },
  punishable_in_requested_state: {
    en: "Is the conduct described in the offence ({offence}) also an offence under the law of the requested state ({requestedState})?",
    ru: "Является ли деяние, описанное в преступлении ({offence}), преступлением и по закону запрашиваемого государства ({requestedState})?",
  },
  essential_interests: {
    en: "Would executing the request prejudice the sovereignty, security, public order (ordre public) or other essential interests of the requested state ({requestedState})?",
    ru: "Может ли исполнение запроса нанести ущерб суверенитету, безопасности, публичному порядку или иным существенным интересам запрашиваемого государства ({requestedState})?",
  },
  in_absentia: {
    en: "Was the judgment to be enforced given in the absence of the person (in absentia)?",
    ru: "Вынесен ли подлежащий исполнению приговор в отсутствие лица (заочно)?",
  },
  maximum_penalty: {
    en: "What is the maximum penalty for the offence ({offence}) under the law of the requesting state, in months?",
    ru: "Каков максимальный срок наказания за преступление ({offence}) по закону запрашивающего государства, в месяцах?",
  },
  sentence: {
    en: "What sentence, in months, is to be enforced for the offence ({offence})?",
    ru: "Какой срок наказания, в месяцах, подлежит исполнению за преступление ({offence})?",
  },
  person_consented: {
    en: "Has the person consented to extradition?",
    ru: "Дало ли лицо согласие на выдачу?",
  },
  purpose: {
    en: "Is extradition sought to prosecute the person, or to enforce a sentence?",
    ru: "Запрашивается ли выдача для уголовного преследования или для исполнения приговора?",
  },
};

const UNNAMED_PERSON = { en: "the person sought", ru: "разыскиваемое лицо" };

export function questionText(
  question: FactQuestion,
  context: { offence?: Offence | null; person?: Person | null; requestedState: string },
): Bilingual {
  // Without an offence recorded, "the offence (...)" reads as "the offence".
  const fill = (template: string, language: "en" | "ru") =>
    (context.offence
      ? template.replaceAll("{offence}", context.offence.article)
      : template.replaceAll(" ({offence})", "")
    )
      .replaceAll("{person}", context.person?.fullName ?? UNNAMED_PERSON[language])
      .replaceAll("{requestedState}", context.requestedState);
  const text = QUESTION_TEXTS[question];
  return { en: fill(text.en, "en"), ru: fill(text.ru, "ru") };
}
