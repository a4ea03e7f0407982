import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconPlus, IconTrash } from "@tabler/icons-react";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { INSTRUMENT_KINDS, LEVELS, SCOPES, SUBJECTS } from "../../domain/registry/vocabulary.js";
import { StateMultiSelect } from "../directory/state-select.js";
import { focusFirstInvalid, listKey, URL_PLACEHOLDER } from "../forms/form-helpers.js";
import { CitationFields, EMPTY_CITATION } from "./citation-fields.js";
import type { InstrumentFormValues } from "./instrument-form-values.js";
import { IDENTIFIER_SCHEMES } from "./labels.js";

type Props = {
  mode: "create" | "edit";
  initial: InstrumentFormValues;
  /** Changes when the stored record changes (after a conflict): the form shows it again. */
  resetKey?: string | number;
  /** Returns field errors (by path) to show, or null when the values were sent. */
  onSubmit: (values: InstrumentFormValues) => Record<string, string> | null;
  serverErrors?: Record<string, string>;
  busy: boolean;
  alert?: ReactNode;
  onCancel: () => void;
};

export function InstrumentForm({
  mode,
  initial,
  resetKey,
  onSubmit,
  serverErrors,
  busy,
  alert,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const form = useForm<InstrumentFormValues>({ mode: "controlled", initialValues: initial });

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
  const hasErrors = Object.keys(form.errors).length > 0;
  const option = <T extends string>(values: readonly T[], label: (value: T) => string) =>
    values.map((value) => ({ value, label: label(value) }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {alert}
        {hasErrors ? (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
            {t("registry.form.fixErrors")}
          </Alert>
        ) : null}

        <Fieldset legend={t("registry.form.identification")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("registry.fields.code")}
              description={t("registry.form.codeHint")}
              required
              disabled={mode === "edit"}
              maxLength={48}
              autoCapitalize="characters"
              spellCheck={false}
              data-autofocus
              {...form.getInputProps("code")}
            />
            <Select
              label={t("registry.fields.kind")}
              data={option(INSTRUMENT_KINDS, (kind) => t(`registry.vocab.kinds.${kind}`))}
              allowDeselect={false}
              required
              {...form.getInputProps("kind")}
            />
          </SimpleGrid>
          <Stack gap="sm" mt="sm">
            <Textarea
              label={t("registry.fields.titleEn")}
              required
              autosize
              minRows={1}
              maxLength={1000}
              lang="en"
              {...form.getInputProps("titleEn")}
            />
            <Textarea
              label={t("registry.fields.titleRu")}
              autosize
              minRows={1}
              maxLength={1000}
              lang="ru"
              {...form.getInputProps("titleRu")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Textarea
                label={t("registry.fields.titleOriginal")}
                autosize
                minRows={1}
                maxLength={1000}
                {...form.getInputProps("titleOriginal")}
              />
              <TextInput
                label={t("registry.fields.originalLanguage")}
                description={t("registry.form.languageCodeHint")}
                maxLength={3}
                spellCheck={false}
                {...form.getInputProps("originalLanguage")}
              />
            </SimpleGrid>
            <TextInput
              label={t("registry.fields.shortTitle")}
              maxLength={200}
              {...form.getInputProps("shortTitle")}
            />
          </Stack>
          <Stack gap="xs" mt="md">
            <Text size="sm" fw={500} id="identifiers-label">
              {t("registry.fields.identifiers")}
            </Text>
            {form.values.identifiers.map((identifier, index) => (
              <Group key={identifier.key} align="flex-end" gap="sm" wrap="nowrap">
                <Select
                  label={t("registry.form.scheme")}
                  data={option(IDENTIFIER_SCHEMES, (scheme) =>
                    t(`registry.vocab.identifierSchemes.${scheme}`),
                  )}
                  allowDeselect={false}
                  w={220}
                  {...form.getInputProps(`identifiers.${index}.scheme`)}
                />
                <TextInput
                  label={t("registry.form.identifierValue")}
                  maxLength={200}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`identifiers.${index}.value`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  mb={2}
                  aria-label={t("registry.form.removeIdentifier", { number: index + 1 })}
                  onClick={() => form.removeListItem("identifiers", index)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() =>
                  form.insertListItem("identifiers", { key: listKey(), scheme: "cets", value: "" })
                }
              >
                {t("registry.form.addIdentifier")}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={t("registry.form.nature")}>
          <Stack gap="sm">
            <MultiSelect
              label={t("registry.fields.subjects")}
              description={t("registry.form.subjectsHint")}
              data={option(SUBJECTS, (subject) => t(`registry.vocab.subjects.${subject}`))}
              required
              searchable
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("subjects")}
            />
            <Switch
              label={t("registry.fields.bindingSwitch")}
              description={t("registry.form.bindingHint")}
              {...form.getInputProps("binding", { type: "checkbox" })}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label={t("registry.fields.level")}
                data={option(LEVELS, (level) => t(`registry.vocab.levels.${level}`))}
                allowDeselect={false}
                required
                {...form.getInputProps("level")}
              />
              <Select
                label={t("registry.fields.scope")}
                data={option(SCOPES, (scope) => t(`registry.vocab.scopes.${scope}`))}
                allowDeselect={false}
                required
                {...form.getInputProps("scope")}
              />
              <TextInput
                label={t("registry.fields.organisation")}
                maxLength={200}
                {...form.getInputProps("organisation")}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t("registry.form.datesAndTerm")}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <TextInput
              type="date"
              label={t("registry.fields.openedForSignature")}
              {...form.getInputProps("openedForSignature")}
            />
            <TextInput label={t("registry.fields.place")} maxLength={200} {...form.getInputProps("place")} />
            <TextInput
              type="date"
              label={t("registry.fields.entryIntoForce")}
              {...form.getInputProps("entryIntoForce")}
            />
            <TextInput
              inputMode="numeric"
              label={t("registry.fields.entryIntoForceDelayDays")}
              description={t("registry.form.delayHint")}
              {...form.getInputProps("entryIntoForceDelayDays")}
            />
            <TextInput
              type="date"
              label={t("registry.fields.termStart")}
              {...form.getInputProps("termStart")}
            />
            <TextInput type="date" label={t("registry.fields.termEnd")} {...form.getInputProps("termEnd")} />
            <TextInput
              inputMode="numeric"
              label={t("registry.fields.durationMonths")}
              {...form.getInputProps("durationMonths")}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t("registry.form.textsAndDepositary")}>
          <Stack gap="sm">
            <TextInput
              type="url"
              label={t("registry.fields.depositaryUrl")}
              placeholder={URL_PLACEHOLDER}
              maxLength={2000}
              {...form.getInputProps("depositaryUrl")}
            />
            {form.values.texts.map((text, index) => (
              <Group key={text.key} align="flex-end" gap="sm" wrap="nowrap">
                <TextInput
                  label={t("registry.form.textLanguage")}
                  maxLength={3}
                  w={110}
                  spellCheck={false}
                  {...form.getInputProps(`texts.${index}.language`)}
                />
                <TextInput
                  type="url"
                  label={t("registry.form.textUrl")}
                  placeholder={URL_PLACEHOLDER}
                  style={{ flex: 2 }}
                  {...form.getInputProps(`texts.${index}.url`)}
                />
                <TextInput
                  label={t("registry.form.textTitle")}
                  style={{ flex: 1 }}
                  maxLength={300}
                  {...form.getInputProps(`texts.${index}.title`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  mb={2}
                  aria-label={t("registry.form.removeText", { number: index + 1 })}
                  onClick={() => form.removeListItem("texts", index)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() =>
                  form.insertListItem("texts", { key: listKey(), language: "en", url: "", title: "" })
                }
              >
                {t("registry.form.addText")}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={t("registry.form.sources")}>
          <Stack gap="sm">
            <Text size="sm">{t("registry.form.sourcesHint")}</Text>
            {typeof form.errors.sources === "string" ? (
              <Text size="sm" c="red.8" role="alert">
                {form.errors.sources}
              </Text>
            ) : null}
            {form.values.sources.map((source, index) => (
              <Stack key={source.key} gap={4}>
                <CitationFields
                  legend={t("registry.form.sourceNumber", { number: index + 1 })}
                  inputProps={(field) => form.getInputProps(`sources.${index}.${field}`)}
                  required
                />
                <Group justify="flex-end">
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() => form.removeListItem("sources", index)}
                    disabled={mode === "create" && form.values.sources.length === 1}
                  >
                    {t("registry.form.removeSource", { number: index + 1 })}
                  </Button>
                </Group>
              </Stack>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => form.insertListItem("sources", { ...EMPTY_CITATION, key: listKey() })}
              >
                {t("registry.form.addSource")}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={t("registry.form.intendedParties")}>
          <StateMultiSelect
            label={t("registry.fields.intendedParties")}
            description={t("registry.form.intendedPartiesHint")}
            value={form.values.intendedStates}
            onChange={(codes) => form.setFieldValue("intendedStates", codes)}
            error={form.errors.intendedStates}
          />
        </Fieldset>

        <Textarea
          label={t("registry.fields.notes")}
          autosize
          minRows={2}
          maxLength={8000}
          {...form.getInputProps("notes")}
        />

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={busy}>
            {mode === "create" ? t("registry.form.create") : t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
