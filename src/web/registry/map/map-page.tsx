import {
  Alert,
  Anchor,
  Badge,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { State } from "../../../domain/directory/schemas.js";
import { isStateCode } from "../../../domain/directory/state-codes.js";
import { isoDateOrNull } from "../../../domain/platform/dates.js";
import { type MapRelation, SCOPES, type Scope } from "../../../domain/registry/vocabulary.js";
import { errorMessage } from "../../api/errors.js";
import { useStateNames } from "../../directory/state-names.js";
import { StateSelect } from "../../directory/state-select.js";
import { useFormat } from "../../format.js";
import { useOfficeToday } from "../../platform/auth/session.js";
import { PageHeader } from "../../platform/shell/page-header.js";
import { PageLoader } from "../../platform/shell/page-loader.js";
import { TableScroll } from "../../platform/shell/table-scroll.js";
import { useWorldMap } from "../registry-api.js";
import { RELATION_FILLS, RELATION_ORDER, SELECTED_FILL } from "./map-colors.js";
import { type Partner, WorldMap } from "./world-map.js";

const TABLE_ID = "map-partners";

/** The world map of one state's relations, with its legend and the same data as a table. */
export function MapPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const names = useStateNames();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get("state");
  const state = isStateCode(stateParam) ? stateParam : null;
  const today = useOfficeToday();
  const dateParam = params.get("date") ?? "";
  const date = isoDateOrNull(dateParam) ?? today;
  const widest: Scope = SCOPES.find((scope) => scope === params.get("widest")) ?? "regional";
  const map = useWorldMap(state, date, widest);

  const setParam = (key: string, value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const partners = new Map<string, Partner>(
    (map.data?.partners ?? []).map((partner) => [
      partner.state,
      { state: partner.state, relation: partner.relation, instruments: partner.instrumentIds.length },
    ]),
  );
  const statesByNumeric = new Map<string, State>(
    names.states.filter((item) => item.numeric).map((item) => [item.numeric ?? "", item]),
  );
  const open = (code: string) => {
    if (!state) return;
    void navigate(
      code === state ? `/registry/states/${state}` : `/registry/states/${state}?partner=${code}&date=${date}`,
    );
  };
  const skipToTable = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(TABLE_ID)?.focus();
  };
  const byRelation = (relation: MapRelation) =>
    (map.data?.partners ?? [])
      .filter((partner) => partner.relation === relation)
      .sort((a, b) => names.name(a.state).localeCompare(names.name(b.state), i18n.language));
  const stateName = state ? names.name(state) : "";
  const counts = map.data?.counts;

  return (
    <>
      <PageHeader title={t("registry.map.title")} description={t("registry.map.subtitle")} />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="map-options-heading">
          <Title order={2} size="h4" id="map-options-heading" mb="sm">
            {t("registry.map.options")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <StateSelect
              label={t("registry.map.state")}
              value={state}
              onChange={(code) => setParam("state", code)}
            />
            <TextInput
              type="date"
              label={t("registry.map.date")}
              value={dateParam || date}
              onChange={(event) => setParam("date", event.currentTarget.value || null)}
            />
            <Select
              label={t("registry.map.widest")}
              description={t("registry.map.widestHint")}
              data={SCOPES.map((scope) => ({ value: scope, label: t(`registry.vocab.scopes.${scope}`) }))}
              value={widest}
              onChange={(value) => setParam("widest", value)}
              allowDeselect={false}
            />
          </SimpleGrid>
        </Paper>

        {!state ? <Text>{t("registry.map.chooseState")}</Text> : null}
        {map.isError ? (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("registry.map.loadFailed")}>
            {errorMessage(map.error, t)}
          </Alert>
        ) : null}
        {state && map.isPending ? <PageLoader /> : null}

        {state && map.data ? (
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="map-heading">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4" id="map-heading">
                {t("registry.map.heading", { state: stateName, date: format.date(date) })}
              </Title>
              {map.isFetching ? <Loader size="xs" role="status" aria-label={t("common.loading")} /> : null}
            </Group>
            <Stack
              gap="xs"
              mb="sm"
              component="ul"
              p={0}
              m={0}
              style={{ listStyle: "none" }}
              aria-label={t("registry.map.legend")}
            >
              <Group gap="md" component="li" wrap="wrap">
                <Group gap={6} wrap="nowrap">
                  <span className="map-swatch" style={{ background: SELECTED_FILL }} aria-hidden />
                  <Text size="sm">{t("registry.map.selectedLegend", { state: stateName })}</Text>
                </Group>
              </Group>
              {RELATION_ORDER.map((relation) => (
                <Group key={relation} gap={6} component="li" wrap="wrap">
                  <span className="map-swatch" style={{ background: RELATION_FILLS[relation] }} aria-hidden />
                  <Text size="sm">
                    {t(`registry.vocab.mapRelations.${relation}`)}: {format.number(counts?.[relation] ?? 0)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`registry.map.relationHints.${relation}`)}
                  </Text>
                </Group>
              ))}
            </Stack>
            <a href={`#${TABLE_ID}`} className="skip-map-link" onClick={skipToTable}>
              {t("registry.map.skipMap")}
            </a>
            <WorldMap
              selected={state}
              partners={partners}
              statesByNumeric={statesByNumeric}
              stateName={(code) => names.name(code)}
              onOpen={open}
              label={t("registry.map.mapLabel", { state: stateName })}
            />
            <Text size="xs" c="dimmed" mt="xs">
              {t("registry.map.attribution")}
            </Text>
          </Paper>
        ) : null}

        {state && map.data ? (
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby={TABLE_ID}>
            <Title order={2} size="h4" id={TABLE_ID} tabIndex={-1} mb="xs">
              {t("registry.map.tableTitle", { state: stateName })}
            </Title>
            <Text size="sm" mb="sm">
              {t("registry.map.tableHint", { count: format.number(counts?.none ?? 0) })}
            </Text>
            <TableScroll label={t("registry.map.tableLabel", { state: stateName })} minWidth={560}>
              <Table striped withTableBorder>
                <Table.Caption className="visually-hidden">
                  {t("registry.map.tableTitle", { state: stateName })}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("registry.map.relation")}</Table.Th>
                    <Table.Th scope="col">{t("registry.map.partner")}</Table.Th>
                    <Table.Th scope="col">{t("registry.map.instruments")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {RELATION_ORDER.filter((relation) => relation !== "none").flatMap((relation) =>
                    byRelation(relation).map((partner) => (
                      <Table.Tr key={partner.state}>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <span
                              className="map-swatch"
                              style={{ background: RELATION_FILLS[relation] }}
                              aria-hidden
                            />
                            <Text size="sm">{t(`registry.vocab.mapRelations.${relation}`)}</Text>
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/registry/states/${state}?partner=${partner.state}&date=${date}`}
                            size="sm"
                          >
                            {names.name(partner.state)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Badge color="gray" variant="outline">
                            {format.number(partner.instrumentIds.length)}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
