import { AreaChart, BarChart } from "@mantine/charts";
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ReportResult } from "../../domain/reports/schemas.js";
import { inLanguage } from "../cases/bilingual.js";
import { useFormat } from "../format.js";
import { isTimeDimension } from "./report-query.js";

/** Colours of the series, told apart with the common colour-vision deficiencies (Okabe-Ito first). */
export const SERIES_COLORS = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#1f3a68",
  "#999999",
  "#F0E442",
  "#000000",
];
export const CURRENT_COLOR = "navy.7";
export const LAST_YEAR_COLOR = "orange.5";

type Props = { result: ReportResult; label: string };

/**
 * The figures as a chart: lines over time, bars by category, stacked bars with a second
 * breakdown. The table beside it says the same in text; the chart has a name that says
 * what it shows, and nothing in it takes focus.
 */
export function ReportChart({ result, label }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { query } = result;
  if (!query.by || result.rows.length === 0) {
    return <Text size="sm">{t("reports.chart.needsBreakdown")}</Text>;
  }
  const compare = query.compare === "previous_year";
  const split = query.split !== undefined && result.columns.length > 0;
  const overTime = isTimeDimension(query.by);
  const name = (value: { en: string; ru: string }) => inLanguage(value, i18n.language);
  const valueFormatter = (value: number) => format.number(value);

  if (split) {
    const series = result.columns.map((column, index) => ({
      name: `c${index}`,
      label: name(column.label),
      color: SERIES_COLORS[index % SERIES_COLORS.length],
    }));
    const data = result.rows.map((row) => ({
      label: name(row.label),
      ...Object.fromEntries(
        result.columns.map((_column, index) => [`c${index}`, row.cells[index]?.value ?? 0]),
      ),
    }));
    return (
      <div role="img" aria-label={label} data-testid="report-chart">
        <BarChart
          h={overTime ? 320 : Math.max(220, data.length * 34 + 80)}
          data={data}
          dataKey="label"
          series={series}
          type="stacked"
          orientation={overTime ? "horizontal" : "vertical"}
          withLegend
          legendProps={{ verticalAlign: "bottom" }}
          valueFormatter={valueFormatter}
          xAxisProps={overTime ? undefined : { allowDecimals: false }}
          yAxisProps={overTime ? { allowDecimals: false } : { width: 160 }}
          accessibilityLayer={false}
          tooltipAnimationDuration={0}
        />
      </div>
    );
  }

  const series = [
    { name: "value", label: t("reports.chart.thisPeriod"), color: CURRENT_COLOR },
    ...(compare
      ? [{ name: "lastYear", label: t("reports.chart.samePeriodLastYear"), color: LAST_YEAR_COLOR }]
      : []),
  ];
  const data = result.rows.map((row) => ({
    label: name(row.label),
    value: row.value ?? 0,
    lastYear: row.samePeriodLastYear ?? 0,
  }));

  return (
    <div role="img" aria-label={label} data-testid="report-chart">
      {overTime ? (
        <AreaChart
          h={320}
          data={data}
          dataKey="label"
          series={series}
          curveType="linear"
          withLegend={compare}
          legendProps={{ verticalAlign: "bottom" }}
          valueFormatter={valueFormatter}
          accessibilityLayer={false}
          tooltipAnimationDuration={0}
          withDots={data.length <= 24}
          yAxisProps={{ allowDecimals: result.unit === "days" }}
        />
      ) : (
        <BarChart
          h={Math.max(220, data.length * (compare ? 44 : 30) + 80)}
          data={data}
          dataKey="label"
          series={series}
          orientation="vertical"
          withLegend={compare}
          legendProps={{ verticalAlign: "bottom" }}
          valueFormatter={valueFormatter}
          xAxisProps={{ allowDecimals: result.unit === "days" }}
          yAxisProps={{ width: 160 }}
          accessibilityLayer={false}
          tooltipAnimationDuration={0}
        />
      )}
    </div>
  );
}
