import { type ComboboxItem, Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Agency } from "../../domain/directory/schemas.js";
import { useAgencies } from "./directory-api.js";

type Props = {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  value: string | null;
  onChange: (id: string | null, agency: Agency | null) => void;
  /** Only agencies of this state. */
  state?: string | null;
  /** An agency not offered (itself, as its own parent). */
  exclude?: string | null;
  /** The name to show for the current value before the list has loaded. */
  initialLabel?: string | null;
};

/** An agency, searched on the server by name in Latin or Cyrillic. */
export function AgencySelect({
  label,
  description,
  error,
  required,
  value,
  onChange,
  state,
  exclude,
  initialLabel,
}: Props) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<ComboboxItem | null>(
    value && initialLabel ? { value, label: initialLabel } : null,
  );
  const agencies = useAgencies({ q: debounced.trim() || undefined, state: state ?? undefined });
  const russian = i18n.language === "ru";
  const list = agencies.data?.agencies ?? [];
  const options: ComboboxItem[] = list
    .filter((agency) => agency.id !== exclude)
    .map((agency) => ({
      value: agency.id,
      label: `${russian ? agency.nameRu : agency.nameEn} (${agency.stateCode})`,
    }));
  if (chosen && chosen.value === value && !options.some((option) => option.value === chosen.value)) {
    options.unshift(chosen);
  }
  return (
    <Select
      label={label}
      description={description}
      error={error}
      required={required}
      data={options}
      value={value}
      searchable
      // Opening on focus would cover the next field whenever Tab passes through.
      openOnFocus={false}
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already filtered by the search.
      filter={({ options: all }) => all}
      onChange={(id, option) => {
        setChosen(option);
        onChange(id, list.find((agency) => agency.id === id) ?? null);
      }}
      nothingFoundMessage={agencies.isFetching ? t("common.loading") : t("common.nothingFound")}
      clearButtonProps={{ "aria-label": t("common.clear") }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
