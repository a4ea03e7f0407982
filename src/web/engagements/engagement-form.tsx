import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconPlus, IconTrash } from "@tabler/icons-react";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ENGAGEMENT_KINDS, ENGAGEMENT_STATUSES } from "../../domain/engagements/vocabulary.js";
import { CONFIDENTIALITY_LEVELS } from "../../domain/platform/vocabulary.js";
import { AgencySelect } from "../directory/agency-select.js";
import { StateMultiSelect, StateSelect } from "../directory/state-select.js";
import { focusFirstInvalid } from "../forms/form-helpers.js";
import {
  DATE_MODES,
  type DateMode,
  type EngagementFormValues,
  newAgendaItem,
  newSourceRow,
} from "./engagement-form-values.js";
import { ParticipantsEditor } from "./participants-editor.js";
import { SourceFields } from "./source-fields.js";

type Props = {
  initial: EngagementFormValues;
  /** Changes when the stored record changes (after a conflict): the form shows it again. */
  resetKey?: string | number;
  /** Returns field errors (by path) to show, or null when the values were sent. */
  onSubmit: (values: EngagementFormValues) => Record<string, string> | null;
  serverErrors?: Record<string, string>;
  busy: boolean;
  alert?: ReactNode;
  submitLabel: string;
  onCancel: () => void;
};

/** An engagement's record: what, when, where, who, the agenda, the summary and the sources. */
export function EngagementForm({
  initial,
  resetKey,
  onSubmit,
  serverErrors,
  busy,
  alert,
  submitLabel,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const form = useForm<EngagementFormValues>({ mode: "controlled", initialValues: initial });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another record or version arrives
  useEffect(() => {
    form.setValues(initial);
    form.resetDirty(initial);
  }, [resetKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the server's field errors replace the form's
  useEffect(() => {
    if (serverErrors && Object.keys(serverErrors).length > 0) {
      form.setErrors(serverErrors);
      focusFirstInvalid();
    }
  }, [serverErrors]);

  const submit = form.onSubmit((values) => {
    const errors = onSubmit(values);
    if (errors) {
      form.setErrors(errors);
      focusFirstInvalid();
    }
  });
  const values = form.values;
  const option = <T extends string>(list: readonly T[], label: (value: T) => string) =>
    list.map((value) => ({ value, label: label(value) }));
  const hasErrors = Object.keys(form.errors).length > 0;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {alert}
        {hasErrors ? (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
            {t("engagements.form.fixErrors")}
          </Alert>
        ) : null}

        <Fieldset legend={t("engagements.form.what")}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label={t("engagements.fields.kind")}
                data={option(ENGAGEMENT_KINDS, (kind) => t(`engagements.vocab.kinds.${kind}`))}
                allowDeselect={false}
                required
                comboboxProps={{ withinPortal: true }}
                data-autofocus
                {...form.getInputProps("kind")}
              />
              <Select
                label={t("engagements.fields.status")}
                data={option(ENGAGEMENT_STATUSES, (status) => t(`engagements.vocab.statuses.${status}`))}
                allowDeselect={false}
                required
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps("status")}
              />
              <Select
                label={t("engagements.fields.confidentiality")}
                description={t("engagements.form.confidentialityHint")}
                // The hint under the field keeps the three selects on one line.
                inputWrapperOrder={["label", "input", "description", "error"]}
                data={option(CONFIDENTIALITY_LEVELS, (level) => t(`cases.vocab.confidentiality.${level}`))}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps("confidentiality")}
              />
            </SimpleGrid>
            <Textarea
              label={t("engagements.fields.titleEn")}
              required
              autosize
              minRows={1}
              maxLength={500}
              lang="en"
              {...form.getInputProps("titleEn")}
            />
            <Textarea
              label={t("engagements.fields.titleRu")}
              required
              autosize
              minRows={1}
              maxLength={500}
              lang="ru"
              {...form.getInputProps("titleRu")}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t("engagements.form.when")}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t("engagements.form.dateModeHint")}
            </Text>
            <SegmentedControl
              aria-label={t("engagements.form.dateMode")}
              data={DATE_MODES.map((mode) => ({
                value: mode,
                label: t(`engagements.form.dateModes.${mode}`),
              }))}
              value={values.dateMode}
              onChange={(mode) => form.setFieldValue("dateMode", mode as DateMode)}
              style={{ alignSelf: "flex-start" }}
            />
            {values.dateMode === "day" || values.dateMode === "range" ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  type="date"
                  label={
                    values.dateMode === "range" ? t("engagements.form.firstDay") : t("engagements.form.day")
                  }
                  required
                  {...form.getInputProps("startOn")}
                />
                {values.dateMode === "range" ? (
                  <TextInput
                    type="date"
                    label={t("engagements.form.lastDay")}
                    required
                    {...form.getInputProps("endOn")}
                  />
                ) : null}
              </SimpleGrid>
            ) : null}
            {values.dateMode === "month" ? (
              <TextInput
                type="month"
                label={t("engagements.form.month")}
                description={t("engagements.form.monthHint")}
                required
                maxLength={7}
                w={{ base: "100%", sm: 280 }}
                {...form.getInputProps("month")}
              />
            ) : null}
            {values.dateMode === "year" ? (
              <TextInput
                label={t("engagements.form.year")}
                description={t("engagements.form.yearHint")}
                required
                inputMode="numeric"
                maxLength={4}
                w={{ base: "100%", sm: 280 }}
                {...form.getInputProps("year")}
              />
            ) : null}
          </Stack>
        </Fieldset>

        <Fieldset legend={t("engagements.form.where")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t("engagements.fields.city")} maxLength={200} {...form.getInputProps("city")} />
            <StateSelect
              label={t("engagements.fields.placeState")}
              value={values.placeState}
              onChange={(code) => form.setFieldValue("placeState", code)}
              error={form.errors.placeState}
              clearable
            />
            <StateSelect
              label={t("engagements.fields.hostState")}
              value={values.hostState}
              onChange={(code) => {
                form.setFieldValue("hostState", code);
                if (code !== values.hostState) {
                  form.setFieldValue("hostAgencyId", null);
                  form.setFieldValue("hostAgencyLabel", null);
                }
              }}
              error={form.errors.hostState}
              clearable
            />
            <AgencySelect
              key={values.hostState ?? "none"}
              label={t("engagements.fields.hostAgency")}
              description={values.hostState ? undefined : t("engagements.form.hostAgencyHint")}
              value={values.hostAgencyId}
              initialLabel={values.hostAgencyLabel}
              state={values.hostState}
              onChange={(id) => form.setFieldValue("hostAgencyId", id)}
              error={form.errors.hostAgencyId}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t("engagements.form.who")}>
          <Stack gap="sm">
            <StateMultiSelect
              label={t("engagements.fields.states")}
              description={t("engagements.form.statesHint")}
              value={values.states}
              onChange={(codes) => form.setFieldValue("states", codes)}
              error={form.errors.states}
            />
            <ParticipantsEditor form={form} />
          </Stack>
        </Fieldset>

        <Fieldset legend={t("engagements.fields.agenda")}>
          <Stack gap="sm">
            {values.agenda.map((item, index) => (
              <Group key={item.key} align="flex-start" gap="xs" wrap="nowrap">
                <Textarea
                  label={t("engagements.form.agendaItem", { number: index + 1 })}
                  autosize
                  minRows={1}
                  maxLength={1000}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`agenda.${index}.text`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={26}
                  aria-label={t("engagements.form.removeAgendaItem", { number: index + 1 })}
                  onClick={() => form.removeListItem("agenda", index)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => form.insertListItem("agenda", newAgendaItem())}
              >
                {t("engagements.form.addAgendaItem")}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={t("engagements.form.record")}>
          <Stack gap="sm">
            <Textarea
              label={t("engagements.fields.summary")}
              description={t("engagements.form.summaryHint")}
              autosize
              minRows={3}
              maxRows={16}
              maxLength={20000}
              {...form.getInputProps("summary")}
            />
            <Textarea
              label={t("engagements.fields.notes")}
              description={t("engagements.form.notesHint")}
              autosize
              minRows={2}
              maxRows={12}
              maxLength={20000}
              {...form.getInputProps("notes")}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t("engagements.fields.sources")}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t("engagements.form.sourcesHint")}
            </Text>
            {values.sources.map((source, index) => (
              <Fieldset
                key={source.key}
                legend={t("engagements.form.sourceLegend", { number: index + 1 })}
                variant="filled"
              >
                <SourceFields inputProps={(field) => form.getInputProps(`sources.${index}.${field}`)} />
                <Group justify="flex-end" mt="xs">
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() => form.removeListItem("sources", index)}
                  >
                    {t("engagements.form.removeSource", { number: index + 1 })}
                  </Button>
                </Group>
              </Fieldset>
            ))}
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => form.insertListItem("sources", newSourceRow())}
              >
                {t("engagements.form.addSource")}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
