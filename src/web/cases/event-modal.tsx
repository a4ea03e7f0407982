import { Fieldset, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { IsoDate } from "../../domain/platform/dates.js";
import { REFUSAL_GROUNDS } from "../../domain/rules/vocabulary.js";
import { StateSelect } from "../directory/state-select.js";
import { focusFirstInvalid, listKey } from "../forms/form-helpers.js";
import { i18n } from "../i18n/i18n.js";
import { inLanguage } from "./bilingual.js";
import type { CaseView, Team } from "./cases-api.js";
import { EventDialog } from "./event-dialog.js";
import { EventErrorAlert } from "./event-error-alert.js";
import {
  checkEvent,
  EVENT_FORMS,
  type EventFormValues,
  eventFieldPath,
  type FieldSpec,
  type FormEventType,
  type GroundRow,
  initialEventValues,
  type MoneyRow,
  OPTION_VALUES,
  type OptionList,
} from "./event-forms.js";
import { groundLabel, partnerState } from "./labels.js";
import { AddRowButton, RemoveRowButton } from "./row-buttons.js";
import { isRefused } from "./server-errors.js";
import { markServerFieldErrors, useRecordEvent } from "./use-record-event.js";

type Props = {
  view: CaseView;
  type: FormEventType;
  teams: Team[] | null;
  /** The office's today: the default legal date of the event. */
  today: IsoDate;
  onClose: () => void;
  /** After an event was recorded, or when the case changed under the form: read it again. */
  onChanged: () => Promise<unknown>;
};

type Option = { value: string; label: string };

/** The checker's grounds as choices for a refusal: "E24-3.1 · art. 3(1) · Political offence". */
function checkerGroundOptions(view: CaseView, language: string, t: TFunction): Option[] {
  return view.checker.grounds.map((ground) => ({
    value: `${ground.ruleId}|${ground.ground}`,
    label: [
      ground.ruleId,
      ground.article,
      inLanguage(ground.title, language) || groundLabel(ground.ground, t),
    ]
      .filter(Boolean)
      .join(" · "),
  }));
}

/** Records one event of the case; the server's refusal (a condition, a stale version) stays in the dialog. */
export function EventModal({ view, type, teams, today, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const sought = view.facts.persons.find((person) => person.role === "sought") ?? view.facts.persons[0];
  const form = useForm<EventFormValues>({
    mode: "controlled",
    initialValues: initialEventValues(type, {
      today,
      personId: sought?.id ?? null,
      partnerState: partnerState(view.header),
    }),
  });
  const record = useRecordEvent(view, onChanged, onClose, (error) => {
    // A refusal (409) is about the event as a whole, not a field: the alert says what to do first.
    if (isRefused(error)) return;
    markServerFieldErrors(error, eventFieldPath, form.setErrors);
  });

  const fields = EVENT_FORMS[type] as readonly FieldSpec[];
  const values = form.values;
  const submit = form.onSubmit(() => {
    const check = checkEvent(type, form.getValues(), t);
    if (!check.ok) {
      form.setErrors(check.errors);
      focusFirstInvalid();
      return;
    }
    record.mutate(check.event);
  });

  const optionLabel = (list: OptionList, value: string): string => {
    switch (list) {
      case "channels":
        return t(`cases.vocab.channels.${value as "email"}`);
      case "assuranceKinds":
        return t(`cases.vocab.assuranceKinds.${value as "other"}`);
      case "outcomes":
        return t(`cases.vocab.outcomes.${value as "granted"}`);
      case "measureStatuses":
        return t(`cases.vocab.measureStatuses.${value as "requested"}`);
      case "assetStages":
        return t(`cases.vocab.assetStages.${value as "frozen"}`);
      case "assetExtents":
        return t(`cases.vocab.assetExtents.${value as "whole"}`);
      case "correspondenceDirections":
        return t(`cases.vocab.correspondenceDirections.${value as "in"}`);
    }
  };
  const label = (field: FieldSpec) => t(`cases.events.fields.${field.name as "on"}`);
  const hint = (field: FieldSpec) => (field.name === "on" ? t(`cases.events.onHint.${type}`) : undefined);
  const persons: Option[] = view.facts.persons.map((person) => ({
    value: person.id,
    label: `${person.fullName} (${t(`cases.vocab.personRoles.${person.role}`)})`,
  }));
  const measures: Option[] = view.facts.measures.map((measure) => ({
    value: measure.id,
    label: `${measure.id} · ${t(`cases.vocab.measureKinds.${measure.kind}`)} · ${t(`cases.vocab.measureStatuses.${measure.status}`)}`,
  }));
  const assets: Option[] = view.facts.assets.map((asset) => ({
    value: asset.id,
    label: `${asset.id} · ${t(`cases.vocab.assetTypes.${asset.type}`)} · ${t(`cases.vocab.assetStages.${asset.stage}`)}`,
  }));
  const checkerGrounds = checkerGroundOptions(view, i18n.language, t);
  const groundsShown = values.outcome === "refused" || values.outcome === "partially_granted";

  const renderField = (field: FieldSpec) => {
    const common = {
      key: field.name,
      label: label(field),
      required: field.required,
      description: hint(field),
    };
    /** A choice among `data`; one that may stay empty can be cleared again. */
    const choice = (data: Option[], clearable: boolean, nothingFoundMessage?: string) => (
      <Select
        {...common}
        comboboxProps={{ withinPortal: true }}
        allowDeselect={clearable}
        clearable={clearable}
        clearButtonProps={{ "aria-label": t("common.clear") }}
        data={data}
        nothingFoundMessage={nothingFoundMessage}
        {...form.getInputProps(field.name)}
      />
    );
    switch (field.kind) {
      case "date":
        return <TextInput type="date" {...common} {...form.getInputProps(field.name)} />;
      case "text":
        return <TextInput maxLength={field.max} {...common} {...form.getInputProps(field.name)} />;
      case "textarea":
        return (
          <Textarea
            autosize
            minRows={3}
            maxLength={field.max}
            {...common}
            {...form.getInputProps(field.name)}
          />
        );
      case "select":
        return choice(
          OPTION_VALUES[field.options].map((value) => ({ value, label: optionLabel(field.options, value) })),
          !field.required,
        );
      case "state":
        return (
          <StateSelect
            key={field.name}
            label={common.label}
            required={field.required}
            value={(values[field.name] as string | null) ?? null}
            onChange={(code) => form.setFieldValue(field.name, code)}
            error={form.errors[field.name]}
          />
        );
      case "person":
      case "measure":
      case "asset": {
        const data = field.kind === "person" ? persons : field.kind === "measure" ? measures : assets;
        return choice(data, !field.required, t("common.nothingFound"));
      }
      case "money": {
        const money = (values[field.name] as MoneyRow | null) ?? { amount: "", currency: "" };
        const set = (changes: Partial<MoneyRow>) => form.setFieldValue(field.name, { ...money, ...changes });
        return (
          <Fieldset key={field.name} legend={label(field)}>
            <Text size="xs" c="dimmed" mb="xs">
              {t("cases.events.amountHint")}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <TextInput
                label={t("cases.events.amountValue")}
                description={t("cases.facts.amountHint")}
                inputMode="decimal"
                maxLength={24}
                value={money.amount}
                onChange={(event) => set({ amount: event.currentTarget.value })}
                error={form.errors[`${field.name}.amount`] ?? form.errors[field.name]}
              />
              <TextInput
                label={t("cases.facts.currency")}
                description={t("cases.facts.currencyHint")}
                maxLength={3}
                spellCheck={false}
                autoCapitalize="characters"
                value={money.currency}
                onChange={(event) => set({ currency: event.currentTarget.value.toUpperCase() })}
                error={form.errors[`${field.name}.currency`]}
              />
            </SimpleGrid>
          </Fieldset>
        );
      }
      case "team":
        return teams
          ? choice(
              teams.map((team) => ({ value: team.id, label: team.name })),
              true,
            )
          : null;
      case "items": {
        const items = (values.items as string[] | undefined) ?? [];
        return (
          <Fieldset key={field.name} legend={label(field)}>
            <Stack gap="xs">
              {items.map((_, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the rows are plain texts without identity
                <Group key={index} align="flex-end" wrap="nowrap">
                  <Textarea
                    style={{ flex: 1 }}
                    autosize
                    minRows={1}
                    maxLength={1000}
                    label={t("cases.events.item", { number: index + 1 })}
                    required={index === 0}
                    value={items[index] ?? ""}
                    error={index === 0 ? form.errors.items : undefined}
                    onChange={(event) => {
                      const next = [...items];
                      next[index] = event.currentTarget.value;
                      form.setFieldValue("items", next);
                    }}
                  />
                  {items.length > 1 ? (
                    <RemoveRowButton
                      mb={4}
                      label={t("cases.events.removeItem", { number: index + 1 })}
                      onClick={() =>
                        form.setFieldValue(
                          "items",
                          items.filter((__, other) => other !== index),
                        )
                      }
                    />
                  ) : null}
                </Group>
              ))}
              <Group>
                <AddRowButton
                  onClick={() => form.setFieldValue("items", [...items, ""])}
                  disabled={items.length >= 50}
                >
                  {t("cases.events.addItem")}
                </AddRowButton>
              </Group>
            </Stack>
          </Fieldset>
        );
      }
      case "grounds": {
        if (!groundsShown) return null;
        const rows = (values.grounds as GroundRow[] | undefined) ?? [];
        const setRow = (index: number, row: Partial<GroundRow>) =>
          form.setFieldValue(
            "grounds",
            rows.map((existing, other) => (other === index ? { ...existing, ...row } : existing)),
          );
        return (
          <Fieldset key={field.name} legend={label(field)}>
            <Stack gap="sm">
              <Text size="xs" c="dimmed">
                {t("cases.events.groundsHint")}
              </Text>
              {rows.length === 0 ? <Text size="sm">{t("cases.events.noGrounds")}</Text> : null}
              {rows.map((row, index) => (
                <Fieldset
                  key={row.key}
                  legend={t("cases.events.groundLegend", { number: index + 1 })}
                  variant="filled"
                >
                  <Stack gap="xs">
                    {checkerGrounds.length > 0 ? (
                      <Select
                        label={t("cases.events.fromChecker")}
                        description={t("cases.events.fromCheckerHint")}
                        data={checkerGrounds}
                        value={row.code && row.ruleId ? `${row.ruleId}|${row.code}` : null}
                        onChange={(value) => {
                          if (!value) return;
                          const [ruleId = "", code = ""] = value.split("|");
                          setRow(index, { ruleId, code });
                        }}
                        clearable
                        clearButtonProps={{ "aria-label": t("common.clear") }}
                        comboboxProps={{ withinPortal: true }}
                      />
                    ) : null}
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                      <Select
                        label={t("cases.events.groundCode")}
                        required
                        searchable
                        data={REFUSAL_GROUNDS.map((code) => ({ value: code, label: groundLabel(code, t) }))}
                        value={row.code}
                        onChange={(code) => setRow(index, { code })}
                        error={form.errors[`grounds.${index}.code`]}
                        comboboxProps={{ withinPortal: true }}
                      />
                      <TextInput
                        label={t("cases.events.ruleId")}
                        description={t("cases.events.ruleIdHint")}
                        maxLength={40}
                        spellCheck={false}
                        value={row.ruleId}
                        onChange={(event) => setRow(index, { ruleId: event.currentTarget.value })}
                        error={form.errors[`grounds.${index}.ruleId`]}
                      />
                    </SimpleGrid>
                    <Group align="flex-end" wrap="nowrap">
                      <Textarea
                        style={{ flex: 1 }}
                        label={t("cases.events.groundNote")}
                        autosize
                        minRows={1}
                        maxLength={4000}
                        value={row.note}
                        onChange={(event) => setRow(index, { note: event.currentTarget.value })}
                        error={form.errors[`grounds.${index}.note`]}
                      />
                      <RemoveRowButton
                        mb={4}
                        label={t("cases.events.removeGround", { number: index + 1 })}
                        onClick={() =>
                          form.setFieldValue(
                            "grounds",
                            rows.filter((_, other) => other !== index),
                          )
                        }
                      />
                    </Group>
                  </Stack>
                </Fieldset>
              ))}
              <Group>
                <AddRowButton
                  onClick={() =>
                    form.setFieldValue("grounds", [
                      ...rows,
                      { key: listKey(), ruleId: "", code: null, note: "" },
                    ])
                  }
                  disabled={rows.length >= 30}
                >
                  {t("cases.events.addGround")}
                </AddRowButton>
              </Group>
            </Stack>
          </Fieldset>
        );
      }
    }
  };

  return (
    <EventDialog
      title={t(`cases.actions.${type}`)}
      hint={t(`cases.events.hints.${type}`)}
      size="lg"
      invalid={Object.keys(form.errors).length > 0}
      pending={record.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      {fields.map(renderField)}
      {/* Beside the buttons, where the eye is after pressing Record. */}
      {record.isError ? <EventErrorAlert error={record.error} conditions={view.checker.conditions} /> : null}
    </EventDialog>
  );
}
