import { Button, Group, Paper, Select, SimpleGrid, TextInput, Title } from "@mantine/core";
import { IconSearch, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { CASE_KINDS, DIRECTIONS, FILTER_STATUSES, PRIORITIES } from "../../domain/cases/vocabulary.js";
import { StateSelect } from "../directory/state-select.js";
import type { CaseFilters, Team } from "./cases-api.js";

const ANY = "any";

type Props = {
  filters: CaseFilters;
  search: string;
  teams: Team[] | null;
  onSearch: (value: string) => void;
  onChange: (changes: Partial<CaseFilters>) => void;
  onClear: () => void;
};

/** Every filter applies at once and is kept in the address, so a filtered list can be shared. */
export function CaseFiltersPanel({ filters, search, teams, onSearch, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const any = { value: ANY, label: t("cases.filters.any") };
  const options = <T extends string>(values: readonly T[], label: (value: T) => string) => [
    any,
    ...values.map((value) => ({ value, label: label(value) })),
  ];
  const pick = (value: string | null) => (value && value !== ANY ? value : undefined);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="case-filters-heading">
      <Title order={2} size="h4" id="case-filters-heading" mb="sm">
        {t("cases.filters.title")}
      </Title>
      <TextInput
        type="search"
        label={t("cases.filters.search")}
        description={t("cases.filters.searchHint")}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => onSearch(event.currentTarget.value)}
        maxLength={200}
        mb="sm"
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <Select
          label={t("cases.fields.status")}
          data={options(FILTER_STATUSES, (status) => t(`cases.vocab.statuses.${status}`))}
          value={filters.status ?? ANY}
          onChange={(value) => onChange({ status: pick(value) })}
          allowDeselect={false}
        />
        <Select
          label={t("cases.fields.kind")}
          data={options(CASE_KINDS, (kind) => t(`cases.vocab.kinds.${kind}`))}
          value={filters.kind ?? ANY}
          onChange={(value) => onChange({ kind: pick(value) })}
          allowDeselect={false}
        />
        <Select
          label={t("cases.fields.direction")}
          data={options(DIRECTIONS, (direction) => t(`cases.vocab.directions.${direction}`))}
          value={filters.direction ?? ANY}
          onChange={(value) => onChange({ direction: pick(value) })}
          allowDeselect={false}
        />
        <StateSelect
          label={t("cases.fields.partnerState")}
          description={t("cases.filters.partnerHint")}
          value={filters.state ?? null}
          onChange={(code) => onChange({ state: code ?? undefined })}
          clearable
        />
        {teams ? (
          <Select
            label={t("cases.fields.team")}
            data={[any, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
            value={filters.teamId ?? ANY}
            onChange={(value) => onChange({ teamId: pick(value) })}
            allowDeselect={false}
            searchable
          />
        ) : null}
        <Select
          label={t("cases.fields.priority")}
          data={options(PRIORITIES, (priority) => t(`cases.vocab.priorities.${priority}`))}
          value={filters.priority ?? ANY}
          onChange={(value) => onChange({ priority: pick(value) })}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={onClear}>
          {t("cases.filters.clear")}
        </Button>
      </Group>
    </Paper>
  );
}
