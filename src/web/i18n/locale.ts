import { LOCALES, type Locale } from "../../domain/platform/schemas.js";

/** The only thing Comity keeps in the browser's storage (security requirement: no user or case data). */
export const LOCALE_STORAGE_KEY = "comity.locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    // Storage can be switched off (private mode, policy); the browser language still works.
    return null;
  }
}

function browserLocale(): Locale {
  return navigator.language.toLowerCase().startsWith("ru") ? "ru" : "en";
}

/** Before sign-in: the language chosen earlier on this browser, else the browser's own. */
export function initialLocale(): Locale {
  return storedLocale() ?? browserLocale();
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered across visits; the language still applies now.
  }
}
