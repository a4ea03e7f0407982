import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconArrowRight } from "@tabler/icons-react";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { daysBetween } from "../../domain/platform/dates.js";
import type { Dashboard as DashboardData } from "../../domain/reports/schemas.js";
import { errorMessage } from "../api/errors.js";
import { DueDate } from "../cases/case-badges.js";
import type { CaseSummary } from "../cases/cases-api.js";
import { partnerState } from "../cases/labels.js";
import { useStateNames } from "../directory/state-names.js";
import { ActionStatusBadge, DueStateBadge } from "../engagements/engagement-badges.js";
import { formatDay, formatMonth, titleIn } from "../engagements/labels.js";
import { useFormat } from "../format.js";
import { changeText } from "./labels.js";
import { useDashboard } from "./reports-api.js";

// The charts (recharts) come in a chunk of their own, for those who may see the figures.
const DashboardCharts = lazy(async () => ({
  default: (await import("./dashboard-charts.js")).DashboardCharts,
}));

/** The days ahead that "due soon" covers for cases on the dashboard (the server's window). */
export const DUE_SOON_DAYS = 14;
/** How many cases or action items each list shows; the rest are on their own pages. */
const SHOWN = 6;

type Statistics = NonNullable<DashboardData["statistics"]>;

function IntakeFigures({ statistics }: { statistics: Statistics }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { intake } = statistics;
  const [year, month] = intake.month.split("-").map(Number) as [number, number];
  const monthName = formatMonth(year, month, t);
  const figure = (key: "incoming" | "outgoing", value: number, lastYear: number) => (
    <Card withBorder padding="md" radius="md" data-testid={`intake-${key}`}>
      <Text size="sm" c="dimmed">
        {t(`reports.dashboard.intake.${key}`)}
      </Text>
      <Text fz={30} fw={700} lh={1.2}>
        {format.number(value)}
      </Text>
      <Text size="sm">
        {t("reports.dashboard.intake.lastYear", {
          value: format.number(lastYear),
          change: changeText(value, lastYear, i18n.language),
        })}
      </Text>
    </Card>
  );
  return (
    <section aria-labelledby="dashboard-intake">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} size="h4" id="dashboard-intake">
          {t("reports.dashboard.intake.title", { month: monthName })}
        </Title>
        <Anchor component={Link} to="/reports" size="sm" fw={600}>
          <Group gap={4} component="span">
            {t("reports.dashboard.openReports")}
            <IconArrowRight size={14} aria-hidden />
          </Group>
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {figure("incoming", intake.incoming, intake.incomingLastYear)}
        {figure("outgoing", intake.outgoing, intake.outgoingLastYear)}
        <Card withBorder padding="md" radius="md" data-testid="pending-today">
          <Text size="sm" c="dimmed">
            {t("reports.dashboard.pending")}
          </Text>
          <Text fz={30} fw={700} lh={1.2}>
            {format.number(statistics.pending)}
          </Text>
          <Text size="sm">{t("reports.dashboard.pendingHint")}</Text>
        </Card>
      </SimpleGrid>
    </section>
  );
}

function CaseList({ items, label, empty }: { items: CaseSummary[]; label: string; empty: string }) {
  const { t } = useTranslation();
  const names = useStateNames();
  if (items.length === 0) return <Text size="sm">{empty}</Text>;
  return (
    <Stack gap="xs" component="ul" className="nav-list" aria-label={label}>
      {items.slice(0, SHOWN).map((item) => (
        <li key={item.reference} data-testid="dashboard-case">
          <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/cases/${encodeURIComponent(item.reference)}`} size="sm" fw={600}>
                {item.reference}
              </Anchor>
              <Text size="xs" c="dimmed" lineClamp={2}>
                {item.title} · {t(`cases.vocab.kinds.${item.kind}`)} · {names.name(partnerState(item))}
              </Text>
            </Stack>
            {item.nextDeadlineOn ? <DueSoonDate dueOn={item.nextDeadlineOn} /> : null}
          </Group>
        </li>
      ))}
    </Stack>
  );
}

function DueSoonDate({ dueOn }: { dueOn: NonNullable<CaseSummary["nextDeadlineOn"]> }) {
  const today = useDashboard().data?.today;
  if (!today) return null;
  return (
    <div style={{ flex: "none", textAlign: "right" }}>
      <DueDate dueOn={dueOn} daysLeft={daysBetween(today, dueOn)} />
    </div>
  );
}

function MyCases({ cases }: { cases: NonNullable<DashboardData["cases"]> }) {
  const { t } = useTranslation();
  const more = (count: number, shown: number, to: string, key: "moreOverdue" | "moreDueSoon") =>
    shown < count ? (
      <Anchor component={Link} to={to} size="sm" fw={600}>
        {t(`reports.dashboard.cases.${key}`, { count: count - shown })}
      </Anchor>
    ) : null;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="dashboard-cases">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} size="h4" id="dashboard-cases">
          {t("reports.dashboard.cases.title")}
        </Title>
        <Group gap="xs" data-testid="case-due-counts">
          <Badge color="red" variant={cases.overdueTotal > 0 ? "filled" : "light"}>
            {t("reports.dashboard.cases.overdueCount", { count: cases.overdueTotal })}
          </Badge>
          <Badge color="orange" variant="light">
            {t("reports.dashboard.cases.dueSoonCount", { count: cases.dueSoonTotal, days: DUE_SOON_DAYS })}
          </Badge>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t("reports.dashboard.cases.overdue")}
          </Title>
          <CaseList
            items={cases.overdue}
            label={t("reports.dashboard.cases.overdue")}
            empty={t("reports.dashboard.cases.noneOverdue")}
          />
          {more(
            cases.overdueTotal,
            Math.min(SHOWN, cases.overdue.length),
            "/cases?overdue=true",
            "moreOverdue",
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t("reports.dashboard.cases.dueSoon", { days: DUE_SOON_DAYS })}
          </Title>
          <CaseList
            items={cases.dueSoon}
            label={t("reports.dashboard.cases.dueSoon", { days: DUE_SOON_DAYS })}
            empty={t("reports.dashboard.cases.noneDueSoon", { days: DUE_SOON_DAYS })}
          />
          {more(
            cases.dueSoonTotal,
            Math.min(SHOWN, cases.dueSoon.length),
            `/cases?dueWithinDays=${DUE_SOON_DAYS}`,
            "moreDueSoon",
          )}
        </Stack>
      </SimpleGrid>
    </Card>
  );
}

function MyActionItems({ actionItems }: { actionItems: NonNullable<DashboardData["actionItems"]> }) {
  const { t, i18n } = useTranslation();
  const items = [...actionItems.overdue, ...actionItems.dueSoon];
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="home-action-items">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} size="h4" id="home-action-items">
          {t("engagements.home.title")}
        </Title>
        <Group gap="xs" data-testid="due-counts">
          <Badge color="red" variant={actionItems.overdue.length > 0 ? "filled" : "light"}>
            {t("engagements.home.overdue", { count: actionItems.overdue.length })}
          </Badge>
          <Badge color="orange" variant="light">
            {t("engagements.home.dueSoon", { count: actionItems.dueSoon.length })}
          </Badge>
        </Group>
      </Group>
      {items.length === 0 ? (
        <Text size="sm">{t("engagements.home.empty")}</Text>
      ) : (
        <Stack gap="xs" component="ul" className="nav-list" aria-label={t("engagements.home.listLabel")}>
          {items.slice(0, SHOWN + 2).map((item) => (
            <li key={item.id} data-testid="my-action-item">
              <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Anchor
                    component={Link}
                    to={`/engagements/${item.engagement.id}#action-${item.id}`}
                    size="sm"
                    fw={600}
                  >
                    {item.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {titleIn(item.engagement, i18n.language)}
                  </Text>
                </Stack>
                <Stack gap={2} align="flex-end" style={{ flex: "none" }}>
                  <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                    {t("engagements.actions.dueOn", { date: formatDay(item.dueOn, t) })}
                  </Text>
                  <Group gap={4}>
                    <DueStateBadge state={item.dueState} />
                    {item.status !== "open" ? <ActionStatusBadge status={item.status} /> : null}
                  </Group>
                </Stack>
              </Group>
            </li>
          ))}
        </Stack>
      )}
      <Anchor component={Link} to="/engagements/actions" fw={600} size="sm" mt="md" display="block">
        <Group gap={4} component="span">
          {items.length > SHOWN + 2
            ? t("engagements.home.more", { count: items.length - SHOWN - 2 })
            : t("engagements.home.all")}
          <IconArrowRight size={14} aria-hidden />
        </Group>
      </Anchor>
    </Card>
  );
}

function TeamsOverdue({ teams }: { teams: NonNullable<DashboardData["teams"]> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const caption = t("reports.dashboard.teams.title");
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="dashboard-teams">
      <Title order={2} size="h4" id="dashboard-teams" mb="xs">
        {caption}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("reports.dashboard.teams.hint")}
      </Text>
      {teams.length === 0 ? (
        <Text size="sm">{t("reports.dashboard.teams.none")}</Text>
      ) : (
        <Table striped withTableBorder data-testid="teams-overdue">
          <Table.Caption className="visually-hidden">{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("reports.dashboard.teams.team")}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t("reports.dashboard.teams.overdueCases")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("reports.dashboard.teams.overdueActionItems")}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.map((team) => (
              <Table.Tr key={team.id}>
                <Table.Th scope="row" fw={500}>
                  {team.name}
                </Table.Th>
                <Table.Td ta="right">
                  {team.overdueCases > 0 ? (
                    <Anchor
                      component={Link}
                      to={`/cases?teamId=${encodeURIComponent(team.id)}&overdue=true`}
                      size="sm"
                      fw={600}
                      aria-label={t("reports.dashboard.teams.openOverdue", {
                        count: team.overdueCases,
                        team: team.name,
                      })}
                    >
                      {format.number(team.overdueCases)}
                    </Anchor>
                  ) : (
                    format.number(0)
                  )}
                </Table.Td>
                <Table.Td ta="right">{format.number(team.overdueActionItems)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/**
 * The signed-in user's dashboard on the home page: their cases and action items due soon
 * and overdue, for a supervisor the overdue items of each team, and with the reports
 * permission this month's intake, the trend, the top partners and refusals by ground.
 * Sections the user may not see do not come (the server sends null).
 */
export function Dashboard() {
  const { t } = useTranslation();
  const dashboard = useDashboard();
  if (dashboard.isError)
    return (
      <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("reports.dashboard.loadFailed")}>
        {errorMessage(dashboard.error, t)}
      </Alert>
    );
  const data = dashboard.data;
  if (!data) return <Text size="sm">{t("common.loading")}</Text>;
  const { statistics, cases, actionItems, teams } = data;
  return (
    <Stack gap="xl" data-testid="dashboard">
      {statistics ? <IntakeFigures statistics={statistics} /> : null}
      {cases || actionItems ? (
        <SimpleGrid cols={{ base: 1, xl: cases && actionItems ? 2 : 1 }} spacing="lg">
          {cases ? <MyCases cases={cases} /> : null}
          {actionItems ? <MyActionItems actionItems={actionItems} /> : null}
        </SimpleGrid>
      ) : null}
      {teams ? <TeamsOverdue teams={teams} /> : null}
      {statistics ? (
        <Suspense fallback={<Text size="sm">{t("common.loading")}</Text>}>
          <DashboardCharts statistics={statistics} today={data.today} />
        </Suspense>
      ) : null}
    </Stack>
  );
}
