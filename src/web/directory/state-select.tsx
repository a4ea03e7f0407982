import { type ComboboxItem, type ComboboxParsedItem, MultiSelect, Select } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { State } from "../../domain/directory/schemas.js";
import { useStateNames } from "./state-names.js";

type Common = {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  /** States not offered (the other side of a pair). */
  exclude?: readonly string[];
  id?: string;
  "data-autofocus"?: boolean;
};

function normalise(text: string): string {
  return text.toLocaleLowerCase().replaceAll("ё", "е");
}

/** Matches the code and the English and Russian names, whatever the interface language. */
function makeFilter(index: Map<string, State>) {
  return ({ options, search, limit }: { options: ComboboxParsedItem[]; search: string; limit: number }) => {
    const query = normalise(search.trim());
    if (!query) return options.slice(0, limit);
    const out: ComboboxParsedItem[] = [];
    for (const option of options) {
      if (!("value" in option)) continue;
      const state = index.get(option.value);
      const haystack = state
        ? [
            state.code,
            state.alpha3,
            state.nameEn,
            state.nameRu,
            state.officialNameEn ?? "",
            state.officialNameRu ?? "",
          ]
        : [option.label];
      if (haystack.some((text) => normalise(text).includes(query))) out.push(option);
      if (out.length >= limit) break;
    }
    return out;
  };
}

function useOptions(exclude: readonly string[] | undefined) {
  const names = useStateNames();
  const { i18n } = useTranslation();
  const russian = i18n.language === "ru";
  const data: ComboboxItem[] = names.states
    .filter((state) => !exclude?.includes(state.code))
    .map((state) => ({
      value: state.code,
      label: `${russian ? state.nameRu : state.nameEn} (${state.code})`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  const index = new Map(names.states.map((state) => [state.code, state]));
  return { data, filter: makeFilter(index), ready: names.ready };
}

/** One state, searchable by code or name in English or Russian. */
export function StateSelect({
  value,
  onChange,
  clearable,
  exclude,
  ...props
}: Common & { value: string | null; onChange: (code: string | null) => void; clearable?: boolean }) {
  const { t } = useTranslation();
  const { data, filter } = useOptions(exclude);
  return (
    <Select
      {...props}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      // Opening on focus would cover the next field whenever Tab passes through; typing opens it.
      openOnFocus={false}
      clearable={clearable}
      filter={filter}
      limit={60}
      nothingFoundMessage={t("common.nothingFound")}
      clearButtonProps={{ "aria-label": t("common.clear") }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Several states (intended parties, "in respect of"). */
export function StateMultiSelect({
  value,
  onChange,
  exclude,
  ...props
}: Common & { value: string[]; onChange: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const { data, filter } = useOptions(exclude);
  return (
    <MultiSelect
      {...props}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      filter={filter}
      limit={60}
      nothingFoundMessage={t("common.nothingFound")}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
