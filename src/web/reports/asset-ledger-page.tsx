import { Alert, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { DIRECTIONS, type Direction } from "../../domain/cases/vocabulary.js";
import { ASSET_AMOUNT_STAGES } from "../../domain/reports/vocabulary.js";
import { errorMessage } from "../api/errors.js";
import { inLanguage } from "../cases/bilingual.js";
import { StateSelect } from "../directory/state-select.js";
import { formatAmount, formatMoney, useFormat } from "../format.js";
import { useOfficeToday } from "../platform/auth/session.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { PeriodFields } from "./period-fields.js";
import { choiceOf, isCompleteChoice, type PeriodChoice, periodOf } from "./periods.js";
import { GROUPINGS, ledgerQueryFromParams, PERIOD_HINT } from "./report-query.js";
import { useAssetLedger } from "./reports-api.js";

/** ISO 4217's code for "no currency": the row of stage changes recorded without an amount. */
const NO_CURRENCY = "XXX";

/**
 * The asset recovery ledger: amounts traced, frozen, confiscated, returned and shared, by
 * partner, year or kind of case, one row per currency. Amounts in different currencies
 * are never added up: the totals are per currency too.
 */
export function AssetLedgerPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const today = useOfficeToday();
  const [params, setParams] = useSearchParams();
  const query = ledgerQueryFromParams(params, today);
  const choice = choiceOf({ from: query.from, to: query.to }, today, params.get(PERIOD_HINT));
  const ledger = useAssetLedger(query);

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const setPeriod = (next: PeriodChoice) => {
    if (!isCompleteChoice(next, today)) return;
    const period = periodOf(next, today);
    update({ from: period.from, to: period.to, [PERIOD_HINT]: next.kind });
  };
  // Amounts in a row whose currency column names the currency; totals say it in each cell.
  const amountIn = (amount: string, currency: string) =>
    Number(amount) === 0 ? "—" : formatAmount(amount, currency, i18n.language);
  const currencyName = (currency: string) =>
    currency === NO_CURRENCY ? t("reports.assets.noCurrency") : currency;
  const money = (amount: string, currency: string) =>
    amount === "0" || amount === "0.00" || Number(amount) === 0
      ? "—"
      : formatMoney(amount, currency, i18n.language);
  const data = ledger.data;
  const caption = t("reports.assets.tableCaption", { by: t(`reports.assets.groupings.${query.by}`) });

  return (
    <>
      <PageHeader title={t("reports.assets.title")} description={t("reports.assets.subtitle")} />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ledger-options-heading">
          <Title order={2} size="h4" id="ledger-options-heading" mb="sm">
            {t("reports.assets.options")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <PeriodFields value={choice} onChange={setPeriod} today={today} />
            <Select
              label={t("reports.assets.by")}
              data={GROUPINGS.map((value) => ({ value, label: t(`reports.assets.groupings.${value}`) }))}
              value={query.by}
              onChange={(value) => update({ by: value })}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <StateSelect
              label={t("reports.form.partner")}
              placeholder={t("reports.form.any")}
              value={query.partner ?? null}
              onChange={(code) => update({ partner: code })}
              clearable
            />
            <Select
              label={t("reports.dimensions.direction")}
              placeholder={t("reports.form.any")}
              data={DIRECTIONS.map((value: Direction) => ({
                value,
                label: t(`cases.vocab.directions.${value}`),
              }))}
              value={query.direction ?? null}
              onChange={(value) => update({ direction: value })}
              clearable
              clearButtonProps={{ "aria-label": t("common.clear") }}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ledger-heading">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4" id="ledger-heading">
              {t("reports.assets.heading", { from: format.date(query.from), to: format.date(query.to) })}
            </Title>
            {ledger.isFetching ? <Loader size="xs" role="status" aria-label={t("common.loading")} /> : null}
          </Group>
          <Text size="sm" c="dimmed" mb="sm">
            {t("reports.assets.note")}
          </Text>
          {ledger.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("reports.assets.loadFailed")}>
              {errorMessage(ledger.error, t)}
            </Alert>
          ) : null}
          {ledger.isPending ? <PageLoader /> : null}
          {data && data.rows.length === 0 ? <Text>{t("reports.assets.empty")}</Text> : null}
          {data && data.rows.length > 0 ? (
            <Stack gap="lg">
              <TableScroll label={caption} minWidth={900}>
                <Table striped withTableBorder data-testid="asset-ledger">
                  <Table.Caption className="visually-hidden">{caption}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t(`reports.assets.groupings.${query.by}`)}</Table.Th>
                      <Table.Th scope="col">{t("reports.assets.currency")}</Table.Th>
                      {ASSET_AMOUNT_STAGES.map((stage) => (
                        <Table.Th key={stage} scope="col" ta="right">
                          {t(`cases.vocab.assetStages.${stage}`)}
                        </Table.Th>
                      ))}
                      <Table.Th scope="col" ta="right">
                        {t("reports.assets.withoutAmount")}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t("reports.assets.cases")}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.rows.map((row) => (
                      <Table.Tr key={`${row.key}-${row.currency}`}>
                        <Table.Th scope="row" fw={500}>
                          {inLanguage(row.label, i18n.language)}
                        </Table.Th>
                        <Table.Td ff={row.currency === NO_CURRENCY ? undefined : "monospace"}>
                          {currencyName(row.currency)}
                        </Table.Td>
                        {ASSET_AMOUNT_STAGES.map((stage) => (
                          <Table.Td key={stage} ta="right" style={{ whiteSpace: "nowrap" }}>
                            {amountIn(row.amounts[stage], row.currency)}
                          </Table.Td>
                        ))}
                        <Table.Td ta="right">{format.number(row.withoutAmount)}</Table.Td>
                        <Table.Td ta="right">{format.number(row.cases)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
              <Title order={3} size="h5" id="ledger-totals-heading">
                {t("reports.assets.totals")}
              </Title>
              <TableScroll label={t("reports.assets.totals")} minWidth={720}>
                <Table striped withTableBorder data-testid="asset-ledger-totals">
                  <Table.Caption className="visually-hidden">{t("reports.assets.totals")}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("reports.assets.currency")}</Table.Th>
                      {ASSET_AMOUNT_STAGES.map((stage) => (
                        <Table.Th key={stage} scope="col" ta="right">
                          {t(`cases.vocab.assetStages.${stage}`)}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.totals
                      .filter((total) => total.currency !== NO_CURRENCY)
                      .map((total) => (
                        <Table.Tr key={total.currency}>
                          <Table.Th scope="row" ff="monospace">
                            {total.currency}
                          </Table.Th>
                          {ASSET_AMOUNT_STAGES.map((stage) => (
                            <Table.Td key={stage} ta="right" style={{ whiteSpace: "nowrap" }}>
                              {money(total.amounts[stage], total.currency)}
                            </Table.Td>
                          ))}
                        </Table.Tr>
                      ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </Stack>
          ) : null}
        </Paper>
      </Stack>
    </>
  );
}
