import type { TFunction } from "i18next";
import type { ReservationPayload } from "../../domain/registry/schemas.js";
import type { Subject } from "../../domain/registry/vocabulary.js";
import { inSentence, languageName, listOf } from "./labels.js";

/**
 * A reservation's or declaration's structured payload as one readable line:
 * "Central authority: Ministry of Justice", "Languages: English, Russian".
 */
export function payloadText(payload: ReservationPayload | null, t: TFunction, locale: string): string | null {
  if (!payload) return null;
  const subjects = (list: readonly Subject[]) =>
    listOf(
      list.map((subject) => inSentence(t(`registry.vocab.subjects.${subject}`))),
      locale,
    );
  const label = t(`registry.vocab.reservationKinds.${payload.kind}`);
  switch (payload.kind) {
    case "own_nationals":
      return payload.subjects && payload.subjects.length > 0
        ? t("registry.payload.ownNationalsFor", { subjects: subjects(payload.subjects) })
        : t("registry.payload.ownNationals");
    case "nationals_definition":
      return `${label}: ${payload.definition}`;
    case "central_authority":
      return `${label}: ${payload.authority}`;
    case "languages":
      return `${label}: ${listOf(
        payload.languages.map((code) => languageName(code, locale)),
        locale,
      )}`;
    case "channels":
      return `${label}: ${listOf(
        payload.channels.map((channel) => t(`registry.vocab.channels.${channel}`)),
        locale,
      )}`;
    case "subject_exclusion":
      return `${label}: ${subjects(payload.subjects)}`;
    case "other":
      return `${label}: ${payload.text}`;
  }
}
