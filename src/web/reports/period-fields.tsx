import { Select, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { IsoDate } from "../../domain/platform/dates.js";
import { capitalised, monthName } from "../engagements/labels.js";
import { useFormat } from "../format.js";
import { periodDates } from "./labels.js";
import { PERIOD_KINDS, type PeriodChoice, type PeriodKind, periodOf, yearOptions } from "./periods.js";

const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

type Props = {
  value: PeriodChoice;
  onChange: (value: PeriodChoice) => void;
  today: IsoDate;
  errors?: { from?: string | undefined; to?: string | undefined };
};

/**
 * A period as a press office names it, then the parts that kind needs: a year, a number
 * of months, a quarter, a month, or two dates. The dates it gives are shown under it.
 */
export function PeriodFields({ value, onChange, today, errors }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const set = (changes: Partial<PeriodChoice>) => onChange({ ...value, ...changes });
  const setKind = (kind: PeriodKind) => {
    const current = periodOf(value, today);
    // Custom dates start from the period shown, so that a small change is a small edit.
    onChange(kind === "custom" ? { ...value, kind, from: current.from, to: current.to } : { ...value, kind });
  };
  const select = (
    label: string,
    data: { value: string; label: string }[],
    current: number,
    key: keyof PeriodChoice,
  ) => (
    <Select
      label={label}
      data={data}
      value={String(current)}
      onChange={(next) => next && set({ [key]: Number(next) })}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
  const withYear =
    value.kind === "year" ||
    value.kind === "first_months" ||
    value.kind === "quarter" ||
    value.kind === "month";
  return (
    <>
      <Select
        label={t("reports.form.period")}
        description={periodDates(value, today, format.date, t)}
        data={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`reports.periods.kinds.${kind}`) }))}
        value={value.kind}
        onChange={(next) => next && setKind(next as PeriodKind)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      {withYear
        ? select(
            t("reports.form.year"),
            yearOptions(today).map((year) => ({ value: String(year), label: String(year) })),
            value.year,
            "year",
          )
        : null}
      {value.kind === "first_months"
        ? select(
            t("reports.form.months"),
            MONTHS.slice(0, 11).map((months) => ({
              value: String(months),
              label: t("reports.form.firstMonths", { count: months }),
            })),
            value.months,
            "months",
          )
        : null}
      {value.kind === "quarter"
        ? select(
            t("reports.form.quarter"),
            [1, 2, 3, 4].map((quarter) => ({
              value: String(quarter),
              label: t("reports.form.quarterNumber", { quarter }),
            })),
            value.quarter,
            "quarter",
          )
        : null}
      {value.kind === "month"
        ? select(
            t("reports.form.month"),
            MONTHS.map((month) => ({ value: String(month), label: capitalised(monthName(month, t)) })),
            value.month,
            "month",
          )
        : null}
      {value.kind === "custom" ? (
        <>
          <TextInput
            type="date"
            label={t("reports.form.from")}
            required
            value={value.from}
            onChange={(event) => set({ from: event.currentTarget.value as IsoDate })}
            error={errors?.from}
          />
          <TextInput
            type="date"
            label={t("reports.form.to")}
            required
            value={value.to}
            onChange={(event) => set({ to: event.currentTarget.value as IsoDate })}
            error={errors?.to}
          />
        </>
      ) : null}
    </>
  );
}
