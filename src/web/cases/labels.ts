import type { TFunction } from "i18next";
import type { CaseEventType } from "../../domain/cases/model.js";
import type { CaseKind, Direction } from "../../domain/cases/vocabulary.js";
import type { DeadlineState } from "../../domain/clocks/schemas.js";
import { type FactQuestion, REFUSAL_GROUNDS } from "../../domain/rules/vocabulary.js";
import { inSentence } from "../registry/labels.js";

/**
 * Labels of the case's words in the reader's language. A ground code comes from a rule
 * file as a plain string: a known one is translated, another is shown as written.
 */

function member<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** INTERPOL notice colours and diffusions (data/cases/notices.csv). */
export const NOTICE_TYPES = [
  "red",
  "yellow",
  "blue",
  "black",
  "green",
  "orange",
  "purple",
  "silver",
  "un_special",
  "diffusion",
] as const;

export const DECISION_OUTCOMES = ["granted", "partially_granted", "refused"] as const;

/** A vocabulary as a Select's choices, each labelled in the reader's language. */
export const labelledOptions = <T extends string>(list: readonly T[], label: (value: T) => string) =>
  list.map((value) => ({ value, label: label(value) }));

export function eventTypeLabel(type: CaseEventType, t: TFunction): string {
  return t(`cases.vocab.eventTypes.${type}`);
}

export function groundLabel(code: string, t: TFunction): string {
  return member(REFUSAL_GROUNDS, code) ? t(`cases.vocab.refusalGrounds.${code}`) : code;
}

/** Every refusal ground as a Select's choices, in the reader's language and alphabetical order. */
export function groundOptions(t: TFunction, language: string): { value: string; label: string }[] {
  return REFUSAL_GROUNDS.map((code) => ({ value: code, label: groundLabel(code, t) })).sort((a, b) =>
    a.label.localeCompare(b.label, language),
  );
}

export function questionLabel(question: FactQuestion, t: TFunction): string {
  return t(`cases.vocab.factQuestions.${question}`);
}

export function noticeTypeLabel(code: string, t: TFunction): string {
  return member(NOTICE_TYPES, code) ? t(`cases.vocab.noticeTypes.${code}`) : code;
}

export function deadlineStateLabel(state: DeadlineState, t: TFunction): string {
  return t(`cases.vocab.deadlineStates.${state}`);
}

/** The foreign state of a case: the one asking us, or the one we ask. */
export function partnerState(header: {
  direction: Direction;
  requestingState: string;
  requestedState: string;
}) {
  return header.direction === "incoming" ? header.requestingState : header.requestedState;
}

/** "Extradition · incoming", "MLA · outgoing": kind and direction in one label. */
export function kindAndDirection(kind: CaseKind, direction: Direction, t: TFunction): string {
  return t("cases.kindAndDirection", {
    kind: t(`cases.vocab.kinds.${kind}`),
    direction: inSentence(t(`cases.vocab.directions.${direction}`)),
  });
}
