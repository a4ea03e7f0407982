import { SimpleGrid } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { caseFactsSchema, caseHeaderAmendmentSchema } from "../../domain/cases/model.js";
import { issueMessage } from "../forms/form-errors.js";
import { focusFirstInvalid } from "../forms/form-helpers.js";
import type { CaseView, Team } from "./cases-api.js";
import { EventDialog } from "./event-dialog.js";
import { EventErrorAlert } from "./event-error-alert.js";
import { FactsEditor, type FactsFormApi } from "./facts-editor.js";
import { type FactsValues, factsFormPath, factsOf, factsValuesFrom } from "./facts-values.js";
import { type HeaderValues, headerAmendment, headerValues } from "./header-amendment.js";
import {
  ConfidentialitySelect,
  ForeignReferenceInput,
  OffenceCategoryInput,
  PrioritySelect,
  PurposeSelect,
  RequestedAuthorityInput,
  RequestingAuthorityInput,
  SummaryInput,
  TeamSelect,
  TitleInput,
  UrgencyReasonInput,
} from "./header-fields.js";
import { markServerFieldErrors, useRecordEvent } from "./use-record-event.js";

type Common = {
  view: CaseView;
  onClose: () => void;
  onChanged: () => Promise<unknown>;
};

/** Records an amendment; the server's field problems are marked through `toField`, given a path inside the payload. */
function useRecord(
  view: CaseView,
  onChanged: () => Promise<unknown>,
  onClose: () => void,
  onFieldErrors: (errors: Record<string, string>) => void,
  toField: (path: string) => string,
) {
  return useRecordEvent(view, onChanged, onClose, (error) =>
    markServerFieldErrors(error, (path) => toField(path.replace(/^payload\./, "")), onFieldErrors),
  );
}

/** "Amend facts": the whole facts, edited with the wizard's editor, recorded as `facts_amended`. */
export function FactsAmendModal({
  view,
  onClose,
  onChanged,
  answersOpen,
}: Common & { answersOpen: boolean }) {
  const { t } = useTranslation();
  const form = useForm<{ facts: FactsValues }>({
    mode: "controlled",
    initialValues: { facts: factsValuesFrom(view.facts) },
  });
  const record = useRecord(view, onChanged, onClose, form.setErrors, (path) =>
    path.startsWith("facts.") ? factsFormPath(path.slice("facts.".length)) : path,
  );
  const submit = form.onSubmit((values) => {
    const facts = factsOf(values.facts);
    const parsed = caseFactsSchema.safeParse(facts);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = factsFormPath(issue.path.map(String).join("."));
        if (!(path in errors)) errors[path] = issueMessage(issue, t);
      }
      form.setErrors(errors);
      focusFirstInvalid();
      return;
    }
    record.mutate({ type: "facts_amended", payload: { facts: parsed.data } });
  });
  return (
    <EventDialog
      title={t("cases.actions.facts_amended")}
      hint={t("cases.events.hints.facts_amended")}
      size="xl"
      invalid={Object.keys(form.errors).length > 0}
      pending={record.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      {record.isError ? <EventErrorAlert error={record.error} /> : null}
      <FactsEditor
        form={form as unknown as FactsFormApi}
        kind={view.header.kind}
        headingLevel={2}
        answersOpen={answersOpen}
      />
    </EventDialog>
  );
}

/** "Amend details": title, references, authorities, priority, confidentiality and team, as `header_amended`. */
export function HeaderAmendModal({ view, teams, onClose, onChanged }: Common & { teams: Team[] | null }) {
  const { t } = useTranslation();
  const initial = headerValues(view);
  const form = useForm<HeaderValues>({ mode: "controlled", initialValues: initial });
  const record = useRecord(
    view,
    onChanged,
    onClose,
    form.setErrors,
    (path) => path.replace(/^header\./, "").split(".")[0] ?? path,
  );
  const submit = form.onSubmit((values) => {
    const amendment = headerAmendment(initial, values);
    if (Object.keys(amendment).length === 0) {
      form.setErrors({ title: t("cases.events.nothingChanged") });
      focusFirstInvalid();
      return;
    }
    const parsed = caseHeaderAmendmentSchema.safeParse(amendment);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String)[0] ?? "title";
        if (!(path in errors)) errors[path] = issueMessage(issue, t);
      }
      form.setErrors(errors);
      focusFirstInvalid();
      return;
    }
    record.mutate({ type: "header_amended", payload: { header: parsed.data } });
  });
  return (
    <EventDialog
      title={t("cases.actions.header_amended")}
      hint={t("cases.events.hints.header_amended")}
      size="lg"
      gap="sm"
      pending={record.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      {record.isError ? <EventErrorAlert error={record.error} /> : null}
      <TitleInput {...form.getInputProps("title")} />
      <ForeignReferenceInput {...form.getInputProps("foreignReference")} />
      <SummaryInput {...form.getInputProps("summary")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <RequestingAuthorityInput {...form.getInputProps("requestingAuthority")} />
        <RequestedAuthorityInput {...form.getInputProps("requestedAuthority")} />
        {view.header.kind === "extradition" ? (
          <PurposeSelect comboboxProps={{ withinPortal: true }} {...form.getInputProps("purpose")} />
        ) : null}
        <OffenceCategoryInput {...form.getInputProps("offenceCategory")} />
        <PrioritySelect comboboxProps={{ withinPortal: true }} {...form.getInputProps("priority")} />
        <ConfidentialitySelect
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps("confidentiality")}
        />
        {teams ? (
          <TeamSelect
            teams={teams}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("teamId")}
          />
        ) : null}
      </SimpleGrid>
      {form.values.priority !== "normal" ? (
        <UrgencyReasonInput {...form.getInputProps("urgencyReason")} />
      ) : null}
    </EventDialog>
  );
}
