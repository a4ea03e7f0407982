import { Alert, Drawer, Group, Loader, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconEyeOff } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportQuery } from "../../domain/reports/schemas.js";
import { errorMessage } from "../api/errors.js";
import { CasesTable } from "../cases/cases-table.js";
import { useFormat } from "../format.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { Paging } from "../platform/shell/paging.js";
import { useLastPresent } from "../platform/shell/use-last-present.js";
import { CASES_PAGE_SIZE, type ReportCell, useReportCases } from "./reports-api.js";

type Props = {
  query: ReportQuery;
  cell: ReportCell | null;
  /** What the figure counts, for the heading: "Refusals, 1 Jan 2025 – 31 Aug 2025". */
  context: string;
  onClose: () => void;
};

/**
 * The cases behind one figure: those the reader may see, with links, and a count of the
 * others (need-to-know: a figure counts every case, the list shows only what one may open).
 */
export function ReportCasesDrawer({ query, cell, context, onClose }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = useLastPresent(cell);
  const [page, setPage] = useState(1);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new cell starts at its first page
  useEffect(() => setPage(1), [cell?.row, cell?.column, cell?.label]);
  const cases = useReportCases(query, cell, page);
  const data = cases.data;
  const visible = data ? data.total - data.hidden : 0;
  return (
    <Drawer
      opened={cell !== null}
      onClose={onClose}
      position="right"
      size="min(1120px, 92%)"
      title={shown ? t("reports.cases.title", { label: shown.label }) : ""}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
    >
      {shown ? (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {context}
          </Text>
          {cases.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("reports.cases.loadFailed")}>
              {errorMessage(cases.error, t)}
            </Alert>
          ) : null}
          {cases.isPending ? <PageLoader /> : null}
          {data ? (
            <>
              <Group justify="space-between" gap="sm">
                <Text fw={600} role="status" aria-live="polite" data-testid="report-cases-count">
                  {t("reports.cases.count", { count: data.total, total: format.number(data.total) })}
                </Text>
                {cases.isFetching ? (
                  <Loader size="xs" role="status" aria-label={t("common.loading")} />
                ) : null}
              </Group>
              {data.hidden > 0 ? (
                <Alert
                  color="gray"
                  variant="light"
                  icon={<IconEyeOff aria-hidden />}
                  data-testid="report-cases-hidden"
                >
                  {visible === 0
                    ? t("reports.cases.allHidden", { count: data.hidden, hidden: format.number(data.hidden) })
                    : t("reports.cases.hidden", { count: data.hidden, hidden: format.number(data.hidden) })}
                </Alert>
              ) : null}
              {data.items.length > 0 ? <CasesTable items={data.items} /> : null}
              <Paging
                page={page}
                pageSize={CASES_PAGE_SIZE}
                total={visible}
                onChange={setPage}
                label={t("reports.cases.pages")}
              />
            </>
          ) : null}
        </Stack>
      ) : null}
    </Drawer>
  );
}
