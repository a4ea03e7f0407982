import type { Bilingual } from "../../domain/platform/schemas.js";

/**
 * A text the server sends in both languages (a rule's title, a deadline's derivation, a
 * holiday's name) in the interface language; the other language stands in for an empty one.
 */
export function inLanguage(value: Bilingual, language: string): string {
  const [first, second] = language === "ru" ? [value.ru, value.en] : [value.en, value.ru];
  return first || second;
}
