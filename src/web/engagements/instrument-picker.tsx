import { type ComboboxItem, Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useInstrumentSearch } from "../registry/registry-api.js";
import { titleIn } from "./labels.js";

type Props = {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  value: string | null;
  onChange: (id: string | null) => void;
};

/** An instrument of the registry, searched by code or words of its title. */
export function InstrumentPicker({ label, description, error, required, value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<ComboboxItem | null>(null);
  const instruments = useInstrumentSearch(debounced);
  const options: ComboboxItem[] = (instruments.data?.instruments ?? []).map((instrument) => ({
    value: instrument.id,
    label: `${instrument.code} — ${titleIn(instrument, i18n.language)}`,
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
      openOnFocus={false}
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(id, option) => {
        setChosen(option);
        onChange(id);
      }}
      nothingFoundMessage={instruments.isFetching ? t("common.loading") : t("common.nothingFound")}
      clearButtonProps={{ "aria-label": t("common.clear") }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
