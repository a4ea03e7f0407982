import type { TFunction } from "i18next";
import { CHANNELS, RESERVATION_KINDS, SUBJECTS } from "../../domain/registry/vocabulary.js";
import { inSentence, languageName, listOf } from "./labels.js";

/**
 * A reservation's or declaration's structured payload as one readable line:
 * "Central authority: Ministry of Justice", "Languages: English, Russian".
 */
export function payloadText(
  payload: Record<string, unknown> | null,
  t: TFunction,
  locale: string,
): string | null {
  if (!payload) return null;
  const kind = typeof payload.kind === "string" ? payload.kind : null;
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  const subjects = (value: unknown) =>
    listOf(
      strings(value).map((subject) =>
        (SUBJECTS as readonly string[]).includes(subject)
          ? inSentence(t(`registry.vocab.subjects.${subject as (typeof SUBJECTS)[number]}`))
          : subject,
      ),
      locale,
    );
  const label = (name: string) =>
    (RESERVATION_KINDS as readonly string[]).includes(name)
      ? t(`registry.vocab.reservationKinds.${name as (typeof RESERVATION_KINDS)[number]}`)
      : name;
  switch (kind) {
    case "own_nationals": {
      const list = strings(payload.subjects);
      return list.length > 0
        ? t("registry.payload.ownNationalsFor", { subjects: subjects(payload.subjects) })
        : t("registry.payload.ownNationals");
    }
    case "nationals_definition":
      return `${label(kind)}: ${String(payload.definition ?? "")}`;
    case "central_authority":
      return `${label(kind)}: ${String(payload.authority ?? "")}`;
    case "languages":
      return `${label(kind)}: ${listOf(
        strings(payload.languages).map((code) => languageName(code, locale)),
        locale,
      )}`;
    case "channels":
      return `${label(kind)}: ${listOf(
        strings(payload.channels).map((channel) =>
          (CHANNELS as readonly string[]).includes(channel)
            ? t(`registry.vocab.channels.${channel as (typeof CHANNELS)[number]}`)
            : channel,
        ),
        locale,
      )}`;
    case "subject_exclusion":
      return `${label(kind)}: ${subjects(payload.subjects)}`;
    case "other":
      return `${label(kind)}: ${String(payload.text ?? "")}`;
    default:
      return JSON.stringify(payload);
  }
}
