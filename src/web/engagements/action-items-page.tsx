import {
  Alert,
  Checkbox,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useFormat } from "../format.js";
import { usePermission, useSession } from "../platform/auth/session.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { Paging } from "../platform/shell/paging.js";
import {
  type ActionListFilters,
  actionFiltersFrom,
  actionItemQuery,
  STATUS_CHOICES,
  type StatusChoice,
} from "./action-filters.js";
import { ActionItemModal } from "./action-item-modal.js";
import { ActionItemsTable, canWorkItem } from "./action-items-table.js";
import { engagementErrorMessage } from "./engagement-errors.js";
import { type ActionItem, useActionItems } from "./engagements-api.js";

const PAGE_SIZE = 50;
/** Every action item, or the reader's own (theirs and their teams'), by due day. */
export function ActionItemsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const canWrite = usePermission("engagements.write");
  const [params, setParams] = useSearchParams();
  const filters = actionFiltersFrom(params);
  const page = Math.max(1, Number(params.get("page")) || 1);
  const items = useActionItems(actionItemQuery(filters), page, PAGE_SIZE);
  const [editing, setEditing] = useState<ActionItem | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const update = (changes: Partial<ActionListFilters>, nextPage = 1) => {
    const next = { ...filters, ...changes };
    const search = new URLSearchParams();
    if (next.whose === "all") search.set("whose", "all");
    if (next.status !== "active") search.set("status", next.status);
    if (next.overdue) search.set("overdue", "true");
    if (nextPage > 1) search.set("page", String(nextPage));
    setParams(search, { replace: true });
  };
  const total = items.data?.total ?? 0;
  return (
    <>
      <PageHeader title={t("engagements.actions.title")} description={t("engagements.actions.subtitle")} />
      <Stack gap="md">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="action-filters-heading">
          <Title order={2} size="h4" id="action-filters-heading" mb="sm">
            {t("engagements.filters.title")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="action-whose-label">
                {t("engagements.actions.whose")}
              </Text>
              <SegmentedControl
                aria-labelledby="action-whose-label"
                data={[
                  { value: "mine", label: t("engagements.actions.mine") },
                  { value: "all", label: t("engagements.actions.all") },
                ]}
                value={filters.whose}
                onChange={(value) => update({ whose: value === "all" ? "all" : "mine" })}
              />
            </Stack>
            <Select
              label={t("engagements.actions.status")}
              data={STATUS_CHOICES.map((choice) => ({
                value: choice,
                label:
                  choice === "active"
                    ? t("engagements.actions.active")
                    : choice === "any"
                      ? t("engagements.filters.any")
                      : t(`engagements.vocab.actionStatuses.${choice}`),
              }))}
              value={filters.status}
              onChange={(value) => update({ status: (value as StatusChoice | null) ?? "active" })}
              allowDeselect={false}
            />
            <Stack justify="flex-end">
              <Checkbox
                label={t("engagements.actions.overdueOnly")}
                checked={filters.overdue}
                onChange={(event) => update({ overdue: event.currentTarget.checked })}
              />
            </Stack>
          </SimpleGrid>
        </Paper>
        <section aria-labelledby="action-results-heading">
          <Group justify="space-between" mb="sm">
            <Text id="action-results-heading" fw={600} role="status" aria-live="polite">
              {items.data
                ? t("engagements.actions.count", { count: total, total: format.number(total) })
                : t("engagements.actions.results")}
            </Text>
            {items.isFetching && items.data ? (
              <Loader size="xs" role="status" aria-label={t("common.loading")} />
            ) : null}
          </Group>
          {items.isError ? (
            <Alert
              color="red"
              icon={<IconAlertCircle aria-hidden />}
              title={t("engagements.actions.loadFailed")}
            >
              {engagementErrorMessage(items.error, t)}
            </Alert>
          ) : null}
          {items.isPending ? <PageLoader /> : null}
          {items.data && total === 0 ? <Text>{t("engagements.actions.empty")}</Text> : null}
          {items.data && items.data.items.length > 0 ? (
            <ActionItemsTable
              items={items.data.items}
              caption={t("engagements.actions.title")}
              withEngagement
              onUpdate={(item, trigger) => {
                opener.current = trigger;
                setEditing(item);
              }}
              canUpdate={(item) => canWorkItem(item, session.user?.id ?? null, canWrite)}
            />
          ) : null}
          <Paging
            page={page}
            pageSize={PAGE_SIZE}
            total={total}
            onChange={(next) => update({}, next)}
            label={t("engagements.actions.pages")}
          />
        </section>
      </Stack>
      {editing ? (
        <ActionItemModal
          item={editing}
          onClose={() => {
            setEditing(null);
            window.setTimeout(() => opener.current?.focus(), 0);
          }}
        />
      ) : null}
    </>
  );
}
