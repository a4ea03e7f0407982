import { Alert, Button, Group, Loader, Menu, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconAlertCircle, IconChevronDown, IconDownload, IconPlus } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { errorMessage } from "../api/errors.js";
import { useFormat } from "../format.js";
import { i18n } from "../i18n/i18n.js";
import { usePermission, useSession } from "../platform/auth/session.js";
import { DownloadStatus, useDownload } from "../platform/shell/download-status.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { Paging } from "../platform/shell/paging.js";
import { CaseFiltersPanel } from "./case-filters.js";
import { type CaseFilters, caseExportUrl, PAGE_SIZE, useCases, useTeams } from "./cases-api.js";
import { CasesTable } from "./cases-table.js";
import { filtersFrom } from "./list-filters.js";
import { savableFilters, useSavedViews } from "./saved-views.js";
import { DUE_SOON_DAYS, type QuickView, SavedViewsBar } from "./saved-views-bar.js";

export function CasesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const canWrite = usePermission("cases.write");
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [search, setSearch] = useState(filters.q ?? "");
  const [debounced] = useDebouncedValue(search, 300);
  const cases = useCases(filters, page);
  const teams = useTeams();
  const savedViews = useSavedViews(session.user?.id ?? "anonymous");
  const download = useDownload();
  const exportList = (format: "csv" | "xlsx") =>
    void download.start(
      caseExportUrl(filters, format, i18n.language === "ru" ? "ru" : "en"),
      `cases.${format}`,
      t("cases.export.fileLabel", { format: format.toUpperCase() }),
    );

  const replace = (next: CaseFilters, nextPage = 1) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, value);
    if (nextPage > 1) search.set("page", String(nextPage));
    setParams(search, { replace: true });
  };
  const update = (changes: Partial<CaseFilters>, nextPage = 1) =>
    replace({ ...filters, ...changes }, nextPage);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new debounced search changes the address
  useEffect(() => {
    const q = debounced.trim();
    if (q !== (filters.q ?? "")) update({ q: q || undefined });
  }, [debounced]);

  const clear = () => {
    setSearch("");
    setParams(new URLSearchParams(), { replace: true });
  };
  const quickView = (view: QuickView) =>
    update({
      overdue: view === "overdue" ? "true" : undefined,
      dueWithinDays: view === "dueSoon" ? DUE_SOON_DAYS : undefined,
    });
  const total = cases.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t("cases.list.title")}
        description={t("cases.list.subtitle")}
        actions={
          <>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button
                  variant="default"
                  leftSection={<IconDownload size={18} aria-hidden />}
                  rightSection={<IconChevronDown size={14} aria-hidden />}
                  loading={download.busy}
                >
                  {t("cases.export.button")}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t("cases.export.hint")}</Menu.Label>
                <Menu.Item onClick={() => exportList("csv")}>{t("cases.export.csv")}</Menu.Item>
                <Menu.Item onClick={() => exportList("xlsx")}>{t("cases.export.xlsx")}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {canWrite ? (
              <Button component={Link} to="/cases/new" leftSection={<IconPlus size={18} aria-hidden />}>
                {t("cases.list.new")}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <DownloadStatus state={download.state} />
        <SavedViewsBar
          filters={filters}
          views={savedViews.views}
          onQuickView={quickView}
          onApply={(view) => replace({ ...view.filters, q: filters.q })}
          onSave={(name) => {
            savedViews.save({ name, filters: savableFilters(filters) });
            notifySuccess(i18n.t("cases.views.savedNotice", { name }));
          }}
          onRemove={(name) => {
            savedViews.remove(name);
            notifySuccess(i18n.t("cases.views.removed", { name }));
          }}
        />
        <CaseFiltersPanel
          filters={filters}
          search={search}
          teams={teams.data ?? null}
          onSearch={setSearch}
          onChange={update}
          onClear={clear}
        />
        <section aria-labelledby="case-results-heading">
          <Group justify="space-between" mb="sm">
            <Text id="case-results-heading" fw={600} role="status" aria-live="polite">
              {cases.data ? t("cases.list.count", { total: format.number(total) }) : t("cases.list.results")}
            </Text>
            {cases.isFetching && cases.data ? (
              <Loader size="xs" role="status" aria-label={t("common.loading")} />
            ) : null}
          </Group>
          {cases.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("cases.list.loadFailed")}>
              {errorMessage(cases.error, t)}
            </Alert>
          ) : null}
          {cases.isPending ? <PageLoader /> : null}
          {cases.data && total === 0 ? (
            <Stack gap="xs" align="flex-start">
              <Text>
                {Object.keys(filters).length > 0 ? t("cases.list.emptyFiltered") : t("cases.list.empty")}
              </Text>
              {Object.keys(filters).length > 0 ? (
                <Button variant="default" size="xs" onClick={clear}>
                  {t("cases.filters.clear")}
                </Button>
              ) : canWrite ? (
                <Button
                  component={Link}
                  to="/cases/new"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                >
                  {t("cases.list.new")}
                </Button>
              ) : null}
            </Stack>
          ) : null}
          {cases.data && cases.data.items.length > 0 ? <CasesTable items={cases.data.items} /> : null}
          <Paging
            page={page}
            pageSize={PAGE_SIZE}
            total={total}
            onChange={(next) => update({}, next)}
            label={t("cases.list.pages")}
          />
        </section>
      </Stack>
    </>
  );
}
