import { Alert } from "@mantine/core";
import { IconAlertCircle, IconRefresh } from "@tabler/icons-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ConditionFinding } from "../../domain/rules/schemas.js";
import { ApiError } from "../api/client.js";
import { errorMessage } from "../api/errors.js";
import { isRefused, isStale } from "./server-errors.js";

/**
 * Why the server did not record an event, inside the dialog: the case changed meanwhile
 * (412: the page reads it again, the user sends once more), the state machine or a rule's
 * condition refused it (409: the server's message says what to do first), or anything else.
 */
export function EventErrorAlert({
  error,
  conditions = [],
}: {
  error: unknown;
  /** The checker's conditions: a refusal for an unmet one is explained from them in the reader's language. */
  conditions?: readonly ConditionFinding[];
}) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // A long form may have scrolled the alert out of view: bring it in when a new error arrives.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new error scrolls again
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: "nearest" });
  }, [error]);
  if (isStale(error)) {
    return (
      <Alert
        color="orange"
        icon={<IconRefresh aria-hidden />}
        title={t("cases.events.staleTitle")}
        role="alert"
        ref={ref}
      >
        {t("cases.events.staleText")}
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      icon={<IconAlertCircle aria-hidden />}
      title={isRefused(error) ? t("cases.events.refusedTitle") : t("cases.events.failed")}
      role="alert"
      ref={ref}
      data-testid="event-error"
    >
      {unmetConditionsText(error, conditions, i18n.language) ?? errorMessage(error, t)}
    </Alert>
  );
}

/**
 * The server explains an unmet condition in English (409 condition_unmet); in another
 * interface language the alert names the same conditions from the checker's findings,
 * which carry both languages.
 */
function unmetConditionsText(
  error: unknown,
  conditions: readonly ConditionFinding[],
  language: string,
): string | null {
  if (!(error instanceof ApiError) || error.code !== "condition_unmet" || !language.startsWith("ru"))
    return null;
  const unmet = conditions.filter((condition) => condition.blocking && !condition.met);
  if (unmet.length === 0) return null;
  return unmet
    .map(
      (condition) =>
        `${condition.instrument} ${condition.article}: ${condition.title.ru}. ${condition.explanation.ru}`,
    )
    .join(" ");
}
