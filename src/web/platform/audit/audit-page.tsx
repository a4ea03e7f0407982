import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconRefresh } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../domain/platform/schemas.js";
import { errorMessage } from "../../api/errors.js";
import { useFormat } from "../../format.js";
import { PageHeader } from "../shell/page-header.js";
import { PageLoader } from "../shell/page-loader.js";
import { type AuditFilters, useAuditEntries } from "./audit-api.js";
import { AuditEntryDrawer } from "./audit-entry-drawer.js";
import { AuditFilterForm } from "./audit-filter-form.js";
import { AuditTable } from "./audit-table.js";
import { ChainStatusPanel } from "./chain-status-panel.js";

export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [opened, setOpened] = useState<AuditEntry | null>(null);
  const audit = useAuditEntries(filters);
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <>
      <PageHeader title={t("audit.title")} description={t("audit.subtitle")} />
      <Stack gap="md">
        <ChainStatusPanel />
        <AuditFilterForm onApply={setFilters} />
        <section aria-labelledby="audit-entries-heading">
          <Group justify="space-between" mb="sm">
            <Text id="audit-entries-heading" fw={600} role="status" aria-live="polite">
              {audit.data ? t("audit.shown", { total: format.number(entries.length) }) : t("audit.entries")}
            </Text>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconRefresh size={14} aria-hidden />}
              onClick={() => void audit.refetch()}
              loading={audit.isRefetching && !audit.isFetchingNextPage}
            >
              {t("audit.refresh")}
            </Button>
          </Group>
          {audit.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("audit.loadFailed")}>
              {errorMessage(audit.error, t)}
            </Alert>
          ) : null}
          {audit.isPending ? <PageLoader /> : null}
          {audit.data && entries.length === 0 ? <Text>{t("audit.empty")}</Text> : null}
          {entries.length > 0 ? <AuditTable entries={entries} onOpen={setOpened} /> : null}
          {audit.hasNextPage ? (
            <Group justify="center" mt="md">
              <Button
                variant="default"
                onClick={() => void audit.fetchNextPage()}
                loading={audit.isFetchingNextPage}
              >
                {t("audit.loadMore")}
              </Button>
            </Group>
          ) : null}
        </section>
      </Stack>
      <AuditEntryDrawer entry={opened} onClose={() => setOpened(null)} />
    </>
  );
}
