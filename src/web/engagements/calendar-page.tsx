import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from "@mantine/core";
import { IconAlertCircle, IconChevronLeft, IconChevronRight, IconList } from "@tabler/icons-react";
import { type KeyboardEvent, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { EngagementStatus } from "../../domain/engagements/vocabulary.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import { useStateNames } from "../directory/state-names.js";
import { useOfficeToday } from "../platform/auth/session.js";
import { DemoBadge } from "../platform/shell/demo-badge.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import {
  byMonth,
  type CalendarMonth,
  firstDayOf,
  lastDayOf,
  monthFrom,
  monthParam,
  monthWeeks,
  onDay,
  partOfRange,
  shiftMonth,
  vagueIn,
} from "./calendar.js";
import { EngagementStatusBadge } from "./engagement-badges.js";
import { engagementErrorMessage } from "./engagement-errors.js";
import { type EngagementSummary, useEngagementsInPeriod, useUpcomingEngagements } from "./engagements-api.js";
import {
  capitalised,
  formatDay,
  formatEngagementDates,
  formatMonth,
  titleIn,
  WEEKDAY_KEYS,
} from "./labels.js";

const VIEWS = ["month", "agenda"] as const;
type View = (typeof VIEWS)[number];

/** Light backgrounds with dark text: 4.5:1 contrast for the small titles in the grid. */
const CHIP_COLORS: Record<EngagementStatus, { background: string; border: string }> = {
  planned: { background: "var(--mantine-color-blue-0)", border: "var(--mantine-color-blue-6)" },
  held: { background: "var(--mantine-color-green-0)", border: "var(--mantine-color-green-7)" },
  postponed: { background: "var(--mantine-color-orange-0)", border: "var(--mantine-color-orange-7)" },
  cancelled: { background: "var(--mantine-color-gray-1)", border: "var(--mantine-color-gray-6)" },
};

function EngagementChip({ engagement, day }: { engagement: EngagementSummary; day: IsoDate }) {
  const { t, i18n } = useTranslation();
  const part = partOfRange(engagement, day);
  const colors = CHIP_COLORS[engagement.status];
  const radius = "var(--mantine-radius-sm)";
  const left = part === "single" || part === "first" ? radius : "0";
  const right = part === "single" || part === "last" ? radius : "0";
  return (
    <Box
      px={6}
      py={2}
      style={{
        background: colors.background,
        borderLeft: part === "single" || part === "first" ? `3px solid ${colors.border}` : undefined,
        borderRadius: `${left} ${right} ${right} ${left}`,
        textDecoration: engagement.status === "cancelled" ? "line-through" : undefined,
      }}
    >
      <Anchor
        component={Link}
        to={`/engagements/${engagement.id}`}
        size="xs"
        c="dark.9"
        fw={part === "single" || part === "first" ? 600 : 400}
        lineClamp={2}
        style={{ wordBreak: "break-word" }}
      >
        {part === "middle" || part === "last" ? (
          <span className="visually-hidden">{t("engagements.calendar.continues")} </span>
        ) : null}
        {titleIn(engagement, i18n.language)}
      </Anchor>
    </Box>
  );
}

function MonthView({
  month,
  today,
  onMonth,
}: {
  month: CalendarMonth;
  today: IsoDate;
  onMonth: (month: CalendarMonth) => void;
}) {
  const { t } = useTranslation();
  const weeks = monthWeeks(month);
  const from = weeks[0]?.[0] ?? firstDayOf(month);
  const to = weeks[weeks.length - 1]?.[6] ?? lastDayOf(month);
  const engagements = useEngagementsInPeriod(from, to);
  const list = engagements.data?.engagements ?? [];
  const vague = vagueIn(list, month);
  const title = capitalised(formatMonth(month.year, month.month, t));
  const previous = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  const thisMonth = monthFrom(null, today);
  // A new month is a new address, after which the page's heading takes focus; a keyboard
  // user turning the months keeps it where it was (the button, or the calendar).
  const keepFocus = useRef<HTMLElement | null>(null);
  const turn = (to: CalendarMonth) => {
    keepFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    onMonth(to);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per month shown
  useEffect(() => {
    keepFocus.current?.focus();
    keepFocus.current = null;
  }, [month.year, month.month]);
  // PageUp and PageDown turn the months, as in a date picker.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === "PageUp") {
      event.preventDefault();
      turn(previous);
    } else if (event.key === "PageDown") {
      event.preventDefault();
      turn(next);
    }
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={2} size="h3" aria-live="polite" data-testid="calendar-month">
          {title}
        </Title>
        <Group gap="xs">
          {engagements.isFetching ? (
            <Loader size="xs" role="status" aria-label={t("common.loading")} />
          ) : null}
          <Button
            variant="default"
            leftSection={<IconChevronLeft size={16} aria-hidden />}
            onClick={() => turn(previous)}
            aria-label={t("engagements.calendar.previousMonth", {
              month: formatMonth(previous.year, previous.month, t),
            })}
          >
            {t("engagements.calendar.previous")}
          </Button>
          <Button variant="default" onClick={() => turn(thisMonth)}>
            {t("engagements.calendar.thisMonth")}
          </Button>
          <Button
            variant="default"
            rightSection={<IconChevronRight size={16} aria-hidden />}
            onClick={() => turn(next)}
            aria-label={t("engagements.calendar.nextMonth", { month: formatMonth(next.year, next.month, t) })}
          >
            {t("engagements.calendar.next")}
          </Button>
        </Group>
      </Group>
      {engagements.isError ? (
        <Alert
          color="red"
          icon={<IconAlertCircle aria-hidden />}
          title={t("engagements.calendar.loadFailed")}
        >
          {engagementErrorMessage(engagements.error, t)}
        </Alert>
      ) : null}
      {vague.length > 0 ? (
        <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="calendar-vague">
          <Text id="calendar-vague" fw={600} size="sm" mb={4}>
            {t("engagements.calendar.vague")}
          </Text>
          <Stack gap={4}>
            {vague.map((engagement) => (
              <AgendaLine key={engagement.id} engagement={engagement} />
            ))}
          </Stack>
        </Paper>
      ) : null}
      <Box
        tabIndex={0}
        role="region"
        aria-label={t("engagements.calendar.gridLabel", { month: title })}
        onKeyDown={onKeyDown}
        style={{ overflowX: "auto" }}
      >
        <Table withTableBorder withColumnBorders layout="fixed" miw={760} bg="white">
          <Table.Caption className="visually-hidden">{title}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {WEEKDAY_KEYS.map((key) => (
                <Table.Th key={key} scope="col" ta="center">
                  <abbr title={t(`engagements.calendar.weekdays.${key}`)} style={{ textDecoration: "none" }}>
                    {t(`engagements.calendar.weekdaysShort.${key}`)}
                  </abbr>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {weeks.map((week) => (
              <Table.Tr key={week[0]}>
                {week.map((day) => {
                  const inMonth = Number(day.slice(5, 7)) === month.month;
                  const items = onDay(list, day);
                  const isToday = day === today;
                  return (
                    <Table.Td
                      key={day}
                      valign="top"
                      h={104}
                      p={4}
                      bg={inMonth ? undefined : "gray.0"}
                      aria-current={isToday ? "date" : undefined}
                    >
                      <Stack gap={2}>
                        <Text
                          size="xs"
                          fw={isToday ? 700 : 500}
                          c={inMonth ? "dark.9" : "gray.7"}
                          ta="right"
                          px={4}
                          style={
                            isToday
                              ? {
                                  alignSelf: "flex-end",
                                  background: "var(--mantine-color-navy-8)",
                                  color: "var(--mantine-color-white)",
                                  borderRadius: 10,
                                  minWidth: 22,
                                  textAlign: "center",
                                }
                              : undefined
                          }
                        >
                          <span className="visually-hidden">{formatDay(day, t)}</span>
                          <span aria-hidden>{Number(day.slice(8, 10))}</span>
                        </Text>
                        {items.map((engagement) => (
                          <EngagementChip key={engagement.id} engagement={engagement} day={day} />
                        ))}
                      </Stack>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      {engagements.data && list.length === 0 ? (
        <Text size="sm">{t("engagements.calendar.emptyMonth")}</Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {t("engagements.calendar.keyboardHint")}
      </Text>
    </Stack>
  );
}

function AgendaLine({ engagement }: { engagement: EngagementSummary }) {
  const { t, i18n } = useTranslation();
  const names = useStateNames();
  const place = [engagement.city, engagement.placeState ? names.name(engagement.placeState) : null]
    .filter(Boolean)
    .join(", ");
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Text size="sm" fw={600} w={200} style={{ flex: "none" }}>
        {formatEngagementDates(engagement, t)}
      </Text>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs">
          <Anchor component={Link} to={`/engagements/${engagement.id}`} size="sm" fw={600}>
            {titleIn(engagement, i18n.language)}
          </Anchor>
          <EngagementStatusBadge status={engagement.status} />
          {engagement.isDemo ? <DemoBadge size="xs" /> : null}
        </Group>
        <Text size="xs" c="dimmed">
          {[
            t(`engagements.vocab.kinds.${engagement.kind}`),
            place,
            engagement.states.map((code) => names.name(code)).join(", "),
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
      </Stack>
    </Group>
  );
}

function AgendaView() {
  const { t } = useTranslation();
  const upcoming = useUpcomingEngagements();
  const groups = byMonth(upcoming.data?.engagements ?? []);
  return (
    <Stack gap="md">
      {upcoming.isError ? (
        <Alert
          color="red"
          icon={<IconAlertCircle aria-hidden />}
          title={t("engagements.calendar.loadFailed")}
        >
          {engagementErrorMessage(upcoming.error, t)}
        </Alert>
      ) : null}
      {upcoming.isPending ? <PageLoader /> : null}
      {upcoming.data && groups.length === 0 ? <Text>{t("engagements.calendar.noUpcoming")}</Text> : null}
      {groups.map((group) => {
        const heading = capitalised(formatMonth(group.month.year, group.month.month, t));
        const id = `agenda-${monthParam(group.month)}`;
        return (
          <Paper key={id} withBorder p="md" radius="md" component="section" aria-labelledby={id}>
            <Title order={2} size="h4" id={id} mb="sm">
              {heading}
            </Title>
            <Stack gap="sm" component="ul" className="nav-list">
              {group.items.map((engagement) => (
                <li key={engagement.id}>
                  <AgendaLine engagement={engagement} />
                </li>
              ))}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** The calendar: a month of engagements on their days, or the upcoming ones as an agenda. */
export function CalendarPage() {
  const { t } = useTranslation();
  const today = useOfficeToday();
  const [params, setParams] = useSearchParams();
  const viewParam = params.get("view");
  const view: View = VIEWS.find((name) => name === viewParam) ?? "month";
  const month = monthFrom(params.get("month"), today);
  const set = (changes: Record<string, string | null>) =>
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
  return (
    <>
      <PageHeader
        title={t("engagements.calendar.title")}
        description={t("engagements.calendar.subtitle")}
        actions={
          <Button
            component={Link}
            to="/engagements"
            variant="default"
            leftSection={<IconList size={18} aria-hidden />}
          >
            {t("engagements.calendar.toList")}
          </Button>
        }
      />
      <Tabs
        value={view}
        onChange={(value) => set({ view: value === "agenda" ? "agenda" : null })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t("engagements.calendar.views")} mb="md">
          <Tabs.Tab value="month">{t("engagements.calendar.monthView")}</Tabs.Tab>
          <Tabs.Tab value="agenda">{t("engagements.calendar.agendaView")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="month">
          <MonthView month={month} today={today} onMonth={(next) => set({ month: monthParam(next) })} />
        </Tabs.Panel>
        <Tabs.Panel value="agenda">
          <AgendaView />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
