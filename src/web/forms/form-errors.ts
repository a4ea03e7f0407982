import type { TFunction } from "i18next";
import type { z } from "zod";
import { ApiError } from "../api/client.js";

/**
 * Field messages in the interface language for the shared zod schemas' issues. The
 * schemas' own messages are English; known ones are translated, and the rest are
 * described by their kind (missing, too long, not a date, not a web address).
 */
const KNOWN_MESSAGES: Record<string, string> = {
  "a source needs a title or a URL": "citationNeedsTitleOrUrl",
  "cite at least one source": "sourceRequired",
  "the term ends before it starts": "termOrder",
  "takes effect before it was made": "effectiveBeforeDate",
  "only reservations and declarations carry a payload": "payloadOnlyReservations",
  "ends before it starts": "endsBeforeStart",
  "nothing to change": "nothingToChange",
  "2 to 48 capitals, digits, dots, dashes or underscores": "instrumentCode",
  "an ISO 3166-1 alpha-2 code in capitals, such as RU or KH": "stateCode",
  "a date as YYYY-MM-DD": "date",
  "two different states": "differentStates",
};

type Issue = z.core.$ZodIssue;

export function issueMessage(issue: Issue, t: TFunction): string {
  const known = KNOWN_MESSAGES[issue.message];
  if (known) return t(`registry.validation.${known as "date"}`);
  switch (issue.code) {
    case "too_small":
      return issue.origin === "array" && Number(issue.minimum) > 0
        ? t("registry.validation.chooseAtLeastOne")
        : t("registry.validation.required");
    case "too_big":
      return t("registry.validation.tooLong", { max: String(issue.maximum) });
    case "invalid_format":
      if (issue.format === "url") return t("registry.validation.url");
      if (issue.format === "date") return t("registry.validation.date");
      if (issue.format === "uuid") return t("registry.validation.choose");
      return t("registry.validation.format");
    case "invalid_type":
    case "invalid_value":
    case "invalid_union":
      return t("registry.validation.choose");
    default:
      return t("registry.validation.invalid");
  }
}

/** Issues keyed by the form's field path ("sources.0.title"), the first issue per field. */
export function zodFieldErrors(error: z.ZodError, t: TFunction, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    let path = prefix + issue.path.map(String).join(".");
    // A citation without title or URL is reported on the citation; the form shows it at its title.
    if (KNOWN_MESSAGES[issue.message] === "citationNeedsTitleOrUrl") path = path ? `${path}.title` : "title";
    if (!(path in out)) out[path] = issueMessage(issue, t);
  }
  return out;
}

/** Field problems the server reported ("body.sources.0.url"), keyed the same way. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const problem of error.fields) out[problem.path.replace(/^body\./, "")] = problem.message;
  return out;
}
