import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconAlertCircle, IconMap, IconScale } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { isStateCode } from "../../domain/directory/state-codes.js";
import { isoDateOrNull } from "../../domain/platform/dates.js";
import type { CandidateView } from "../../domain/registry/schemas.js";
import { errorMessage } from "../api/errors.js";
import { useStateDetail } from "../directory/directory-api.js";
import { membershipStatusLabel, organisationName } from "../directory/organisation-labels.js";
import { useStateNames } from "../directory/state-names.js";
import { StateSelect } from "../directory/state-select.js";
import { useFormat } from "../format.js";
import { useOfficeToday } from "../platform/auth/session.js";
import { DemoBadge } from "../platform/shell/demo-badge.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { CandidateCard } from "./candidate-card.js";
import { agencyKindLabel } from "./labels.js";
import { usePair } from "./registry-api.js";

const GROUPS: CandidateView["status"][] = [
  "applies",
  "superseded",
  "non_binding",
  "fallback",
  "not_applicable",
];

/**
 * A state in the registry: its memberships, agencies, and what binds it with a chosen partner.
 * `sections`: what other features show about the state (routes.tsx composes them).
 */
export function RegistryStatePage({ sections }: { sections?: (code: string) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { code = "" } = useParams();
  const stateCode = code.toUpperCase();
  const [params, setParams] = useSearchParams();
  const partnerParam = params.get("partner");
  const partner = isStateCode(partnerParam) && partnerParam !== stateCode ? partnerParam : null;
  const today = useOfficeToday();
  const dateParam = params.get("date") ?? "";
  const date = isoDateOrNull(dateParam) ?? today;
  const detail = useStateDetail(stateCode);
  const names = useStateNames();
  const pair = usePair(stateCode, partner, date);
  const russian = i18n.language === "ru";
  const state = detail.data;
  const title = state ? (russian ? state.nameRu : state.nameEn) : names.name(stateCode) || stateCode;

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

  const groups = GROUPS.map((status) => ({
    status,
    items: (pair.data?.instruments ?? []).filter((item) => item.status === status),
  })).filter((group) => group.items.length > 0);

  return (
    <>
      <PageHeader
        title={title}
        description={
          state ? (
            <>
              <Text span lang={russian ? "en" : "ru"}>
                {russian ? state.nameEn : state.nameRu}
              </Text>
              {" · "}
              <Text span ff="monospace">
                {state.code} / {state.alpha3}
              </Text>
            </>
          ) : undefined
        }
        actions={
          <>
            <Button
              component={Link}
              to={`/registry/map?state=${stateCode}&date=${date}`}
              variant="default"
              leftSection={<IconMap size={18} aria-hidden />}
            >
              {t("registry.state.onMap")}
            </Button>
            <Button
              component={Link}
              to={`/registry?party=${stateCode}`}
              variant="default"
              leftSection={<IconScale size={18} aria-hidden />}
            >
              {t("registry.state.instruments")}
            </Button>
          </>
        }
      />
      {detail.isError ? (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("registry.state.loadFailed")}>
          {errorMessage(detail.error, t)}
        </Alert>
      ) : null}
      {detail.isPending ? <PageLoader /> : null}
      {state ? (
        <Stack gap="lg">
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="state-pair-heading">
            <Title order={2} size="h4" id="state-pair-heading" mb="xs">
              {t("registry.state.pairTitle")}
            </Title>
            <Text size="sm" mb="sm">
              {t("registry.state.pairHint", { state: title })}
            </Text>
            <Group align="flex-end" gap="sm">
              <StateSelect
                label={t("registry.state.partner")}
                value={partner}
                onChange={(value) => setParam("partner", value)}
                exclude={[stateCode]}
                clearable
              />
              <TextInput
                type="date"
                label={t("registry.state.date")}
                value={dateParam || date}
                onChange={(event) => setParam("date", event.currentTarget.value || null)}
              />
              {partner ? (
                <Button
                  component={Link}
                  variant="default"
                  to={`/registry/resolve?requesting=${stateCode}&requested=${partner}&kind=mla&date=${date}`}
                >
                  {t("registry.state.toResolver")}
                </Button>
              ) : null}
            </Group>
            <div role="status" aria-live="polite">
              {partner && pair.data ? (
                <Text size="sm" mt="md" fw={600}>
                  {t("registry.state.pairCount", {
                    state: title,
                    partner: names.name(partner),
                    date: format.date(date),
                    count: format.number(pair.data.instruments.length),
                  })}
                </Text>
              ) : null}
            </div>
            {pair.isError ? (
              <Alert
                color="red"
                mt="md"
                icon={<IconAlertCircle aria-hidden />}
                title={t("registry.state.pairFailed")}
              >
                {errorMessage(pair.error, t)}
              </Alert>
            ) : null}
            {partner && pair.isPending ? <PageLoader /> : null}
            {partner && pair.data ? (
              <Stack gap="md" mt="md">
                {groups.length === 0 ? <Text size="sm">{t("registry.state.pairEmpty")}</Text> : null}
                {groups.map((group) => (
                  <section key={group.status} aria-labelledby={`pair-group-${group.status}`}>
                    <Title order={3} size="h5" id={`pair-group-${group.status}`} mb="xs">
                      {t(`registry.state.groups.${group.status}`)} ({format.number(group.items.length)})
                    </Title>
                    <Stack gap="sm">
                      {group.items.map((item, index) => (
                        <CandidateCard
                          key={`${group.status}-${item.instrument?.id ?? index}`}
                          candidate={item}
                          states={[stateCode, partner]}
                          headingLevel={4}
                        />
                      ))}
                    </Stack>
                  </section>
                ))}
              </Stack>
            ) : null}
          </Paper>

          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Paper
              withBorder
              p="md"
              radius="md"
              component="section"
              aria-labelledby="state-memberships-heading"
            >
              <Title order={2} size="h4" id="state-memberships-heading" mb="xs">
                {t("registry.state.memberships")}
              </Title>
              {state.memberships.length > 0 ? (
                <>
                  <Text size="sm" mb="sm">
                    {t("registry.state.membershipsAsOf", {
                      date: format.date(state.memberships[0]?.asOf ?? ""),
                    })}
                  </Text>
                  <TableScroll label={t("registry.state.membershipsTable")} minWidth={420}>
                    <Table striped withTableBorder>
                      <Table.Caption className="visually-hidden">
                        {t("registry.state.membershipsTable")}
                      </Table.Caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t("directory.organisations.name")}</Table.Th>
                          <Table.Th scope="col">{t("directory.organisations.status")}</Table.Th>
                          <Table.Th scope="col">{t("directory.organisations.asOf")}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {state.memberships.map((membership) => (
                          <Table.Tr key={membership.organisationCode}>
                            <Table.Td>
                              {organisationName(
                                membership.organisationCode,
                                membership.organisationNameEn,
                                t,
                              )}
                            </Table.Td>
                            <Table.Td>{membershipStatusLabel(membership.status, t)}</Table.Td>
                            <Table.Td>{format.date(membership.asOf)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </TableScroll>
                </>
              ) : (
                <Text size="sm">{t("registry.state.noMemberships")}</Text>
              )}
            </Paper>
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="state-agencies-heading">
              <Title order={2} size="h4" id="state-agencies-heading" mb="xs">
                {t("registry.state.agencies")}
              </Title>
              {state.agencies.length > 0 ? (
                <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
                  {state.agencies.map((agency) => (
                    <li key={agency.id}>
                      <Group gap="xs">
                        <Anchor component={Link} to={`/directory/agencies?state=${state.code}`} size="sm">
                          {russian ? agency.nameRu : agency.nameEn}
                        </Anchor>
                        <Badge size="xs" color="gray" variant="outline">
                          {agencyKindLabel(agency.kind, t)}
                        </Badge>
                        {agency.isDemo ? <DemoBadge size="xs" /> : null}
                      </Group>
                    </li>
                  ))}
                </Stack>
              ) : (
                <Text size="sm">{t("registry.state.noAgencies")}</Text>
              )}
            </Paper>
          </SimpleGrid>
          {sections?.(state.code)}
        </Stack>
      ) : null}
    </>
  );
}
