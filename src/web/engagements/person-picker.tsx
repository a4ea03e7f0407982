import { type ComboboxItem, Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Person } from "../../domain/directory/schemas.js";
import { usePeople } from "../directory/directory-api.js";
import { byRecency } from "../directory/positions.js";

type Props = {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  value: string | null;
  onChange: (id: string | null, person: Person | null) => void;
  /** Only people with a position at an agency of this state. */
  state?: string | null;
  /** The name to show for the current value before a search has found it. */
  initialLabel?: string | null;
};

/** "Name — latest post, agency": enough to tell two namesakes apart. */
export function personLabel(person: Person, language: string): string {
  const russian = language === "ru";
  const name = russian ? person.nameRu : person.nameEn;
  const latest = [...person.positions].sort(byRecency)[0];
  if (!latest) return name;
  const title = russian ? latest.titleRu : latest.titleEn;
  const agency = russian ? latest.agencyNameRu : latest.agencyNameEn;
  return `${name} — ${title}, ${agency}`;
}

/** A person of the directory, searched on the server by name in Latin or Cyrillic. */
export function PersonPicker({
  label,
  description,
  error,
  required,
  value,
  onChange,
  state,
  initialLabel,
}: Props) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<ComboboxItem | null>(
    value && initialLabel ? { value, label: initialLabel } : null,
  );
  const query = debounced.trim();
  const people = usePeople({ q: query || undefined, state: state ?? undefined });
  const list = people.data?.people ?? [];
  const options: ComboboxItem[] = list.map((person) => ({
    value: person.id,
    label: personLabel(person, i18n.language),
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
      limit={50}
      onChange={(id, option) => {
        setChosen(option);
        onChange(id, list.find((person) => person.id === id) ?? null);
      }}
      nothingFoundMessage={people.isFetching ? t("common.loading") : t("common.nothingFound")}
      clearButtonProps={{ "aria-label": t("common.clear") }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
