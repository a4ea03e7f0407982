import { useMutation } from "@tanstack/react-query";
import type { CaseEventInput } from "../../domain/cases/model.js";
import { focusFirstInvalid } from "../forms/form-helpers.js";
import { i18n } from "../i18n/i18n.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { appendEvent, type CaseView } from "./cases-api.js";
import { eventTypeLabel } from "./labels.js";
import { isStale, serverErrorsByField } from "./server-errors.js";

/**
 * Records an event from a dialog. Recorded: says so, reads the case again and closes. The case
 * changed meanwhile: reads it again and leaves the dialog open, its alert asks to send once more.
 * Any other refusal goes to `onRejected`.
 */
export function useRecordEvent(
  view: CaseView,
  onChanged: () => Promise<unknown>,
  onClose: () => void,
  onRejected: (error: unknown) => void,
) {
  return useMutation({
    mutationFn: (event: CaseEventInput) => appendEvent(view, event),
    onSuccess: async (_, event) => {
      notifySuccess(i18n.t("cases.events.recorded", { event: eventTypeLabel(event.type, i18n.t) }));
      await onChanged();
      onClose();
    },
    onError: async (error) => {
      if (isStale(error)) {
        await onChanged();
        return;
      }
      onRejected(error);
    },
  });
}

/** Marks the fields the server found wrong, named in the form's terms through `toField`, and focuses the first. */
export function markServerFieldErrors(
  error: unknown,
  toField: (path: string) => string,
  setErrors: (errors: Record<string, string>) => void,
): void {
  const errors = serverErrorsByField(error, toField);
  if (Object.keys(errors).length > 0) {
    setErrors(errors);
    focusFirstInvalid();
  }
}
