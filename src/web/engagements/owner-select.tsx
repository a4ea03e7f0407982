import { Select } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useActionOwners } from "./engagements-api.js";
import { ownerValue } from "./owners.js";

type Props = {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  value: string | null;
  onChange: (value: string | null) => void;
  /** The current owner's name, shown while the choices load. */
  current?: { type: "user" | "team"; id: string; name: string } | null;
};

/** Who will do it: a user who reads engagements, or a team. */
export function OwnerSelect({ label, description, error, required, value, onChange, current }: Props) {
  const { t } = useTranslation();
  const owners = useActionOwners();
  const users = (owners.data?.users ?? []).map((user) => ({
    value: `user:${user.id}`,
    label: `${user.displayName} (${user.username})`,
  }));
  const teams = (owners.data?.teams ?? []).map((team) => ({ value: `team:${team.id}`, label: team.name }));
  const known = [...users, ...teams].some((option) => option.value === value);
  const extra =
    current && value === ownerValue(current) && !known
      ? [{ value: ownerValue(current), label: current.name }]
      : [];
  return (
    <Select
      label={label}
      description={description}
      error={error}
      required={required}
      value={value}
      onChange={onChange}
      searchable
      openOnFocus={false}
      data={[
        ...extra,
        { group: t("engagements.actions.ownerTypes.user"), items: users },
        { group: t("engagements.actions.ownerTypes.team"), items: teams },
      ].filter((entry) => !("items" in entry) || entry.items.length > 0)}
      nothingFoundMessage={owners.isFetching ? t("common.loading") : t("common.nothingFound")}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
