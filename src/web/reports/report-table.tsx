import { Table, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ReportResult } from "../../domain/reports/schemas.js";
import { inLanguage } from "../cases/bilingual.js";
import { useFormat } from "../format.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { changeText, dimensionLabel, figureText } from "./labels.js";
import type { ReportCell } from "./reports-api.js";

/** The rows a report sums into "other": their cases are not one figure's. */
export const OTHER_ROW = "other";

type Props = {
  result: ReportResult;
  caption: string;
  onOpen: (cell: ReportCell) => void;
};

/**
 * The figures as a table, which is also the charts' text alternative. Every figure above
 * zero is a button that lists the cases behind it.
 */
export function ReportTable({ result, caption, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { query, unit } = result;
  const compare = query.compare === "previous_year";
  const split = query.split !== undefined && result.columns.length > 0;
  const text = (value: number | null) => figureText(value, unit, format.number, t);

  const figure = (value: number | null, cell: ReportCell | null) => {
    if (value === null || value === 0 || cell === null) return <Text size="sm">{text(value)}</Text>;
    return (
      <UnstyledButton
        className="figure-button"
        onClick={() => onOpen(cell)}
        aria-label={t("reports.table.openCell", { value: text(value), label: cell.label })}
      >
        {text(value)}
      </UnstyledButton>
    );
  };
  const rowLabel = (label: { en: string; ru: string }) => inLanguage(label, i18n.language);
  const firstHeader = query.by ? dimensionLabel(query.by, t) : t("reports.table.figure");

  return (
    <TableScroll label={caption} minWidth={split ? 720 : 480}>
      <Table
        striped
        withTableBorder
        withColumnBorders={split}
        data-testid="report-table"
        data-measure={query.measure}
      >
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{firstHeader}</Table.Th>
            {split
              ? result.columns.map((column) => (
                  <Table.Th key={column.key} scope="col" ta="right">
                    {rowLabel(column.label)}
                  </Table.Th>
                ))
              : null}
            <Table.Th scope="col" ta="right">
              {split ? t("reports.table.rowTotal") : t("reports.table.value")}
            </Table.Th>
            {compare ? (
              <>
                <Table.Th scope="col" ta="right">
                  {t("reports.table.samePeriodLastYear")}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("reports.table.change")}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("reports.table.wholeLastYear")}
                </Table.Th>
              </>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.rows.map((row) => {
            const label = rowLabel(row.label);
            const clickable = row.key !== OTHER_ROW;
            return (
              <Table.Tr key={row.key} data-row={row.key}>
                <Table.Th scope="row" fw={500}>
                  {label}
                </Table.Th>
                {split
                  ? result.columns.map((column, index) => {
                      const cell =
                        row.cells[index] ?? row.cells.find((candidate) => candidate.key === column.key);
                      const columnLabel = rowLabel(column.label);
                      return (
                        <Table.Td key={column.key} ta="right">
                          {figure(
                            cell?.value ?? null,
                            clickable && column.key !== OTHER_ROW
                              ? { row: row.key, column: column.key, label: `${label} · ${columnLabel}` }
                              : null,
                          )}
                        </Table.Td>
                      );
                    })
                  : null}
                <Table.Td ta="right">
                  {figure(row.value, clickable ? { row: row.key, label } : null)}
                </Table.Td>
                {compare ? (
                  <>
                    <Table.Td ta="right">{text(row.samePeriodLastYear)}</Table.Td>
                    <Table.Td ta="right">
                      {changeText(row.value, row.samePeriodLastYear, i18n.language)}
                    </Table.Td>
                    <Table.Td ta="right">{text(row.wholeLastYear)}</Table.Td>
                  </>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Th scope="row">{t("reports.table.total")}</Table.Th>
            {split ? result.columns.map((column) => <Table.Td key={column.key} />) : null}
            <Table.Td ta="right">{figure(result.total.value, { label: t("reports.table.total") })}</Table.Td>
            {compare ? (
              <>
                <Table.Td ta="right">{text(result.total.samePeriodLastYear)}</Table.Td>
                <Table.Td ta="right">
                  {changeText(result.total.value, result.total.samePeriodLastYear, i18n.language)}
                </Table.Td>
                <Table.Td ta="right">{text(result.total.wholeLastYear)}</Table.Td>
              </>
            ) : null}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </TableScroll>
  );
}
