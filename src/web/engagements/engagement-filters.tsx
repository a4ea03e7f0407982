import { Button, Group, Paper, Select, SimpleGrid, TextInput, Title } from "@mantine/core";
import { IconSearch, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ENGAGEMENT_KINDS, ENGAGEMENT_STATUSES } from "../../domain/engagements/vocabulary.js";
import { usePerson } from "../directory/directory-api.js";
import { StateSelect } from "../directory/state-select.js";
import { usePermission } from "../platform/auth/session.js";
import type { EngagementFilters } from "./engagements-api.js";
import { PersonPicker, personLabel } from "./person-picker.js";

const ANY = "any";

type Props = {
  filters: EngagementFilters;
  search: string;
  onSearch: (value: string) => void;
  onChange: (changes: Partial<EngagementFilters>) => void;
  onClear: () => void;
};

/** The participant chosen in the address, named once the directory answers. */
function ChosenParticipant({ id, onChange }: { id: string; onChange: (id?: string) => void }) {
  const { i18n } = useTranslation();
  const person = usePerson(id);
  const initial = person.data ? personLabel(person.data, i18n.language) : null;
  // A new key once the name is known, so that the picker shows it.
  return <ParticipantPicker key={initial ?? "loading"} value={id} initial={initial} onChange={onChange} />;
}

function ParticipantPicker({
  value,
  initial,
  onChange,
}: {
  value: string | null;
  initial: string | null;
  onChange: (id?: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <PersonPicker
      label={t("engagements.filters.participant")}
      value={value}
      initialLabel={initial}
      onChange={(id) => onChange(id ?? undefined)}
    />
  );
}

/** Every filter applies at once and is kept in the address, so a filtered list can be shared. */
export function EngagementFiltersPanel({ filters, search, onSearch, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const canReadDirectory = usePermission("directory.read");
  const any = { value: ANY, label: t("engagements.filters.any") };
  const options = <T extends string>(values: readonly T[], label: (value: T) => string) => [
    any,
    ...values.map((value) => ({ value, label: label(value) })),
  ];
  const pick = (value: string | null) => (value && value !== ANY ? value : undefined);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="engagement-filters-heading">
      <Title order={2} size="h4" id="engagement-filters-heading" mb="sm">
        {t("engagements.filters.title")}
      </Title>
      <TextInput
        type="search"
        label={t("engagements.filters.search")}
        description={t("engagements.filters.searchHint")}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => onSearch(event.currentTarget.value)}
        maxLength={200}
        mb="sm"
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <StateSelect
          label={t("engagements.fields.state")}
          value={filters.state ?? null}
          onChange={(code) => onChange({ state: code ?? undefined })}
          clearable
        />
        <Select
          label={t("engagements.fields.kind")}
          data={options(ENGAGEMENT_KINDS, (kind) => t(`engagements.vocab.kinds.${kind}`))}
          value={filters.kind ?? ANY}
          onChange={(value) => onChange({ kind: pick(value) })}
          allowDeselect={false}
        />
        <Select
          label={t("engagements.fields.status")}
          data={options(ENGAGEMENT_STATUSES, (status) => t(`engagements.vocab.statuses.${status}`))}
          value={filters.status ?? ANY}
          onChange={(value) => onChange({ status: pick(value) })}
          allowDeselect={false}
        />
        <Select
          label={t("engagements.filters.openActions")}
          data={[
            any,
            { value: "true", label: t("engagements.filters.withOpenActions") },
            { value: "false", label: t("engagements.filters.withoutOpenActions") },
          ]}
          value={filters.openActions ?? ANY}
          onChange={(value) => onChange({ openActions: pick(value) as EngagementFilters["openActions"] })}
          allowDeselect={false}
        />
        <TextInput
          type="date"
          label={t("engagements.filters.from")}
          value={filters.from ?? ""}
          onChange={(event) => onChange({ from: event.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label={t("engagements.filters.to")}
          value={filters.to ?? ""}
          onChange={(event) => onChange({ to: event.currentTarget.value || undefined })}
        />
        {canReadDirectory ? (
          filters.participant ? (
            <ChosenParticipant
              id={filters.participant}
              onChange={(participant) => onChange({ participant })}
            />
          ) : (
            <ParticipantPicker
              value={null}
              initial={null}
              onChange={(participant) => onChange({ participant })}
            />
          )
        ) : null}
      </SimpleGrid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={onClear}>
          {t("engagements.filters.clear")}
        </Button>
      </Group>
    </Paper>
  );
}
