import type { TFunction } from "i18next";
import { AGENCY_KINDS, SOURCE_KINDS } from "../../domain/registry/vocabulary.js";

/** Labels of the registry's words whose codes arrive as plain strings from the server. */

export const IDENTIFIER_SCHEMES = ["cets", "untc", "oas", "national_register", "other"] as const;

function member<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export function sourceKindLabel(kind: string, t: TFunction): string {
  return member(SOURCE_KINDS, kind) ? t(`registry.vocab.sourceKinds.${kind}`) : kind;
}

export function identifierSchemeLabel(scheme: string, t: TFunction): string {
  return member(IDENTIFIER_SCHEMES, scheme) ? t(`registry.vocab.identifierSchemes.${scheme}`) : scheme;
}

export function agencyKindLabel(kind: string, t: TFunction): string {
  return member(AGENCY_KINDS, kind) ? t(`directory.agencyKinds.${kind}`) : kind;
}

/** "ru" -> "Russian" / "русский", from the browser's own language names. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function listOf(items: string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items);
  } catch {
    return items.join(", ");
  }
}

/** A label inside a sentence: "Mutual legal assistance" -> "mutual legal assistance" (not acronyms). */
export function inSentence(label: string): string {
  const [first = "", second = ""] = label;
  return second && second === second.toLocaleUpperCase() && second !== second.toLocaleLowerCase()
    ? label
    : first.toLocaleLowerCase() + label.slice(1);
}
