import { Alert, Button, Group, Loader, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconAlertCircle, IconCalendar, IconChecklist, IconFileImport, IconPlus } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useFormat } from "../format.js";
import { usePermission } from "../platform/auth/session.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { Paging } from "../platform/shell/paging.js";
import { engagementErrorMessage } from "./engagement-errors.js";
import { EngagementFiltersPanel } from "./engagement-filters.js";
import { type EngagementFilters, PAGE_SIZE, useEngagements } from "./engagements-api.js";
import { EngagementsTable } from "./engagements-table.js";
import { engagementFiltersFrom, searchOf } from "./list-filters.js";

/** Visits, meetings and conferences: filtered, searched in English and Russian, newest first. */
export function EngagementsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = usePermission("engagements.write");
  const [params, setParams] = useSearchParams();
  const filters = engagementFiltersFrom(params);
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [search, setSearch] = useState(filters.q ?? "");
  const [debounced] = useDebouncedValue(search, 300);
  const engagements = useEngagements(filters, page);

  const update = (changes: Partial<EngagementFilters>, nextPage = 1) =>
    setParams(searchOf({ ...filters, ...changes }, nextPage), { replace: true });

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new debounced search changes the address
  useEffect(() => {
    const q = debounced.trim();
    if (q !== (filters.q ?? "")) update({ q: q || undefined });
  }, [debounced]);

  const clear = () => {
    setSearch("");
    setParams(new URLSearchParams(), { replace: true });
  };
  const total = engagements.data?.total ?? 0;
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader
        title={t("engagements.list.title")}
        description={t("engagements.list.subtitle")}
        actions={
          <>
            <Button
              component={Link}
              to="/engagements/calendar"
              variant="default"
              leftSection={<IconCalendar size={18} aria-hidden />}
            >
              {t("engagements.calendar.open")}
            </Button>
            <Button
              component={Link}
              to="/engagements/actions"
              variant="default"
              leftSection={<IconChecklist size={18} aria-hidden />}
            >
              {t("engagements.actions.open")}
            </Button>
            {canWrite ? (
              <>
                <Button
                  component={Link}
                  to="/engagements/import"
                  variant="default"
                  leftSection={<IconFileImport size={18} aria-hidden />}
                >
                  {t("engagements.import.open")}
                </Button>
                <Button
                  component={Link}
                  to="/engagements/new"
                  leftSection={<IconPlus size={18} aria-hidden />}
                >
                  {t("engagements.list.new")}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <EngagementFiltersPanel
          filters={filters}
          search={search}
          onSearch={setSearch}
          onChange={update}
          onClear={clear}
        />
        <section aria-labelledby="engagement-results-heading">
          <Group justify="space-between" mb="sm">
            <Text id="engagement-results-heading" fw={600} role="status" aria-live="polite">
              {engagements.data
                ? t("engagements.list.count", { count: total, total: format.number(total) })
                : t("engagements.list.results")}
            </Text>
            {engagements.isFetching && engagements.data ? (
              <Loader size="xs" role="status" aria-label={t("common.loading")} />
            ) : null}
          </Group>
          {engagements.isError ? (
            <Alert
              color="red"
              icon={<IconAlertCircle aria-hidden />}
              title={t("engagements.list.loadFailed")}
            >
              {engagementErrorMessage(engagements.error, t)}
            </Alert>
          ) : null}
          {engagements.isPending ? <PageLoader /> : null}
          {engagements.data && total === 0 ? (
            <Stack gap="xs" align="flex-start">
              <Text>{filtered ? t("engagements.list.emptyFiltered") : t("engagements.list.empty")}</Text>
              {filtered ? (
                <Button variant="default" size="xs" onClick={clear}>
                  {t("engagements.filters.clear")}
                </Button>
              ) : null}
            </Stack>
          ) : null}
          {engagements.data && engagements.data.engagements.length > 0 ? (
            <EngagementsTable
              engagements={engagements.data.engagements}
              caption={t("engagements.list.caption")}
            />
          ) : null}
          <Paging
            page={page}
            pageSize={PAGE_SIZE}
            total={total}
            onChange={(next) => update({}, next)}
            label={t("engagements.list.pages")}
          />
        </section>
      </Stack>
    </>
  );
}
