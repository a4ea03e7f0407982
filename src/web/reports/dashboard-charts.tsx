import { AreaChart, BarChart, BarsList } from "@mantine/charts";
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { IsoDate } from "../../domain/platform/dates.js";
import type { Dashboard } from "../../domain/reports/schemas.js";
import { inLanguage } from "../cases/bilingual.js";
import { formatMonth } from "../engagements/labels.js";
import { useFormat } from "../format.js";
import { CURRENT_COLOR, LAST_YEAR_COLOR } from "./report-chart.js";
import { defaultQuery, paramsOfQuery } from "./report-query.js";

type Statistics = NonNullable<Dashboard["statistics"]>;

/** A month on the chart's axis: "Mar", with the year at January and at the first month ("Jan 2025"). */
function axisMonth(month: string, first: boolean, locale: string): string {
  const day = new Date(`${month}-01T00:00:00Z`);
  const withYear = first || month.endsWith("-01");
  return new Intl.DateTimeFormat(locale, {
    month: "short",
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  }).format(day);
}

/** A table only screen readers meet: the figures a chart draws. */
function HiddenTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: string[][] }) {
  return (
    <table className="visually-hidden">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row[0]}>
            {row.map((cell, index) =>
              index === 0 ? (
                <th key={`h-${cell}`} scope="row">
                  {cell}
                </th>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: the cells of a row are its columns, in order
                <td key={index}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The dashboard's charts: requests per month, the top partners, refusals by ground. */
export function DashboardCharts({ statistics, today }: { statistics: Statistics; today: IsoDate }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const locale = i18n.language;
  const monthLabel = (month: string) => {
    const [year, number] = month.split("-").map(Number) as [number, number];
    return formatMonth(year, number, t);
  };
  const trend = statistics.trend.map((point, index) => ({
    month: axisMonth(point.month, index === 0, locale),
    incoming: point.incoming,
    outgoing: point.outgoing,
  }));
  const first = statistics.trend[0]?.month;
  const last = statistics.trend[statistics.trend.length - 1]?.month;
  const trendTitle = t("reports.dashboard.trend.title");
  const trendLabel =
    first && last
      ? t("reports.dashboard.trend.label", { from: monthLabel(first), to: monthLabel(last) })
      : trendTitle;
  const partners = statistics.topPartners.map((partner) => ({
    name: inLanguage(partner.label, locale),
    value: partner.value,
  }));
  const refusals = statistics.refusalsByGround.map((ground) => ({
    ground: inLanguage(ground.label, locale),
    value: ground.value,
  }));
  // The figures behind the top partners, as a report: requests this year by partner.
  const partnersReport = `/reports?${paramsOfQuery(defaultQuery(today), "this_year").toString()}`;

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="dashboard-trend">
        <Title order={2} size="h4" id="dashboard-trend" mb="xs">
          {trendTitle}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {first && last
            ? t("reports.dashboard.trend.range", { from: monthLabel(first), to: monthLabel(last) })
            : null}
        </Text>
        <div role="img" aria-label={trendLabel} data-testid="trend-chart">
          <AreaChart
            h={280}
            data={trend}
            dataKey="month"
            series={[
              { name: "incoming", label: t("reports.dashboard.trend.incoming"), color: CURRENT_COLOR },
              { name: "outgoing", label: t("reports.dashboard.trend.outgoing"), color: LAST_YEAR_COLOR },
            ]}
            curveType="linear"
            withLegend
            legendProps={{ verticalAlign: "bottom" }}
            valueFormatter={(value) => format.number(value)}
            accessibilityLayer={false}
            tooltipAnimationDuration={0}
            withDots={false}
            yAxisProps={{ allowDecimals: false }}
          />
        </div>
        <HiddenTable
          caption={trendLabel}
          headers={[
            t("reports.dimensions.month"),
            t("reports.dashboard.trend.incoming"),
            t("reports.dashboard.trend.outgoing"),
          ]}
          rows={statistics.trend.map((point) => [
            monthLabel(point.month),
            format.number(point.incoming),
            format.number(point.outgoing),
          ])}
        />
      </Card>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="dashboard-partners">
          <Group justify="space-between" mb="xs" gap="sm">
            <Title order={2} size="h4" id="dashboard-partners">
              {t("reports.dashboard.partners.title")}
            </Title>
            <Anchor component={Link} to={partnersReport} size="sm" fw={600}>
              <Group gap={4} component="span">
                {t("reports.dashboard.partners.open")}
                <IconArrowRight size={14} aria-hidden />
              </Group>
            </Anchor>
          </Group>
          <Text size="sm" c="dimmed" mb="sm">
            {t("reports.dashboard.partners.hint")}
          </Text>
          {partners.length === 0 ? (
            <Text size="sm">{t("reports.dashboard.none")}</Text>
          ) : (
            <BarsList
              data={partners}
              barsLabel={t("reports.dimensions.partner")}
              valueLabel={t("reports.dashboard.partners.requests")}
              valueFormatter={(value) => format.number(value)}
              barColor="navy.1"
              barTextColor="navy.9"
              data-testid="top-partners"
            />
          )}
        </Card>

        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="dashboard-refusals">
          <Title order={2} size="h4" id="dashboard-refusals" mb="xs">
            {t("reports.dashboard.refusals.title")}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t("reports.dashboard.refusals.hint")}
          </Text>
          {refusals.length === 0 ? (
            <Text size="sm">{t("reports.dashboard.none")}</Text>
          ) : (
            <>
              <div role="img" aria-label={t("reports.dashboard.refusals.label")} data-testid="refusals-chart">
                <BarChart
                  h={Math.max(160, refusals.length * 32 + 60)}
                  data={refusals}
                  dataKey="ground"
                  series={[
                    { name: "value", label: t("reports.dashboard.refusals.count"), color: CURRENT_COLOR },
                  ]}
                  orientation="vertical"
                  xAxisProps={{ allowDecimals: false }}
                  yAxisProps={{ width: 220 }}
                  valueFormatter={(value) => format.number(value)}
                  accessibilityLayer={false}
                  tooltipAnimationDuration={0}
                />
              </div>
              <HiddenTable
                caption={t("reports.dashboard.refusals.label")}
                headers={[t("reports.dimensions.ground"), t("reports.dashboard.refusals.count")]}
                rows={refusals.map((row) => [row.ground, format.number(row.value)])}
              />
            </>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
