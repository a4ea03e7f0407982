import { Badge, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Deadline } from "../../domain/clocks/schemas.js";
import { compareDates } from "../../domain/platform/dates.js";
import { useFormat } from "../format.js";
import { inLanguage } from "./bilingual.js";
import { DeadlineStateBadge, daysLeftText } from "./case-badges.js";
import { Citation } from "./checker-panel.js";
import { eventTypeLabel } from "./labels.js";

/** A clock still counting: running, or overdue and not yet stopped. */
export function isOpenDeadline(deadline: Deadline): boolean {
  return deadline.state === "running" || deadline.state === "overdue";
}

/** Open clocks first, by the day to act by; then the stopped ones, latest first. */
export function orderDeadlines(deadlines: readonly Deadline[]): Deadline[] {
  return [...deadlines].sort((left, right) => {
    if (isOpenDeadline(left) !== isOpenDeadline(right)) return isOpenDeadline(left) ? -1 : 1;
    const order = compareDates(left.practicalDueOn, right.practicalDueOn);
    return isOpenDeadline(left) ? order : -order;
  });
}

/** Each clock with its last day, the days left, its state and how it was derived, in the interface language. */
export function DeadlinesPanel({ deadlines }: { deadlines: readonly Deadline[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = i18n.language;
  if (deadlines.length === 0) return <Text size="sm">{t("cases.deadlines.none")}</Text>;
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }} data-testid="deadlines">
      {orderDeadlines(deadlines).map((deadline, index) => {
        const title = inLanguage(deadline.title, language) || deadline.ruleId;
        const headingId = `deadline-${index}`;
        const moved = deadline.practicalDueOn !== deadline.dueOn;
        const holidays = deadline.holidaysInWindow;
        return (
          <Paper component="li" key={deadline.key} withBorder p="md" radius="md" aria-labelledby={headingId}>
            <Group justify="space-between" align="flex-start" gap="sm">
              <Stack gap={2} style={{ flex: 1 }}>
                <Title order={3} size="h5" id={headingId}>
                  {title}
                </Title>
                <Citation item={deadline} />
              </Stack>
              <Group gap={4}>
                <DeadlineStateBadge state={deadline.state} />
                {deadline.period === "minimum" ? (
                  <Badge variant="light" color="gray">
                    {t("cases.deadlines.minimum")}
                  </Badge>
                ) : null}
                {deadline.advisory ? (
                  <Badge variant="light" color="gray">
                    {t("cases.checker.advisory")}
                  </Badge>
                ) : null}
              </Group>
            </Group>
            <Group gap="xl" mt="sm" align="flex-start">
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t("cases.deadlines.dueOn")}
                </Text>
                <Text size="sm" fw={600}>
                  {format.date(deadline.dueOn)}
                </Text>
              </Stack>
              {moved ? (
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t("cases.deadlines.actBy")}
                  </Text>
                  <Text size="sm" fw={600}>
                    {format.date(deadline.practicalDueOn)}
                  </Text>
                </Stack>
              ) : null}
              {deadline.daysLeft !== null ? (
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t("cases.deadlines.left")}
                  </Text>
                  <Text
                    size="sm"
                    fw={600}
                    c={deadline.daysLeft < 0 ? "red.9" : deadline.daysLeft <= 7 ? "orange.9" : undefined}
                  >
                    {daysLeftText(deadline.daysLeft, t)}
                  </Text>
                </Stack>
              ) : null}
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t("cases.deadlines.startedBy")}
                </Text>
                <Text size="sm">
                  {`${eventTypeLabel(deadline.startedBy.eventType, t)}, ${format.date(deadline.startsOn)}`}
                </Text>
              </Stack>
              {deadline.stoppedBy ? (
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t("cases.deadlines.stoppedBy")}
                  </Text>
                  <Text size="sm">
                    {`${eventTypeLabel(deadline.stoppedBy.eventType, t)}, ${format.date(deadline.stoppedBy.on)}`}
                  </Text>
                </Stack>
              ) : null}
            </Group>
            <Text size="sm" mt="sm" data-testid="deadline-derivation">
              {inLanguage(deadline.derivation, language)}
            </Text>
            {holidays.length > 0 ? (
              <Stack gap={2} mt="xs">
                <Text size="xs" fw={600}>
                  {t("cases.deadlines.holidays")}
                </Text>
                <List size="xs" spacing={0}>
                  {holidays.map((holiday) => (
                    <List.Item key={`${holiday.date}-${holiday.name.en}`}>
                      {`${format.date(holiday.date)} — ${inLanguage(holiday.name, language)}`}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            ) : null}
            {!deadline.holidayCalendarKnown ? (
              <Text size="xs" c="orange.9" mt={4}>
                {t("cases.deadlines.calendarUnknown", { state: deadline.calendarState })}
              </Text>
            ) : null}
          </Paper>
        );
      })}
    </Stack>
  );
}
