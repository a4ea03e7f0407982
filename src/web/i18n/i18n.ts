import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../../domain/platform/schemas.js";
import { en } from "./en.js";
import { initialLocale, isLocale, rememberLocale } from "./locale.js";
import { ru } from "./ru.js";

export const i18n = i18next.createInstance();

function reflectInDocument(language: string): void {
  document.documentElement.lang = language;
}

i18n.on("languageChanged", reflectInDocument);

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: initialLocale(),
  fallbackLng: "en",
  supportedLngs: ["en", "ru"],
  // Resources are bundled, so initialisation is synchronous and the first render is translated.
  initAsync: false,
  // React escapes what it renders; escaping here as well would double-escape.
  interpolation: { escapeValue: false },
  returnNull: false,
});
reflectInDocument(i18n.language);

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : "en";
}

/** Switches the interface language and remembers it on this browser (the only stored value). */
export async function applyLocale(locale: Locale): Promise<void> {
  rememberLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}
