import { ActionIcon, Fieldset, Group, Radio, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconArrowsExchange } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { CASE_KINDS, DIRECTIONS } from "../../domain/cases/vocabulary.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import { StateSelect } from "../directory/state-select.js";
import type { Team } from "./cases-api.js";
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
import { labelledOptions } from "./labels.js";
import { initialWizardValues, type WizardValues } from "./wizard-values.js";

export function useWizardForm(today: IsoDate) {
  return useForm<WizardValues>({ mode: "controlled", initialValues: initialWizardValues(today) });
}
export type WizardForm = ReturnType<typeof useWizardForm>;

/** Step 1: what is asked, by whom of whom, under which reference and title, and since when. */
export function WizardRequestStep({ form, teams }: { form: WizardForm; teams: Team[] | null }) {
  const { t } = useTranslation();
  const values = form.values;
  const swap = () =>
    form.setValues({ requestingState: values.requestedState, requestedState: values.requestingState });
  return (
    <Stack gap="lg">
      <Fieldset legend={t("cases.wizard.whatLegend")}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t("cases.fields.kind")}
              data={labelledOptions(CASE_KINDS, (kind) => t(`cases.vocab.kinds.${kind}`))}
              allowDeselect={false}
              required
              data-autofocus
              {...form.getInputProps("kind")}
            />
            <Radio.Group label={t("cases.fields.direction")} required {...form.getInputProps("direction")}>
              <Stack gap={6} mt={6}>
                {DIRECTIONS.map((direction) => (
                  <Radio
                    key={direction}
                    value={direction}
                    label={t(`cases.vocab.directions.${direction}`)}
                    description={t(`cases.wizard.directionHint.${direction}`)}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </SimpleGrid>
          {values.kind === "extradition" ? (
            <PurposeSelect description={t("cases.wizard.purposeHint")} {...form.getInputProps("purpose")} />
          ) : null}
        </Stack>
      </Fieldset>

      <Fieldset legend={t("cases.wizard.statesLegend")}>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <StateSelect
              label={t("cases.fields.requestingState")}
              description={t("cases.wizard.requestingHint")}
              required
              value={values.requestingState}
              onChange={(code) => form.setFieldValue("requestingState", code)}
              error={form.errors.requestingState}
            />
            <ActionIcon
              variant="default"
              size="lg"
              mb={form.errors.requestingState || form.errors.requestedState ? 24 : 2}
              aria-label={t("cases.wizard.swapStates")}
              onClick={swap}
            >
              <IconArrowsExchange size={18} aria-hidden />
            </ActionIcon>
            <StateSelect
              label={t("cases.fields.requestedState")}
              description={t("cases.wizard.requestedHint")}
              required
              value={values.requestedState}
              onChange={(code) => form.setFieldValue("requestedState", code)}
              error={form.errors.requestedState}
            />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <RequestingAuthorityInput {...form.getInputProps("requestingAuthority")} />
            <RequestedAuthorityInput {...form.getInputProps("requestedAuthority")} />
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend={t("cases.wizard.identificationLegend")}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("cases.fields.reference")}
              description={t("cases.wizard.referenceHint")}
              required
              maxLength={64}
              spellCheck={false}
              autoCapitalize="characters"
              {...form.getInputProps("reference")}
            />
            <ForeignReferenceInput
              description={t("cases.wizard.foreignReferenceHint")}
              {...form.getInputProps("foreignReference")}
            />
          </SimpleGrid>
          <TitleInput {...form.getInputProps("title")} />
          <SummaryInput {...form.getInputProps("summary")} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {values.direction === "incoming" ? (
              <TextInput
                type="date"
                label={t("cases.fields.receivedOn")}
                description={t("cases.wizard.receivedOnHint")}
                {...form.getInputProps("receivedOn")}
              />
            ) : null}
            <OffenceCategoryInput spellCheck={false} {...form.getInputProps("offenceCategory")} />
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend={t("cases.wizard.handlingLegend")}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <PrioritySelect {...form.getInputProps("priority")} />
          <ConfidentialitySelect
            description={t("cases.wizard.confidentialityHint")}
            {...form.getInputProps("confidentiality")}
          />
          {teams ? (
            <TeamSelect
              teams={teams}
              description={t("cases.wizard.teamHint")}
              searchable
              {...form.getInputProps("teamId")}
            />
          ) : null}
        </SimpleGrid>
        {values.priority !== "normal" ? (
          <UrgencyReasonInput mt="sm" {...form.getInputProps("urgencyReason")} />
        ) : null}
      </Fieldset>
    </Stack>
  );
}
