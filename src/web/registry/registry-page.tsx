import { Alert, Button, Group, Loader, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconAlertCircle, IconFileImport, IconMap, IconPlus, IconScale } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { instrumentListQuerySchema } from "../../domain/registry/schemas.js";
import { errorMessage } from "../api/errors.js";
import { useFormat } from "../format.js";
import { usePermission } from "../platform/auth/session.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { Paging } from "../platform/shell/paging.js";
import { InstrumentsTable } from "./instruments-table.js";
import { type InstrumentFilters, PAGE_SIZE, useInstruments } from "./registry-api.js";
import { RegistryFilters } from "./registry-filters.js";

const FILTER_KEYS = ["q", "kind", "subject", "scope", "binding", "party", "status", "date", "demo"] as const;

/** The filters in the address; anything the API would refuse is left out. */
function filtersFrom(params: URLSearchParams): InstrumentFilters {
  const raw = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, params.get(key) ?? undefined]).filter(([, value]) => value),
  );
  const filters: InstrumentFilters = {};
  for (const [key, value] of Object.entries(raw)) {
    const single = instrumentListQuerySchema.safeParse({ [key]: value });
    if (single.success) Object.assign(filters, { [key]: value });
  }
  if (!filters.party) {
    delete filters.status;
    delete filters.date;
  }
  return filters;
}

export function RegistryPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = usePermission("registry.write");
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [search, setSearch] = useState(filters.q ?? "");
  const [debounced] = useDebouncedValue(search, 300);
  const instruments = useInstruments(filters, page);

  const update = (changes: Partial<InstrumentFilters>, nextPage = 1) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (nextPage > 1) next.set("page", String(nextPage));
        else next.delete("page");
        return next;
      },
      { replace: true },
    );
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new debounced search changes the address
  useEffect(() => {
    const q = debounced.trim();
    if (q !== (filters.q ?? "")) update({ q: q || undefined });
  }, [debounced]);

  const clear = () => {
    setSearch("");
    setParams(new URLSearchParams(), { replace: true });
  };
  const total = instruments.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t("registry.list.title")}
        description={t("registry.list.subtitle")}
        actions={
          <>
            <Button
              component={Link}
              to="/registry/resolve"
              variant="default"
              leftSection={<IconScale size={18} aria-hidden />}
            >
              {t("registry.links.resolver")}
            </Button>
            <Button
              component={Link}
              to="/registry/map"
              variant="default"
              leftSection={<IconMap size={18} aria-hidden />}
            >
              {t("registry.links.map")}
            </Button>
            {canWrite ? (
              <>
                <Button
                  component={Link}
                  to="/registry/import"
                  variant="default"
                  leftSection={<IconFileImport size={18} aria-hidden />}
                >
                  {t("registry.links.import")}
                </Button>
                <Button component={Link} to="/registry/new" leftSection={<IconPlus size={18} aria-hidden />}>
                  {t("registry.list.new")}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <RegistryFilters
          filters={filters}
          search={search}
          onSearch={setSearch}
          onChange={update}
          onClear={clear}
        />
        <section aria-labelledby="registry-results-heading">
          <Group justify="space-between" mb="sm">
            <Text id="registry-results-heading" fw={600} role="status" aria-live="polite">
              {instruments.data
                ? t("registry.list.count", { total: format.number(total) })
                : t("registry.list.results")}
            </Text>
            {instruments.isFetching && instruments.data ? (
              <Loader size="xs" role="status" aria-label={t("common.loading")} />
            ) : null}
          </Group>
          {instruments.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("registry.list.loadFailed")}>
              {errorMessage(instruments.error, t)}
            </Alert>
          ) : null}
          {instruments.isPending ? <PageLoader /> : null}
          {instruments.data && total === 0 ? <Text>{t("registry.list.empty")}</Text> : null}
          {instruments.data && instruments.data.instruments.length > 0 ? (
            <InstrumentsTable instruments={instruments.data.instruments} />
          ) : null}
          <Paging
            page={page}
            pageSize={PAGE_SIZE}
            total={total}
            onChange={(next) => update({}, next)}
            label={t("registry.list.pages")}
          />
        </section>
      </Stack>
    </>
  );
}
