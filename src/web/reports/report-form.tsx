import {
  Badge,
  Button,
  Checkbox,
  Collapse,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { CASE_KINDS, DIRECTIONS } from "../../domain/cases/vocabulary.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import { REGIONS, type ReportQuery } from "../../domain/reports/schemas.js";
import {
  BASIS_NONE,
  BASIS_RECIPROCITY,
  COUNT_MEASURES,
  DECISION_OUTCOMES,
  OFFENCE_GROUP_CODES,
  REPORT_MEASURES,
  type ReportDimension,
  type ReportMeasure,
} from "../../domain/reports/vocabulary.js";
import { groundOptions } from "../cases/labels.js";
import { regionLabel } from "../directory/region-label.js";
import { StateSelect } from "../directory/state-select.js";
import { InstrumentPicker } from "../engagements/instrument-picker.js";
import { issueMessage } from "../forms/form-errors.js";
import { focusFirstInvalid } from "../forms/form-helpers.js";
import { dimensionLabel, measureLabel } from "./labels.js";
import { PeriodFields } from "./period-fields.js";
import { formValuesOf, queryOfForm, type ReportFormValues } from "./report-form-values.js";
import { dimensionsFor, FILTER_KEYS, hasGround, hasOutcome } from "./report-query.js";

type Props = {
  query: ReportQuery;
  periodHint: string | null;
  today: IsoDate;
  onSubmit: (query: ReportQuery, periodHint: string) => void;
  onReset: () => void;
};

const BASIS_MODES = ["any", "instrument", BASIS_RECIPROCITY, BASIS_NONE] as const;
type BasisMode = (typeof BASIS_MODES)[number];

function basisModeOf(value: string | null): BasisMode {
  if (!value) return "any";
  if (value === BASIS_RECIPROCITY || value === BASIS_NONE) return value;
  return "instrument";
}

/**
 * What to count, over which period, broken down how and narrowed by what. The form is a
 * draft: "Show figures" puts it in the address, which the figures follow.
 */
export function ReportForm({ query, periodHint, today, onSubmit, onReset }: Props) {
  const { t, i18n } = useTranslation();
  const filtersId = useId();
  const form = useForm<ReportFormValues>({
    mode: "controlled",
    initialValues: formValuesOf(query, today, periodHint),
  });
  const [basisMode, setBasisMode] = useState<BasisMode>(basisModeOf(query.basis ?? null));
  const activeFilters = FILTER_KEYS.filter((key) => query[key] !== undefined).length;
  const [filtersOpen, setFiltersOpen] = useState(activeFilters > 0);

  // A new address (a saved report opened, the browser's Back) gives the form its values again.
  const signature = JSON.stringify([query, periodHint]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new query resets the draft
  useEffect(() => {
    form.setValues(formValuesOf(query, today, periodHint));
    form.resetDirty();
    setBasisMode(basisModeOf(query.basis ?? null));
    if (FILTER_KEYS.some((key) => query[key] !== undefined)) setFiltersOpen(true);
  }, [signature]);

  const values = form.values;
  const dimensions = dimensionsFor(values.measure);
  const dimensionOptions = (exclude: ReportDimension | null) =>
    dimensions
      .filter((dimension) => dimension !== exclude)
      .map((dimension) => ({ value: dimension, label: dimensionLabel(dimension, t) }));

  const setMeasure = (measure: ReportMeasure) => {
    const allowed = dimensionsFor(measure);
    form.setFieldValue("measure", measure);
    if (values.by && !allowed.includes(values.by)) form.setFieldValue("by", null);
    if (values.split && !allowed.includes(values.split)) form.setFieldValue("split", null);
    if (!hasOutcome(measure)) form.setFieldValue("filters.outcome", null);
    if (!hasGround(measure)) form.setFieldValue("filters.ground", null);
  };
  const submit = form.onSubmit((draft) => {
    const check = queryOfForm(draft, today, (issue) =>
      issue.message === "the period ends before it begins"
        ? t("reports.form.periodOrder")
        : issue.message.startsWith("a period of at most")
          ? t("reports.form.periodTooLong")
          : issueMessage(issue, t),
    );
    if (!check.ok) {
      form.setErrors(check.errors);
      if (Object.keys(check.errors).some((field) => field.startsWith("filters."))) setFiltersOpen(true);
      focusFirstInvalid();
      return;
    }
    onSubmit(check.query, check.periodHint);
  });

  const measureGroups = [
    {
      group: t("reports.form.countMeasures"),
      items: COUNT_MEASURES.map((measure) => ({ value: measure, label: measureLabel(measure, t) })),
    },
    {
      group: t("reports.form.dayMeasures"),
      items: REPORT_MEASURES.filter((measure) => !COUNT_MEASURES.includes(measure)).map((measure) => ({
        value: measure,
        label: measureLabel(measure, t),
      })),
    },
  ];
  const any = t("reports.form.any");
  const choice = <T extends string>(values: readonly T[], label: (value: T) => string) =>
    values.map((value) => ({ value, label: label(value) }));
  const filterSelect = (
    key: (typeof FILTER_KEYS)[number],
    label: string,
    data: { value: string; label: string }[],
    searchable = false,
  ) => (
    <Select
      label={label}
      placeholder={any}
      data={data}
      clearable
      searchable={searchable}
      clearButtonProps={{ "aria-label": t("common.clear") }}
      comboboxProps={{ withinPortal: true }}
      {...form.getInputProps(`filters.${key}`)}
    />
  );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-form-heading">
      <Title order={2} size="h4" id="report-form-heading" mb="sm">
        {t("reports.form.title")}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <Select
              label={t("reports.form.measure")}
              description={t("reports.form.measureHint")}
              data={measureGroups}
              value={values.measure}
              onChange={(value) => value && setMeasure(value as ReportMeasure)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <PeriodFields
              value={values.period}
              onChange={(period) => form.setFieldValue("period", period)}
              today={today}
              errors={{
                from: form.errors["period.from"] as string | undefined,
                to: form.errors["period.to"] as string | undefined,
              }}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <Select
              label={t("reports.form.by")}
              description={t("reports.form.byHint")}
              placeholder={t("reports.form.noBreakdown")}
              data={dimensionOptions(null)}
              value={values.by}
              onChange={(value) => {
                form.setFieldValue("by", value as ReportDimension | null);
                if (!value || value === values.split) form.setFieldValue("split", null);
              }}
              clearable
              clearButtonProps={{ "aria-label": t("common.clear") }}
              comboboxProps={{ withinPortal: true }}
              error={form.errors.by}
            />
            <Select
              label={t("reports.form.split")}
              description={t("reports.form.splitHint")}
              placeholder={t("reports.form.noSplit")}
              data={dimensionOptions(values.by)}
              value={values.split}
              onChange={(value) => form.setFieldValue("split", value as ReportDimension | null)}
              disabled={!values.by}
              clearable
              clearButtonProps={{ "aria-label": t("common.clear") }}
              comboboxProps={{ withinPortal: true }}
              error={form.errors.split}
            />
            <NumberInput
              label={t("reports.form.top")}
              description={t("reports.form.topHint")}
              placeholder={t("reports.form.allRows")}
              min={1}
              max={300}
              allowDecimal={false}
              allowNegative={false}
              value={values.top}
              onChange={(value) => form.setFieldValue("top", value === "" ? "" : String(value))}
              error={form.errors.top}
            />
            <Checkbox
              mt={{ base: 0, lg: 28 }}
              label={t("reports.form.compare")}
              description={t("reports.form.compareHint")}
              {...form.getInputProps("compare", { type: "checkbox" })}
            />
          </SimpleGrid>

          <div>
            <UnstyledButton
              onClick={() => setFiltersOpen((open) => !open)}
              aria-expanded={filtersOpen}
              aria-controls={filtersId}
            >
              <Group gap={6} wrap="nowrap">
                {filtersOpen ? (
                  <IconChevronDown size={16} aria-hidden />
                ) : (
                  <IconChevronRight size={16} aria-hidden />
                )}
                <Title order={3} size="h5" component="span">
                  {t("reports.form.filters")}
                </Title>
                {activeFilters > 0 ? (
                  <Badge size="sm" variant="light">
                    {t("reports.form.activeFilters", { count: activeFilters })}
                  </Badge>
                ) : null}
              </Group>
            </UnstyledButton>
            <Collapse expanded={filtersOpen} id={filtersId}>
              <Fieldset legend={t("reports.form.filtersLegend")} mt="xs" variant="unstyled">
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
                  {filterSelect(
                    "kind",
                    t("reports.dimensions.kind"),
                    choice(CASE_KINDS, (kind) => t(`cases.vocab.kinds.${kind}`)),
                  )}
                  {filterSelect(
                    "direction",
                    t("reports.dimensions.direction"),
                    choice(DIRECTIONS, (direction) => t(`cases.vocab.directions.${direction}`)),
                  )}
                  {filterSelect(
                    "group",
                    t("reports.dimensions.group"),
                    choice(OFFENCE_GROUP_CODES, (group) => t(`reports.groups.${group}`)),
                  )}
                  <TextInput
                    label={t("reports.form.category")}
                    description={t("reports.form.categoryHint")}
                    placeholder={any}
                    maxLength={12}
                    spellCheck={false}
                    value={values.filters.category ?? ""}
                    onChange={(event) => form.setFieldValue("filters.category", event.currentTarget.value)}
                    error={form.errors["filters.category"]}
                  />
                  <StateSelect
                    label={t("reports.form.partner")}
                    placeholder={any}
                    value={values.filters.partner}
                    onChange={(code) => form.setFieldValue("filters.partner", code)}
                    clearable
                    error={form.errors["filters.partner"]}
                  />
                  {filterSelect(
                    "region",
                    t("reports.dimensions.region"),
                    choice(REGIONS, (region) => regionLabel(region, t) ?? region),
                  )}
                  <Select
                    label={t("reports.dimensions.basis")}
                    data={BASIS_MODES.map((mode) => ({
                      value: mode,
                      label: t(`reports.form.basisModes.${mode}`),
                    }))}
                    value={basisMode}
                    onChange={(value) => {
                      const mode = (value ?? "any") as BasisMode;
                      setBasisMode(mode);
                      form.setFieldValue(
                        "filters.basis",
                        mode === "any" || mode === "instrument" ? null : mode,
                      );
                    }}
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: true }}
                  />
                  {basisMode === "instrument" ? (
                    <InstrumentPicker
                      label={t("reports.form.instrument")}
                      value={values.filters.basis}
                      onChange={(id) => form.setFieldValue("filters.basis", id)}
                      error={form.errors["filters.basis"]}
                    />
                  ) : null}
                  {hasOutcome(values.measure)
                    ? filterSelect(
                        "outcome",
                        t("reports.dimensions.outcome"),
                        choice(DECISION_OUTCOMES, (outcome) => t(`cases.vocab.outcomes.${outcome}`)),
                      )
                    : null}
                  {hasGround(values.measure)
                    ? filterSelect(
                        "ground",
                        t("reports.dimensions.ground"),
                        groundOptions(t, i18n.language),
                        true,
                      )
                    : null}
                </SimpleGrid>
              </Fieldset>
            </Collapse>
          </div>

          <Group gap="sm">
            <Button type="submit">{t("reports.form.show")}</Button>
            <Button variant="default" onClick={onReset}>
              {t("reports.form.reset")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
