import "./reports.css";
import { Alert, Grid, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconChartBar, IconWorld } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { ReportQuery } from "../../domain/reports/schemas.js";
import { errorMessage } from "../api/errors.js";
import { useFormat } from "../format.js";
import { useOfficeToday } from "../platform/auth/session.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { ExportPanel } from "./export-panel.js";
import { changeText, figureText, periodDates, periodName, reportTitle } from "./labels.js";
import { choiceOf } from "./periods.js";
import { ReportCasesDrawer } from "./report-cases-drawer.js";
import { ReportChart } from "./report-chart.js";
import { ReportForm } from "./report-form.js";
import { ReportMap } from "./report-map.js";
import { PERIOD_HINT, paramsOfQuery, queryFromParams } from "./report-query.js";
import { ReportTable } from "./report-table.js";
import { type ReportCell, useReport } from "./reports-api.js";
import { SavedReports } from "./saved-reports.js";
import { StatementPanel } from "./statement-panel.js";

const VIEWS = ["figures", "map"] as const;
type View = (typeof VIEWS)[number];

type DrillDown = { query: ReportQuery; cell: ReportCell; context: string };

/**
 * The reports page: a query (in the address, so that a link opens the same figures), its
 * figures as a table and a chart or on the world map, the statement, the exports and the
 * saved reports. Every figure opens the cases behind it.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const today = useOfficeToday();
  const [params, setParams] = useSearchParams();
  const { query } = queryFromParams(params, today);
  const periodHint = params.get(PERIOD_HINT);
  const view: View = VIEWS.find((value) => value === params.get("view")) ?? "figures";
  const report = useReport(query);
  const [drillDown, setDrillDown] = useState<DrillDown | null>(null);

  const show = (next: ReportQuery, hint: string | null, nextView: View = view) => {
    const search = paramsOfQuery(next, hint);
    if (nextView !== "figures") search.set("view", nextView);
    setParams(search);
  };
  const setView = (next: View) =>
    setParams(
      (previous) => {
        const search = new URLSearchParams(previous);
        if (next === "figures") search.delete("view");
        else search.set("view", next);
        return search;
      },
      { replace: true },
    );

  const choice = choiceOf({ from: query.from, to: query.to }, today, periodHint);
  const title = reportTitle(query, t);
  const dates = periodDates(choice, today, format.date, t);
  const context = `${title} · ${periodName(choice, t)} (${dates})`;
  const result = report.data;
  const unit = result?.unit ?? "cases";
  const figure = (value: number | null) => figureText(value, unit, format.number, t);
  const open = (cell: ReportCell) => setDrillDown({ query, cell, context });

  return (
    <>
      <PageHeader title={t("reports.page.title")} description={t("reports.page.subtitle")} />
      <Stack gap="lg">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, xl: 9 }}>
            <ReportForm
              query={query}
              periodHint={periodHint}
              today={today}
              onSubmit={(next, hint) => show(next, hint)}
              onReset={() => setParams(new URLSearchParams())}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 3 }}>
            <SavedReports query={query} onOpen={(saved) => show(saved.query, null)} />
          </Grid.Col>
        </Grid>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-result-heading">
          <Group justify="space-between" gap="sm" mb="xs" wrap="nowrap" align="flex-start">
            <Stack gap={2}>
              <Title order={2} size="h3" id="report-result-heading">
                {title}
              </Title>
              <Text size="sm" c="dimmed">
                {periodName(choice, t)} · {dates}
              </Text>
            </Stack>
            {report.isFetching ? <Loader size="sm" role="status" aria-label={t("common.loading")} /> : null}
          </Group>
          {report.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("reports.page.loadFailed")}>
              {errorMessage(report.error, t)}
            </Alert>
          ) : null}
          {report.isPending ? <PageLoader /> : null}
          {result ? (
            <Stack gap="md">
              <Group gap="xl" role="status" aria-live="polite" data-testid="report-total">
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t("reports.page.total")}
                  </Text>
                  <Text fz={28} fw={700} lh={1.2}>
                    {figure(result.total.value)}
                  </Text>
                </Stack>
                {result.periods.samePeriodLastYear ? (
                  <Stack gap={0}>
                    <Text size="xs" c="dimmed">
                      {t("reports.table.samePeriodLastYear")}
                    </Text>
                    <Text fw={600}>
                      {figure(result.total.samePeriodLastYear)}{" "}
                      <Text span size="sm" c="dimmed">
                        ({changeText(result.total.value, result.total.samePeriodLastYear, i18n.language)})
                      </Text>
                    </Text>
                  </Stack>
                ) : null}
                {result.periods.wholeLastYear ? (
                  <Stack gap={0}>
                    <Text size="xs" c="dimmed">
                      {t("reports.table.wholeLastYear")}
                    </Text>
                    <Text fw={600}>{figure(result.total.wholeLastYear)}</Text>
                  </Stack>
                ) : null}
              </Group>
              <Tabs
                value={view}
                onChange={(value) => setView((value as View | null) ?? "figures")}
                keepMounted={false}
              >
                <Tabs.List>
                  <Tabs.Tab value="figures" leftSection={<IconChartBar size={16} aria-hidden />}>
                    {t("reports.page.figuresTab")}
                  </Tabs.Tab>
                  <Tabs.Tab value="map" leftSection={<IconWorld size={16} aria-hidden />}>
                    {t("reports.page.mapTab")}
                  </Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="figures" pt="md">
                  <SimpleGrid cols={{ base: 1, lg: query.by && !query.split ? 2 : 1 }} spacing="lg">
                    {query.by ? (
                      <ReportChart
                        result={result}
                        label={t("reports.chart.label", { title, period: dates })}
                      />
                    ) : null}
                    <ReportTable result={result} caption={`${title}, ${dates}`} onOpen={open} />
                  </SimpleGrid>
                  <Text size="xs" c="dimmed" mt="xs">
                    {t("reports.page.cellHint")}
                  </Text>
                </Tabs.Panel>
                <Tabs.Panel value="map" pt="md">
                  <ReportMap
                    query={query}
                    unit={unit}
                    label={t("reports.map.label", { measure: title, period: dates })}
                    onOpenPartner={(code, name) => {
                      // Every case with that partner, whatever the table's breakdown.
                      const { by: _by, split: _split, top: _top, ...rest } = query;
                      setDrillDown({ query: { ...rest, partner: code }, cell: { label: name }, context });
                    }}
                  />
                </Tabs.Panel>
              </Tabs>
            </Stack>
          ) : null}
        </Paper>

        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <StatementPanel query={query} />
          <ExportPanel query={query} today={today} />
        </SimpleGrid>
      </Stack>
      <ReportCasesDrawer
        query={drillDown?.query ?? query}
        cell={drillDown?.cell ?? null}
        context={drillDown?.context ?? ""}
        onClose={() => setDrillDown(null)}
      />
    </>
  );
}
