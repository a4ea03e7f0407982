import {
  Select,
  type SelectProps,
  Textarea,
  type TextareaProps,
  TextInput,
  type TextInputProps,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CONFIDENTIALITY_LEVELS, EXTRADITION_PURPOSES, PRIORITIES } from "../../domain/cases/vocabulary.js";
import type { Team } from "./cases-api.js";
import { labelledOptions } from "./labels.js";

/*
 * The fields of a case's header, as the wizard registers them and "Amend details" changes
 * them: one label, one limit and one list of choices each. The caller adds its hints and
 * the form's input props.
 */

export function TitleInput(props: TextInputProps) {
  const { t } = useTranslation();
  return <TextInput label={t("cases.fields.title")} required maxLength={300} {...props} />;
}

export function ForeignReferenceInput(props: TextInputProps) {
  const { t } = useTranslation();
  return <TextInput label={t("cases.fields.foreignReference")} maxLength={200} {...props} />;
}

export function SummaryInput(props: TextareaProps) {
  const { t } = useTranslation();
  return <Textarea label={t("cases.fields.summary")} autosize minRows={2} maxLength={20_000} {...props} />;
}

export function RequestingAuthorityInput(props: TextInputProps) {
  const { t } = useTranslation();
  return <TextInput label={t("cases.fields.requestingAuthority")} maxLength={300} {...props} />;
}

export function RequestedAuthorityInput(props: TextInputProps) {
  const { t } = useTranslation();
  return <TextInput label={t("cases.fields.requestedAuthority")} maxLength={300} {...props} />;
}

export function OffenceCategoryInput(props: TextInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t("cases.fields.offenceCategory")}
      description={t("cases.facts.categoryHint")}
      maxLength={20}
      {...props}
    />
  );
}

export function UrgencyReasonInput(props: TextareaProps) {
  const { t } = useTranslation();
  return (
    <Textarea label={t("cases.fields.urgencyReason")} autosize minRows={1} maxLength={1000} {...props} />
  );
}

/** The purpose of an extradition, or "not known" (the empty value). */
export function PurposeSelect(props: SelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={t("cases.fields.purpose")}
      data={[
        { value: "", label: t("cases.wizard.notKnown") },
        ...labelledOptions(EXTRADITION_PURPOSES, (purpose) => t(`cases.vocab.purposes.${purpose}`)),
      ]}
      allowDeselect={false}
      {...props}
    />
  );
}

export function PrioritySelect(props: SelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={t("cases.fields.priority")}
      data={labelledOptions(PRIORITIES, (priority) => t(`cases.vocab.priorities.${priority}`))}
      allowDeselect={false}
      {...props}
    />
  );
}

export function ConfidentialitySelect(props: SelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={t("cases.fields.confidentiality")}
      data={labelledOptions(CONFIDENTIALITY_LEVELS, (level) => t(`cases.vocab.confidentiality.${level}`))}
      allowDeselect={false}
      {...props}
    />
  );
}

export function TeamSelect({ teams, ...props }: SelectProps & { teams: Team[] }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t("cases.fields.team")}
      data={teams.map((team) => ({ value: team.id, label: team.name }))}
      clearable
      clearButtonProps={{ "aria-label": t("common.clear") }}
      {...props}
    />
  );
}
