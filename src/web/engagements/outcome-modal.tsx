import {
  Alert,
  Button,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { outcomeInputSchema } from "../../domain/engagements/schemas.js";
import {
  COMMITMENT_KINDS,
  INVITATION_DIRECTIONS,
  OUTCOME_KINDS,
  type OutcomeKind,
} from "../../domain/engagements/vocabulary.js";
import { INSTRUMENT_KINDS, LEVELS, SCOPES, SUBJECTS } from "../../domain/registry/vocabulary.js";
import { StateMultiSelect, StateSelect } from "../directory/state-select.js";
import { zodFieldErrors } from "../forms/form-errors.js";
import { focusFirstInvalid } from "../forms/form-helpers.js";
import { i18n } from "../i18n/i18n.js";
import { usePermission } from "../platform/auth/session.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { REGISTRY_KEY } from "../registry/registry-api.js";
import { engagementErrorMessage, isStale, serverProblems } from "./engagement-errors.js";
import {
  ACTION_ITEMS_KEY,
  ENGAGEMENTS_KEY,
  type EngagementDetail,
  engagementKey,
  type NewOutcome,
  recordOutcome,
} from "./engagements-api.js";
import { InstrumentPicker } from "./instrument-picker.js";
import {
  INSTRUMENT_OUTCOMES,
  initialOutcomeValues,
  type OutcomeValues,
  outcomeBody,
  remapOutcomeErrors,
} from "./outcome-values.js";
import { OwnerSelect } from "./owner-select.js";
import { SourceFields } from "./source-fields.js";

type Props = { engagement: EngagementDetail; onClose: () => void };

/** Records one outcome of the engagement in one step: the kind, its fields, its source. */
export function OutcomeModal({ engagement, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canWriteRegistry = usePermission("registry.write");
  const kinds = OUTCOME_KINDS.filter((kind) => canWriteRegistry || !INSTRUMENT_OUTCOMES.includes(kind));
  const form = useForm<OutcomeValues>({
    mode: "controlled",
    initialValues: initialOutcomeValues(engagement, canWriteRegistry ? "instrument_signed" : "commitment"),
  });
  const sent = useRef(false);
  const record = useMutation({
    mutationFn: (body: NewOutcome) => recordOutcome(engagement, body),
    onSuccess: async (answer) => {
      notifySuccess(i18n.t("engagements.outcomeForm.recorded"));
      queryClient.setQueryData(engagementKey(engagement.id), answer.engagement);
      onClose();
      await queryClient.invalidateQueries({ queryKey: ENGAGEMENTS_KEY });
      await queryClient.invalidateQueries({ queryKey: ACTION_ITEMS_KEY });
      if (INSTRUMENT_OUTCOMES.includes(answer.outcome.kind))
        await queryClient.invalidateQueries({ queryKey: REGISTRY_KEY });
    },
    onError: async (error) => {
      sent.current = false;
      form.setErrors(remapOutcomeErrors(serverProblems(error, t), form.getValues()));
      focusFirstInvalid();
      if (isStale(error)) await queryClient.invalidateQueries({ queryKey: engagementKey(engagement.id) });
    },
  });
  const submit = form.onSubmit((values) => {
    // One submission at a time: a second press while the first is on its way sends nothing.
    if (sent.current) return;
    const body = outcomeBody(values, engagement);
    const parsed = outcomeInputSchema.safeParse(body);
    if (!parsed.success) {
      form.setErrors(remapOutcomeErrors(zodFieldErrors(parsed.error, t), values));
      focusFirstInvalid();
      return;
    }
    sent.current = true;
    record.mutate(body);
  });
  const values = form.values;
  const changeKind = (kind: OutcomeKind) => {
    form.setFieldValue("kind", kind);
    form.clearErrors();
    if (kind === "programme_adopted") form.setFieldValue("newInstrument.kind", "cooperation_programme");
    if (kind === "instrument_signed" && values.newInstrument.kind === "cooperation_programme")
      form.setFieldValue("newInstrument.kind", "memorandum");
  };
  const option = <T extends string>(list: readonly T[], label: (value: T) => string) =>
    list.map((value) => ({ value, label: label(value) }));
  const isInstrument = INSTRUMENT_OUTCOMES.includes(values.kind);

  return (
    <Modal
      opened
      onClose={onClose}
      title={t("engagements.outcomeForm.title")}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      size="xl"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {record.isError ? (
            <Alert
              color="red"
              icon={<IconAlertCircle aria-hidden />}
              title={t("engagements.outcomeForm.failed")}
            >
              {engagementErrorMessage(record.error, t)}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t("engagements.outcomeForm.kind")}
              description={canWriteRegistry ? undefined : t("engagements.outcomeForm.registryOnly")}
              data={option(kinds, (kind) => t(`engagements.vocab.outcomeKinds.${kind}`))}
              value={values.kind}
              onChange={(value) => value && changeKind(value as OutcomeKind)}
              allowDeselect={false}
              required
              comboboxProps={{ withinPortal: true }}
              data-autofocus
            />
            <TextInput
              type="date"
              label={t("engagements.outcomeForm.date")}
              description={t("engagements.outcomeForm.dateHint")}
              {...form.getInputProps("date")}
            />
          </SimpleGrid>

          {isInstrument ? (
            <Fieldset legend={t("engagements.outcomeForm.instrument")}>
              <Stack gap="sm">
                <SegmentedControl
                  aria-label={t("engagements.outcomeForm.instrumentMode")}
                  data={[
                    { value: "new", label: t("engagements.outcomeForm.newInstrument") },
                    { value: "existing", label: t("engagements.outcomeForm.existingInstrument") },
                  ]}
                  value={values.instrumentMode}
                  onChange={(value) => {
                    form.setFieldValue("instrumentMode", value === "existing" ? "existing" : "new");
                    form.clearErrors();
                  }}
                />
                {values.instrumentMode === "existing" ? (
                  <InstrumentPicker
                    label={t("engagements.outcomeForm.pickInstrument")}
                    description={t("engagements.outcomeForm.pickInstrumentHint")}
                    required
                    value={values.instrumentId}
                    onChange={(id) => form.setFieldValue("instrumentId", id)}
                    error={form.errors.instrumentId}
                  />
                ) : (
                  <Stack gap="sm">
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                      <TextInput
                        label={t("registry.fields.code")}
                        description={t("registry.form.codeHint")}
                        required
                        maxLength={48}
                        autoCapitalize="characters"
                        spellCheck={false}
                        {...form.getInputProps("newInstrument.code")}
                      />
                      <Select
                        label={t("registry.fields.kind")}
                        data={option(INSTRUMENT_KINDS, (kind) => t(`registry.vocab.kinds.${kind}`))}
                        allowDeselect={false}
                        required
                        comboboxProps={{ withinPortal: true }}
                        {...form.getInputProps("newInstrument.kind")}
                      />
                    </SimpleGrid>
                    <Textarea
                      label={t("registry.fields.titleEn")}
                      required
                      autosize
                      minRows={1}
                      maxLength={1000}
                      lang="en"
                      {...form.getInputProps("newInstrument.titleEn")}
                    />
                    <Textarea
                      label={t("registry.fields.titleRu")}
                      autosize
                      minRows={1}
                      maxLength={1000}
                      lang="ru"
                      {...form.getInputProps("newInstrument.titleRu")}
                    />
                    <MultiSelect
                      label={t("registry.fields.subjects")}
                      required
                      searchable
                      data={option(SUBJECTS, (subject) => t(`registry.vocab.subjects.${subject}`))}
                      comboboxProps={{ withinPortal: true }}
                      {...form.getInputProps("newInstrument.subjects")}
                    />
                    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                      <Select
                        label={t("registry.fields.level")}
                        data={option(LEVELS, (level) => t(`registry.vocab.levels.${level}`))}
                        allowDeselect={false}
                        comboboxProps={{ withinPortal: true }}
                        {...form.getInputProps("newInstrument.level")}
                      />
                      <Select
                        label={t("registry.fields.scope")}
                        data={option(SCOPES, (scope) => t(`registry.vocab.scopes.${scope}`))}
                        allowDeselect={false}
                        comboboxProps={{ withinPortal: true }}
                        {...form.getInputProps("newInstrument.scope")}
                      />
                      <Stack justify="flex-end">
                        <Switch
                          label={t("registry.fields.bindingSwitch")}
                          {...form.getInputProps("newInstrument.binding", { type: "checkbox" })}
                        />
                      </Stack>
                    </SimpleGrid>
                    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                      <TextInput
                        type="date"
                        label={t("registry.fields.termStart")}
                        {...form.getInputProps("newInstrument.termStart")}
                      />
                      <TextInput
                        type="date"
                        label={t("registry.fields.termEnd")}
                        {...form.getInputProps("newInstrument.termEnd")}
                      />
                      <TextInput
                        label={t("registry.fields.durationMonths")}
                        inputMode="numeric"
                        maxLength={4}
                        {...form.getInputProps("newInstrument.durationMonths")}
                      />
                    </SimpleGrid>
                    <Text size="xs" c="dimmed">
                      {t("engagements.outcomeForm.instrumentSourceHint")}
                    </Text>
                  </Stack>
                )}
                <StateMultiSelect
                  label={t("engagements.outcomeForm.parties")}
                  description={t("engagements.outcomeForm.partiesHint")}
                  required
                  value={values.parties}
                  onChange={(codes) => form.setFieldValue("parties", codes)}
                  error={form.errors.parties}
                />
              </Stack>
            </Fieldset>
          ) : null}

          {values.kind === "commitment" ? (
            <>
              <Select
                label={t("engagements.outcomeForm.commitmentKind")}
                data={option(COMMITMENT_KINDS, (kind) => t(`engagements.vocab.commitmentKinds.${kind}`))}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps("commitmentKind")}
              />
              <Textarea
                label={t("engagements.outcomeForm.textEn")}
                required
                autosize
                minRows={2}
                maxLength={4000}
                lang="en"
                {...form.getInputProps("textEn")}
              />
              <Textarea
                label={t("engagements.outcomeForm.textRu")}
                autosize
                minRows={2}
                maxLength={4000}
                lang="ru"
                {...form.getInputProps("textRu")}
              />
              <Fieldset legend={t("engagements.outcomeForm.actionItem")}>
                <Stack gap="sm">
                  <Text size="sm" c="dimmed">
                    {t("engagements.outcomeForm.actionItemHint")}
                  </Text>
                  <Textarea
                    label={t("engagements.outcomeForm.actionTitle")}
                    required
                    autosize
                    minRows={1}
                    maxLength={1000}
                    {...form.getInputProps("action.title")}
                  />
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <OwnerSelect
                      label={t("engagements.actions.owner")}
                      required
                      value={values.action.owner}
                      onChange={(value) => form.setFieldValue("action.owner", value)}
                      error={form.errors["action.owner"]}
                    />
                    <TextInput
                      type="date"
                      label={t("engagements.actions.due")}
                      required
                      {...form.getInputProps("action.dueOn")}
                    />
                  </SimpleGrid>
                </Stack>
              </Fieldset>
            </>
          ) : null}

          {values.kind === "invitation" ? (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label={t("engagements.outcomeForm.direction")}
                  data={option(INVITATION_DIRECTIONS, (direction) =>
                    t(`engagements.vocab.invitationDirections.${direction}`),
                  )}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps("direction")}
                />
                <StateSelect
                  label={t("engagements.outcomeForm.counterpartState")}
                  value={values.counterpartState}
                  onChange={(code) => form.setFieldValue("counterpartState", code)}
                  error={form.errors.counterpartState}
                  clearable
                />
              </SimpleGrid>
              <TextInput
                label={
                  values.direction === "received"
                    ? t("engagements.outcomeForm.counterpartReceived")
                    : t("engagements.outcomeForm.counterpartExtended")
                }
                required
                maxLength={500}
                {...form.getInputProps("counterpart")}
              />
              <Textarea
                label={t("engagements.outcomeForm.eventEn")}
                required
                autosize
                minRows={1}
                maxLength={1000}
                lang="en"
                {...form.getInputProps("eventEn")}
              />
              <Textarea
                label={t("engagements.outcomeForm.eventRu")}
                autosize
                minRows={1}
                maxLength={1000}
                lang="ru"
                {...form.getInputProps("eventRu")}
              />
              <TextInput
                label={t("engagements.outcomeForm.expectedOn")}
                description={t("engagements.outcomeForm.expectedOnHint")}
                maxLength={10}
                spellCheck={false}
                {...form.getInputProps("expectedOn")}
              />
            </>
          ) : null}

          {values.kind === "statement" ? (
            <>
              <TextInput
                label={t("engagements.outcomeForm.statementTitleEn")}
                required
                maxLength={500}
                lang="en"
                {...form.getInputProps("titleEn")}
              />
              <TextInput
                label={t("engagements.outcomeForm.statementTitleRu")}
                maxLength={500}
                lang="ru"
                {...form.getInputProps("titleRu")}
              />
              <Textarea
                label={t("engagements.outcomeForm.statementText")}
                autosize
                minRows={3}
                maxRows={12}
                maxLength={50000}
                {...form.getInputProps("text")}
              />
              <TextInput
                type="url"
                label={t("engagements.outcomeForm.statementUrl")}
                maxLength={2000}
                {...form.getInputProps("url")}
              />
            </>
          ) : null}

          {values.kind === "case_discussed" ? (
            <TextInput
              label={t("engagements.outcomeForm.caseReference")}
              description={t("engagements.outcomeForm.caseReferenceHint")}
              required
              maxLength={100}
              spellCheck={false}
              {...form.getInputProps("caseReference")}
            />
          ) : null}

          <Fieldset legend={t("engagements.outcomeForm.source")}>
            <Text size="sm" c="dimmed" mb="sm">
              {isInstrument && values.instrumentMode === "new"
                ? t("engagements.outcomeForm.sourceInstrumentHint")
                : t("engagements.outcomeForm.sourceHint")}
            </Text>
            <SourceFields inputProps={(field) => form.getInputProps(`source.${field}`)} />
          </Fieldset>
          <Textarea
            label={t("engagements.outcomeForm.note")}
            autosize
            minRows={1}
            maxLength={4000}
            {...form.getInputProps("note")}
          />
          {Object.keys(form.errors).length > 0 ? (
            <Text size="sm" c="red.8" role="alert">
              {t("engagements.form.fixErrors")}
            </Text>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t("engagements.outcomeForm.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
