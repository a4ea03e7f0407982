import { Alert, Group, Stack, Table, Text, UnstyledButton } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import type { State } from "../../domain/directory/schemas.js";
import { isStateCode, type StateCode } from "../../domain/directory/state-codes.js";
import type { ReportQuery } from "../../domain/reports/schemas.js";
import { errorMessage } from "../api/errors.js";
import { useStateNames } from "../directory/state-names.js";
import { useFormat } from "../format.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { WorldMap } from "../registry/map/world-map.js";
import { figureText, measureLabel } from "./labels.js";
import { fillOfValue, MAP_NONE_FILL, mapClasses } from "./map-scale.js";
import { useReportMap } from "./reports-api.js";

const TABLE_ID = "report-map-table";

type Props = {
  query: ReportQuery;
  unit: "cases" | "days";
  /** What the map shows, for its name: "Requests, 1 Jan 2025 – 31 Aug 2025". */
  label: string;
  onOpenPartner: (code: StateCode, name: string) => void;
};

/**
 * The chosen figure by partner state on the world map (the registry's map component,
 * coloured by the figure), with the same figures as a table under it.
 */
export function ReportMap({ query, unit, label, onOpenPartner }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const map = useReportMap(query, true);
  if (map.isError)
    return (
      <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("reports.map.loadFailed")}>
        {errorMessage(map.error, t)}
      </Alert>
    );
  if (!map.data) return <PageLoader />;
  const values = new Map<string, number>(map.data.states.map((item) => [item.partner, item.value]));
  const classes = mapClasses(map.data.states.map((item) => item.value));
  const statesByNumeric = new Map<string, State>(
    names.states.filter((item) => item.numeric).map((item) => [item.numeric ?? "", item]),
  );
  const text = (value: number) => figureText(value, unit, format.number, t);
  const rows = [...map.data.states]
    .filter((item) => item.value > 0)
    .sort(
      (a, b) =>
        b.value - a.value || names.name(a.partner).localeCompare(names.name(b.partner), i18n.language),
    );
  const skipToTable = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(TABLE_ID)?.focus();
  };
  const measure = measureLabel(query.measure, t);
  return (
    <Stack gap="sm">
      <Group
        gap="md"
        wrap="wrap"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: "none" }}
        aria-label={t("reports.map.legend")}
      >
        {classes.map((item) => (
          <Group key={item.from} gap={6} component="li" wrap="nowrap">
            <span className="map-swatch" style={{ background: item.fill }} aria-hidden />
            <Text size="sm">
              {item.from === item.to
                ? text(item.from)
                : t("reports.map.range", { from: format.number(item.from), to: format.number(item.to) })}
            </Text>
          </Group>
        ))}
        <Group gap={6} component="li" wrap="nowrap">
          <span className="map-swatch" style={{ background: MAP_NONE_FILL }} aria-hidden />
          <Text size="sm">{t("reports.map.none")}</Text>
        </Group>
      </Group>
      <a href={`#${TABLE_ID}`} className="skip-map-link" onClick={skipToTable}>
        {t("reports.map.skipMap")}
      </a>
      <WorldMap
        selected={null}
        partners={new Map()}
        fillOf={(code) => fillOfValue(values.get(code), classes)}
        describeOf={(code) =>
          t("reports.map.countryLabel", {
            state: names.name(code),
            value: values.has(code) ? text(values.get(code) ?? 0) : t("reports.map.noFigure"),
            measure,
          })
        }
        hint={t("reports.map.hoverHint")}
        statesByNumeric={statesByNumeric}
        stateName={(code) => names.name(code)}
        onOpen={(code) => {
          if (isStateCode(code) && (values.get(code) ?? 0) > 0) onOpenPartner(code, names.name(code));
        }}
        label={label}
      />
      <Text size="xs" c="dimmed">
        {t("registry.map.attribution")}
      </Text>
      <Text fw={600} id={TABLE_ID} tabIndex={-1}>
        {t("reports.map.tableTitle")}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm">{t("reports.map.empty")}</Text>
      ) : (
        <TableScroll label={t("reports.map.tableTitle")} minWidth={360}>
          <Table striped withTableBorder data-testid="report-map-table">
            <Table.Caption className="visually-hidden">{t("reports.map.tableTitle")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("reports.dimensions.partner")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {measure}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((item) => (
                <Table.Tr key={item.partner}>
                  <Table.Th scope="row" fw={500}>
                    <Group gap={6} wrap="nowrap">
                      <span
                        className="map-swatch"
                        style={{ background: fillOfValue(item.value, classes) }}
                        aria-hidden
                      />
                      {names.name(item.partner)}
                    </Group>
                  </Table.Th>
                  <Table.Td ta="right">
                    <UnstyledButton
                      className="figure-button"
                      onClick={() => onOpenPartner(item.partner, names.name(item.partner))}
                      aria-label={t("reports.table.openCell", {
                        value: text(item.value),
                        label: names.name(item.partner),
                      })}
                    >
                      {text(item.value)}
                    </UnstyledButton>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
