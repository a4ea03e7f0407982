import type { TFunction } from "i18next";
import { LOCALES } from "../../../domain/platform/schemas.js";
import { CONFIDENTIALITY_LEVELS, ROLES } from "../../../domain/platform/vocabulary.js";

export function roleOptions(t: TFunction) {
  return ROLES.map((role) => ({ value: role, label: t(`roles.names.${role}`) }));
}

export function localeOptions(t: TFunction) {
  return LOCALES.map((locale) => ({ value: locale, label: t(`language.names.${locale}`) }));
}

export function clearanceOptions(t: TFunction) {
  return CONFIDENTIALITY_LEVELS.map((level) => ({ value: level, label: t(`clearances.${level}`) }));
}
