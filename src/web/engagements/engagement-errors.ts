import type { TFunction } from "i18next";
import { ApiError } from "../api/client.js";
import { errorMessage } from "../api/errors.js";

/** The engagements' own refusals, explained in the interface language. */
export const ENGAGEMENT_ERROR_CODES = [
  "unknown_person",
  "unknown_team",
  "unknown_case",
  "unknown_agency",
  "unknown_instrument",
  "invitation_answered",
  "action_item_closed",
  "outcome_in_use",
  "code_taken",
  "stale_version",
] as const;
type EngagementErrorCode = (typeof ENGAGEMENT_ERROR_CODES)[number];

function isEngagementCode(code: string): code is EngagementErrorCode {
  return (ENGAGEMENT_ERROR_CODES as readonly string[]).includes(code);
}

export function engagementErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && isEngagementCode(error.code)) return t(`engagements.errors.${error.code}`);
  return errorMessage(error, t);
}

/** 412: someone changed the record since this page read it. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 412 || error.code === "stale_version");
}

/**
 * The server's field problems ("body.participants.1.personId") keyed by the form's paths,
 * through `toField`; the first problem per field wins. Known codes are explained in the
 * interface language; the rest keep the server's message.
 */
export function serverProblems(
  error: unknown,
  t: TFunction,
  toField: (path: string) => string = (path) => path,
): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const problem of error.fields) {
    const field = toField(problem.path.replace(/^body\./, ""));
    if (!field || field in out) continue;
    out[field] =
      isEngagementCode(error.code) && error.code !== "stale_version"
        ? t(`engagements.errors.${error.code}`)
        : problem.message;
  }
  return out;
}
