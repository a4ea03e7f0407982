import type { TFunction } from "i18next";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../domain/platform/vocabulary.js";
import { ApiError } from "./client.js";

/**
 * Error codes the interface explains in the user's language. The server's English
 * message is the fallback for any other code, so a new server error is never silent.
 */
const TRANSLATED_CODES = [
  "network_error",
  "invalid_response",
  "http_error",
  "internal_error",
  "unavailable",
  "rate_limited",
  "csrf_invalid",
  "invalid_input",
  "unauthenticated",
  "session_ended",
  "mfa_required",
  "permission_denied",
  "not_found",
  "invalid_credentials",
  "invalid_code",
  "mfa_already_enrolled",
  "mfa_not_started",
  "mfa_not_enrolled",
  "wrong_password",
  "password_unchanged",
  "password_too_short",
  "password_too_long",
  "password_banned",
  "password_contains_personal_data",
  "password_too_guessable",
  "invalid_link",
  "already_set_up",
  "username_taken",
  "stale_version",
  "if_match_required",
  "self_role_change",
  "self_disable",
  "self_reset",
  "last_administrator",
  "no_user",
  "shipped_fact",
  "code_taken",
  "duplicate_fact",
  "self_relation",
  "unknown_instrument",
  "unknown_state",
  "unknown_agency",
  "unknown_organisation",
  "agency_cycle",
  "agency_parent_state",
  "invalid_csv",
] as const;
type TranslatedCode = (typeof TRANSLATED_CODES)[number];

function isTranslated(code: string): code is TranslatedCode {
  return (TRANSLATED_CODES as readonly string[]).includes(code);
}

function translate(code: TranslatedCode, t: TFunction): string {
  return t(`errors.codes.${code}`, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
}

/** The message to show for any failure: translated when the code is known. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) return isTranslated(error.code) ? translate(error.code, t) : error.message;
  return t("errors.unexpected");
}

/**
 * Field errors of a failed request, keyed by form field ("body.password" -> "password").
 * Only fields the form has are returned; the rest stay in the general message.
 */
export function fieldErrors<Field extends string>(
  error: unknown,
  fields: readonly Field[],
  t: TFunction,
): Partial<Record<Field, string>> {
  if (!(error instanceof ApiError)) return {};
  const result: Partial<Record<Field, string>> = {};
  for (const problem of error.fields) {
    const name = problem.path.replace(/^body\./, "");
    const field = fields.find((candidate) => candidate === name);
    if (!field) continue;
    result[field] =
      isTranslated(error.code) && error.code !== "invalid_input" ? translate(error.code, t) : problem.message;
  }
  return result;
}

export function hasCode(error: unknown, ...codes: string[]): boolean {
  return error instanceof ApiError && codes.includes(error.code);
}
