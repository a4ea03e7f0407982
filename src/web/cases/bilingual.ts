/**
 * Texts the server sends in both languages: rule titles, derivations, consequences. They
 * come as `{ en, ru }` or as a pair of fields (`titleEn`, `titleRu`); either is read, and
 * the other language stands in when one is missing.
 */
export type Bilingual = { en?: string | null; ru?: string | null };

function isBilingual(value: unknown): value is Bilingual {
  return typeof value === "object" && value !== null && ("en" in value || "ru" in value);
}

export function inLanguage(value: unknown, language: string): string | null {
  if (typeof value === "string") return value || null;
  if (!isBilingual(value)) return null;
  const russian = language === "ru";
  const first = russian ? value.ru : value.en;
  const second = russian ? value.en : value.ru;
  return first || second || null;
}

/** `field` of `record` in the interface language: `record.title.ru`, or `record.titleRu`. */
export function bilingualField(
  record: Record<string, unknown>,
  field: string,
  language: string,
): string | null {
  const nested = inLanguage(record[field], language);
  if (nested) return nested;
  const russian = language === "ru";
  const en = record[`${field}En`];
  const ru = record[`${field}Ru`];
  return inLanguage(
    { en: typeof en === "string" ? en : null, ru: typeof ru === "string" ? ru : null },
    russian ? "ru" : "en",
  );
}
