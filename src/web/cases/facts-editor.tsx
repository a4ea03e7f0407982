import {
  Box,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  ASSET_TYPES,
  type CaseKind,
  MEASURE_KINDS,
  PERSON_ROLES,
  type PersonRole,
} from "../../domain/cases/vocabulary.js";
import { StateMultiSelect, StateSelect } from "../directory/state-select.js";
import {
  type Answer,
  CASE_ANSWERS,
  type FactsValues,
  newAsset,
  newMeasure,
  newOffence,
  newPerson,
  OFFENCE_ANSWERS,
} from "./facts-values.js";
import { labelledOptions } from "./labels.js";
import { AddRowButton, RemoveRowButton } from "./row-buttons.js";

/** What the editor needs of the form that holds the facts (the wizard's, or the amendment's). */
export type FactsFormApi = {
  getValues: () => { facts: FactsValues };
  getInputProps: (path: string) => Record<string, unknown>;
  insertListItem: (path: string, item: unknown) => void;
  removeListItem: (path: string, index: number) => void;
  setFieldValue: (path: string, value: never) => void;
  errors: Record<string, ReactNode>;
};

type Props = {
  form: FactsFormApi;
  kind: CaseKind;
  /** The level of the section headings: 2 in a dialog, 3 under a wizard step's heading. */
  headingLevel: 2 | 3;
  /** The answers asked by the checker: shown open when the case page sends the user here. */
  answersOpen?: boolean;
};

function AnswerSelect({ label, inputProps }: { label: string; inputProps: Record<string, unknown> }) {
  const { t } = useTranslation();
  const data: { value: Answer; label: string }[] = [
    { value: "unknown", label: t("cases.facts.answers.unknown") },
    { value: "yes", label: t("common.yes") },
    { value: "no", label: t("common.no") },
  ];
  return (
    <Select
      label={label}
      data={data}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      size="xs"
      {...inputProps}
    />
  );
}

/** The texts of each list of the facts: its heading, its buttons, its empty state and a row's legend. */
const LIST_TEXTS = {
  offences: {
    title: "cases.facts.offences",
    add: "cases.facts.addOffence",
    empty: "cases.facts.noOffences",
    legend: "cases.facts.offenceLegend",
    remove: "cases.facts.removeOffence",
  },
  persons: {
    title: "cases.facts.persons",
    add: "cases.facts.addPerson",
    empty: "cases.facts.noPersons",
    legend: "cases.facts.personLegend",
    remove: "cases.facts.removePerson",
  },
  measures: {
    title: "cases.facts.measures",
    add: "cases.facts.addMeasure",
    empty: "cases.facts.noMeasures",
    legend: "cases.facts.measureLegend",
    remove: "cases.facts.removeMeasure",
  },
  assets: {
    title: "cases.facts.assets",
    add: "cases.facts.addAsset",
    empty: "cases.facts.noAssets",
    legend: "cases.facts.assetLegend",
    remove: "cases.facts.removeAsset",
  },
} as const;

/** A row's fields: the first line (two inputs side by side), then the rest below it. */
type RowFields = { firstRow: ReactNode; more: ReactNode };

/**
 * One list of the facts (offences, persons, measures, assets): a section with its heading and
 * an "Add" button, then a fieldset per row with its fields and its remove button.
 */
function FactListSection<Row extends { key: string; id: string }>({
  form,
  headingLevel,
  list,
  rows,
  newRow,
  removeBeside,
  children,
}: {
  form: FactsFormApi;
  headingLevel: 2 | 3;
  list: keyof typeof LIST_TEXTS;
  rows: readonly Row[];
  /** A new row, given the ids already taken. */
  newRow: (ids: string[]) => Row;
  /** Beside the first line of a long row (offences, persons), or beside all the fields of a short one. */
  removeBeside: "firstRow" | "allFields";
  children: (row: Row, index: number) => RowFields;
}) {
  const { t } = useTranslation();
  const texts = LIST_TEXTS[list];
  const headingId = `facts-${list}`;
  const fieldset = (row: Row, index: number) => {
    const { firstRow, more } = children(row, index);
    const removeButton = (
      <RemoveRowButton
        label={t(texts.remove, { id: row.id })}
        onClick={() => form.removeListItem(`facts.${list}`, index)}
      />
    );
    return removeBeside === "firstRow" ? (
      <Stack gap="sm">
        <Group align="flex-start" wrap="nowrap">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ flex: 1 }}>
            {firstRow}
          </SimpleGrid>
          {removeButton}
        </Group>
        {more}
      </Stack>
    ) : (
      <Group align="flex-start" wrap="nowrap">
        <Stack gap="sm" style={{ flex: 1 }}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {firstRow}
          </SimpleGrid>
          {more}
        </Stack>
        {removeButton}
      </Group>
    );
  };
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs">
        <Title order={headingLevel} size="h4" id={headingId}>
          {t(texts.title)}
        </Title>
        <AddRowButton onClick={() => form.insertListItem(`facts.${list}`, newRow(rows.map((row) => row.id)))}>
          {t(texts.add)}
        </AddRowButton>
      </Group>
      {rows.length === 0 ? <Text size="sm">{t(texts.empty)}</Text> : null}
      <Stack gap="sm">
        {rows.map((row, index) => (
          <Fieldset key={row.key} legend={t(texts.legend, { number: index + 1, id: row.id })}>
            {fieldset(row, index)}
          </Fieldset>
        ))}
      </Stack>
    </Box>
  );
}

/** Offences, persons, measures, assets and the case-wide answers: the wizard's third step and "Amend facts". */
export function FactsEditor({ form, kind, headingLevel, answersOpen }: Props) {
  const { t } = useTranslation();
  const facts = form.getValues().facts;
  const input = (path: string) => form.getInputProps(`facts.${path}`);
  const defaultRole: PersonRole = kind === "extradition" ? "sought" : "suspect";
  const section = { form, headingLevel };

  return (
    <Stack gap="lg">
      <FactListSection
        {...section}
        removeBeside="firstRow"
        list="offences"
        rows={facts.offences}
        newRow={newOffence}
      >
        {(_, index) => ({
          firstRow: (
            <>
              <TextInput
                label={t("cases.facts.article")}
                description={t("cases.facts.articleHint")}
                required
                maxLength={300}
                {...input(`offences.${index}.article`)}
              />
              <TextInput
                label={t("cases.facts.category")}
                description={t("cases.facts.categoryHint")}
                maxLength={20}
                spellCheck={false}
                {...input(`offences.${index}.category`)}
              />
            </>
          ),
          more: (
            <>
              <Textarea
                label={t("cases.facts.description")}
                required
                autosize
                minRows={2}
                maxLength={4000}
                {...input(`offences.${index}.description`)}
              />
              <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
                <NumberInput
                  label={t("cases.facts.maximumPenalty")}
                  description={t("cases.facts.monthsHint")}
                  min={0}
                  max={1200}
                  allowDecimal={false}
                  {...input(`offences.${index}.maximumPenaltyMonths`)}
                />
                <NumberInput
                  label={t("cases.facts.minimumPenalty")}
                  description={t("cases.facts.monthsHint")}
                  min={0}
                  max={1200}
                  allowDecimal={false}
                  {...input(`offences.${index}.minimumPenaltyMonths`)}
                />
                <NumberInput
                  label={t("cases.facts.sentence")}
                  description={t("cases.facts.sentenceHint")}
                  min={0}
                  max={1200}
                  allowDecimal={false}
                  {...input(`offences.${index}.sentenceMonths`)}
                />
                <TextInput
                  type="date"
                  label={t("cases.facts.committedOn")}
                  {...input(`offences.${index}.committedOn`)}
                />
              </SimpleGrid>
              <details open={answersOpen}>
                <summary>
                  <Text span size="sm" fw={600}>
                    {t("cases.facts.offenceAnswers")}
                  </Text>
                </summary>
                <Text size="xs" c="dimmed" mt={4} mb="xs">
                  {t("cases.facts.answersHint")}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
                  {OFFENCE_ANSWERS.map((answer) => (
                    <AnswerSelect
                      key={answer}
                      label={t(`cases.facts.offenceAnswer.${answer}`)}
                      inputProps={input(`offences.${index}.answers.${answer}`)}
                    />
                  ))}
                </SimpleGrid>
              </details>
            </>
          ),
        })}
      </FactListSection>

      <FactListSection
        {...section}
        removeBeside="firstRow"
        list="persons"
        rows={facts.persons}
        newRow={(ids) => newPerson(ids, ids.length === 0 ? defaultRole : "witness")}
      >
        {(row, index) => ({
          firstRow: (
            <>
              <Select
                label={t("cases.facts.role")}
                data={labelledOptions(PERSON_ROLES, (role) => t(`cases.vocab.personRoles.${role}`))}
                allowDeselect={false}
                required
                comboboxProps={{ withinPortal: true }}
                {...input(`persons.${index}.role`)}
              />
              <TextInput
                label={t("cases.facts.fullName")}
                required
                maxLength={300}
                {...input(`persons.${index}.fullName`)}
              />
            </>
          ),
          more: (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TagsInput
                  label={t("cases.facts.otherNames")}
                  description={t("cases.facts.otherNamesHint")}
                  maxTags={20}
                  clearButtonProps={{ "aria-label": t("common.clear") }}
                  {...input(`persons.${index}.otherNames`)}
                />
                <StateMultiSelect
                  label={t("cases.facts.nationalities")}
                  description={t("cases.facts.nationalitiesHint")}
                  value={row.nationalities}
                  onChange={(codes) =>
                    form.setFieldValue(`facts.persons.${index}.nationalities`, codes.slice(0, 5) as never)
                  }
                  error={form.errors[`facts.persons.${index}.nationalities`]}
                />
                <TextInput
                  type="date"
                  label={t("cases.facts.birthDate")}
                  {...input(`persons.${index}.birthDate`)}
                />
                <TextInput
                  label={t("cases.facts.location")}
                  description={t("cases.facts.locationHint")}
                  maxLength={500}
                  {...input(`persons.${index}.location`)}
                />
                <AnswerSelect
                  label={t("cases.facts.discriminationRisk")}
                  inputProps={input(`persons.${index}.discriminationRiskAlleged`)}
                />
              </SimpleGrid>
            </>
          ),
        })}
      </FactListSection>

      <FactListSection
        {...section}
        removeBeside="allFields"
        list="measures"
        rows={facts.measures}
        newRow={newMeasure}
      >
        {(_, index) => ({
          firstRow: (
            <>
              <Select
                label={t("cases.facts.measureKind")}
                data={labelledOptions(MEASURE_KINDS, (measure) => t(`cases.vocab.measureKinds.${measure}`))}
                allowDeselect={false}
                required
                searchable
                comboboxProps={{ withinPortal: true }}
                {...input(`measures.${index}.kind`)}
              />
              <TextInput
                label={t("cases.facts.executingAuthority")}
                maxLength={300}
                {...input(`measures.${index}.executingAuthority`)}
              />
            </>
          ),
          more: (
            <>
              <Textarea
                label={t("cases.facts.description")}
                required
                autosize
                minRows={2}
                maxLength={4000}
                {...input(`measures.${index}.description`)}
              />
            </>
          ),
        })}
      </FactListSection>

      <FactListSection
        {...section}
        removeBeside="allFields"
        list="assets"
        rows={facts.assets}
        newRow={newAsset}
      >
        {(row, index) => ({
          firstRow: (
            <>
              <Select
                label={t("cases.facts.assetType")}
                data={labelledOptions(ASSET_TYPES, (type) => t(`cases.vocab.assetTypes.${type}`))}
                allowDeselect={false}
                required
                comboboxProps={{ withinPortal: true }}
                {...input(`assets.${index}.type`)}
              />
              <TextInput
                label={t("cases.facts.holder")}
                maxLength={300}
                {...input(`assets.${index}.holder`)}
              />
            </>
          ),
          more: (
            <>
              <Textarea
                label={t("cases.facts.description")}
                required
                autosize
                minRows={1}
                maxLength={2000}
                {...input(`assets.${index}.description`)}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <TextInput
                  label={t("cases.facts.amount")}
                  description={t("cases.facts.amountHint")}
                  inputMode="decimal"
                  maxLength={21}
                  {...input(`assets.${index}.amount`)}
                />
                <TextInput
                  label={t("cases.facts.currency")}
                  description={t("cases.facts.currencyHint")}
                  maxLength={3}
                  autoCapitalize="characters"
                  spellCheck={false}
                  {...input(`assets.${index}.currency`)}
                />
                <TextInput
                  type="date"
                  label={t("cases.facts.valuedOn")}
                  {...input(`assets.${index}.valuedOn`)}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={t("cases.facts.location")}
                  maxLength={500}
                  {...input(`assets.${index}.location`)}
                />
                <StateSelect
                  label={t("cases.facts.locationState")}
                  value={row.locationState}
                  onChange={(code) =>
                    form.setFieldValue(`facts.assets.${index}.locationState`, code as never)
                  }
                  clearable
                />
              </SimpleGrid>
            </>
          ),
        })}
      </FactListSection>

      <Box component="section" aria-labelledby="facts-case-answers">
        <Title order={headingLevel} size="h4" id="facts-case-answers" mb={4}>
          {t("cases.facts.caseAnswers")}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t("cases.facts.answersHint")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {CASE_ANSWERS.map((answer) => (
            <AnswerSelect
              key={answer}
              label={t(`cases.facts.caseAnswer.${answer}`)}
              inputProps={input(`answers.${answer}`)}
            />
          ))}
        </SimpleGrid>
      </Box>
    </Stack>
  );
}
