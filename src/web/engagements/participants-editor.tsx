import {
  Button,
  Fieldset,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import type { useForm } from "@mantine/form";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { PARTICIPANT_ROLES } from "../../domain/engagements/vocabulary.js";
import { AgencySelect } from "../directory/agency-select.js";
import { StateSelect } from "../directory/state-select.js";
import {
  type EngagementFormValues,
  newParticipant,
  PARTICIPANT_MODES,
  type ParticipantMode,
} from "./engagement-form-values.js";
import { PersonPicker, personLabel } from "./person-picker.js";

type Form = ReturnType<typeof useForm<EngagementFormValues>>;

/** The delegations: each participant's side and role, and who they are (from the directory, new, or a delegation). */
export function ParticipantsEditor({ form }: { form: Form }) {
  const { t, i18n } = useTranslation();
  const values = form.values;
  const defaultSide =
    values.states.find((code) => !values.participants.some((p) => p.side === code)) ??
    values.hostState ??
    values.states[0] ??
    null;
  return (
    <Stack gap="sm">
      {values.participants.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("engagements.form.noParticipants")}
        </Text>
      ) : null}
      {values.participants.map((participant, index) => {
        const path = `participants.${index}` as const;
        const number = index + 1;
        return (
          <Fieldset
            key={participant.key}
            legend={t("engagements.form.participantLegend", { number })}
            data-testid="participant"
          >
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <StateSelect
                  label={t("engagements.form.side")}
                  description={t("engagements.form.sideHint")}
                  required
                  value={participant.side}
                  onChange={(code) => {
                    form.setFieldValue(`${path}.side`, code);
                    form.setFieldValue(`${path}.agencyId`, null);
                    form.setFieldValue(`${path}.newPerson.agencyId`, null);
                  }}
                  error={form.errors[`${path}.side`]}
                />
                <Select
                  label={t("engagements.form.role")}
                  data={PARTICIPANT_ROLES.map((role) => ({
                    value: role,
                    label: t(`engagements.vocab.roles.${role}`),
                  }))}
                  allowDeselect={false}
                  required
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps(`${path}.role`)}
                />
              </SimpleGrid>
              <SegmentedControl
                aria-label={t("engagements.form.participantMode", { number })}
                data={PARTICIPANT_MODES.map((mode) => ({
                  value: mode,
                  label: t(`engagements.form.participantModes.${mode}`),
                }))}
                value={participant.mode}
                onChange={(mode) => form.setFieldValue(`${path}.mode`, mode as ParticipantMode)}
                fullWidth
              />
              {participant.mode === "directory" ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <PersonPicker
                    label={t("engagements.form.person")}
                    description={t("engagements.form.personHint")}
                    required
                    value={participant.personId}
                    initialLabel={participant.personLabel}
                    onChange={(id, person) => {
                      form.setFieldValue(`${path}.personId`, id);
                      form.setFieldValue(
                        `${path}.personLabel`,
                        person ? personLabel(person, i18n.language) : null,
                      );
                    }}
                    error={form.errors[`${path}.personId`]}
                  />
                  <AgencySelect
                    label={t("engagements.form.participantAgency")}
                    description={t("engagements.form.participantAgencyHint")}
                    value={participant.agencyId}
                    initialLabel={participant.agencyLabel}
                    state={participant.side}
                    onChange={(id) => form.setFieldValue(`${path}.agencyId`, id)}
                    error={form.errors[`${path}.agencyId`]}
                  />
                </SimpleGrid>
              ) : null}
              {participant.mode === "new" ? (
                <Stack gap="sm">
                  <Text size="sm" c="dimmed">
                    {t("engagements.form.newPersonHint")}
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <TextInput
                      label={t("engagements.form.nameEn")}
                      required
                      maxLength={300}
                      lang="en"
                      {...form.getInputProps(`${path}.newPerson.nameEn`)}
                    />
                    <TextInput
                      label={t("engagements.form.nameRu")}
                      required
                      maxLength={300}
                      lang="ru"
                      {...form.getInputProps(`${path}.newPerson.nameRu`)}
                    />
                    <TextInput
                      label={t("engagements.form.positionEn")}
                      maxLength={300}
                      lang="en"
                      {...form.getInputProps(`${path}.newPerson.titleEn`)}
                    />
                    <TextInput
                      label={t("engagements.form.positionRu")}
                      maxLength={300}
                      lang="ru"
                      {...form.getInputProps(`${path}.newPerson.titleRu`)}
                    />
                  </SimpleGrid>
                  <AgencySelect
                    label={t("engagements.form.positionAgency")}
                    description={t("engagements.form.positionAgencyHint")}
                    value={participant.newPerson.agencyId}
                    state={participant.side}
                    onChange={(id) => form.setFieldValue(`${path}.newPerson.agencyId`, id)}
                    error={form.errors[`${path}.newPerson.agencyId`]}
                  />
                </Stack>
              ) : null}
              {participant.mode === "delegation" ? (
                <AgencySelect
                  label={t("engagements.form.delegationAgency")}
                  description={t("engagements.form.delegationAgencyHint")}
                  value={participant.agencyId}
                  initialLabel={participant.agencyLabel}
                  state={participant.side}
                  onChange={(id) => form.setFieldValue(`${path}.agencyId`, id)}
                  error={form.errors[`${path}.agencyId`]}
                />
              ) : null}
              <TextInput
                label={t("engagements.form.participantNote")}
                description={t("engagements.form.participantNoteHint")}
                maxLength={500}
                {...form.getInputProps(`${path}.note`)}
              />
              <Group justify="flex-end">
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  onClick={() => form.removeListItem("participants", index)}
                >
                  {t("engagements.form.removeParticipant", { number })}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() =>
            form.insertListItem(
              "participants",
              newParticipant(defaultSide, values.participants.length === 0 ? "head_of_delegation" : "member"),
            )
          }
        >
          {t("engagements.form.addParticipant")}
        </Button>
      </Group>
    </Stack>
  );
}
