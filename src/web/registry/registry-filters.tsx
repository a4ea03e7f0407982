import { Button, Group, Paper, Select, SimpleGrid, TextInput, Title } from "@mantine/core";
import { IconSearch, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { INSTRUMENT_KINDS, SCOPES, SUBJECTS } from "../../domain/registry/vocabulary.js";
import { StateSelect } from "../directory/state-select.js";
import type { InstrumentFilters } from "./registry-api.js";

const ANY = "any";

export const LIST_STATUSES = ["in_force", "signed", "not_in_force", "negotiating"] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

type Props = {
  filters: InstrumentFilters;
  search: string;
  onSearch: (value: string) => void;
  onChange: (changes: Partial<InstrumentFilters>) => void;
  onClear: () => void;
};

/** Every filter applies at once and is kept in the address, so a filtered list can be shared. */
export function RegistryFilters({ filters, search, onSearch, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const any = { value: ANY, label: t("registry.filters.any") };
  const options = <T extends string>(values: readonly T[], label: (value: T) => string) => [
    any,
    ...values.map((value) => ({ value, label: label(value) })),
  ];
  const pick = (value: string | null) => (value && value !== ANY ? value : undefined);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="registry-filters-heading">
      <Title order={2} size="h4" id="registry-filters-heading" mb="sm">
        {t("registry.filters.title")}
      </Title>
      <TextInput
        type="search"
        label={t("registry.filters.search")}
        description={t("registry.filters.searchHint")}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => onSearch(event.currentTarget.value)}
        maxLength={200}
        mb="sm"
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <Select
          label={t("registry.fields.kind")}
          data={options(INSTRUMENT_KINDS, (kind) => t(`registry.vocab.kinds.${kind}`))}
          value={filters.kind ?? ANY}
          onChange={(value) => onChange({ kind: pick(value) })}
          allowDeselect={false}
        />
        <Select
          label={t("registry.fields.subject")}
          data={options(SUBJECTS, (subject) => t(`registry.vocab.subjects.${subject}`))}
          value={filters.subject ?? ANY}
          onChange={(value) => onChange({ subject: pick(value) })}
          allowDeselect={false}
        />
        <Select
          label={t("registry.fields.scope")}
          data={options(SCOPES, (scope) => t(`registry.vocab.scopes.${scope}`))}
          value={filters.scope ?? ANY}
          onChange={(value) => onChange({ scope: pick(value) })}
          allowDeselect={false}
        />
        <Select
          label={t("registry.fields.binding")}
          data={[
            any,
            { value: "true", label: t("registry.vocab.binding") },
            { value: "false", label: t("registry.vocab.nonBinding") },
          ]}
          value={filters.binding ?? ANY}
          onChange={(value) =>
            onChange({ binding: value === "true" || value === "false" ? value : undefined })
          }
          allowDeselect={false}
        />
        <StateSelect
          label={t("registry.filters.party")}
          description={t("registry.filters.partyHint")}
          value={filters.party ?? null}
          onChange={(code) =>
            onChange(code ? { party: code } : { party: undefined, status: undefined, date: undefined })
          }
          clearable
        />
        <Select
          label={t("registry.filters.status")}
          description={t("registry.filters.statusHint")}
          data={options(LIST_STATUSES, (status) => t(`registry.vocab.listStatus.${status}`))}
          value={filters.status ?? ANY}
          onChange={(value) =>
            onChange({ status: LIST_STATUSES.find((status) => status === value) ?? undefined })
          }
          disabled={!filters.party}
          allowDeselect={false}
        />
        <TextInput
          type="date"
          label={t("registry.filters.date")}
          description={t("registry.filters.dateHint")}
          value={filters.date ?? ""}
          onChange={(event) => onChange({ date: event.currentTarget.value || undefined })}
          disabled={!filters.party || !filters.status}
        />
        <Select
          label={t("registry.filters.demo")}
          data={[
            any,
            { value: "false", label: t("registry.filters.demoNo") },
            { value: "true", label: t("registry.filters.demoYes") },
          ]}
          value={filters.demo ?? ANY}
          onChange={(value) => onChange({ demo: value === "true" || value === "false" ? value : undefined })}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={onClear}>
          {t("registry.filters.clear")}
        </Button>
      </Group>
    </Paper>
  );
}
