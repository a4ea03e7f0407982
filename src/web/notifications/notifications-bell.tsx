import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconBell, IconCheck } from "@tabler/icons-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Notification } from "../../domain/notifications/schemas.js";
import { errorMessage } from "../api/errors.js";
import { useFormat } from "../format.js";
import { currentLocale } from "../i18n/i18n.js";
import { notifyError } from "../platform/shell/notify.js";
import { useBellNotifications, useMarkAllRead, useMarkRead } from "./notifications-api.js";
import { subjectLabel, subjectPath } from "./subject-paths.js";

/**
 * The bell in the header: the unread count (asked again every minute), and a popover with
 * the newest notifications: the subject (a link to its page, subject-paths.ts), the
 * deadline in the interface language, its last day; each can be marked read, or all at
 * once. The button's name says the count, for screen readers; Escape closes the popover
 * and gives focus back.
 */
export function NotificationsBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const headingId = useId();
  const query = useBellNotifications();
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const unread = query.data?.unread ?? 0;
  const onError = (error: unknown) => notifyError(t("notifications.markFailed"), errorMessage(error, t));

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={400}
      shadow="md"
      withArrow
      trapFocus
      returnFocus
      withinPortal
    >
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          onClick={() => setOpened((value) => !value)}
          aria-label={t("notifications.bell", { count: unread })}
          data-testid="notifications-bell"
        >
          <Indicator label={unread} size={16} disabled={unread === 0} color="red" offset={2}>
            <IconBell size={20} aria-hidden />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown aria-labelledby={headingId} p="sm">
        <Group justify="space-between" wrap="nowrap" mb="xs">
          <Title order={2} size="h5" id={headingId}>
            {t("notifications.title")}
          </Title>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconCheck size={14} aria-hidden />}
            disabled={unread === 0 || markAllRead.isPending}
            onClick={() => markAllRead.mutate(undefined, { onError })}
          >
            {t("notifications.markAllRead")}
          </Button>
        </Group>
        {query.isError ? (
          <Text size="sm" c="red.8" role="alert">
            {t("notifications.loadFailed")}
          </Text>
        ) : query.data && query.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("notifications.empty")}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack component="ul" gap="xs" aria-label={t("notifications.list")} m={0} p={0}>
              {query.data?.items.map((notification) => (
                <NotificationItem
                  key={notification.id}
                  notification={notification}
                  onOpen={() => {
                    setOpened(false);
                    if (!notification.readAt) markRead.mutate(notification.id, { onError });
                  }}
                  onMarkRead={() => markRead.mutate(notification.id, { onError })}
                  pending={markRead.isPending && markRead.variables === notification.id}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
        {query.data && query.data.items.length < query.data.total ? (
          <Text size="xs" c="dimmed" mt="xs">
            {t("notifications.shown", { shown: query.data.items.length, total: query.data.total })}
          </Text>
        ) : null}
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationItem({
  notification,
  onOpen,
  onMarkRead,
  pending,
}: {
  notification: Notification;
  onOpen: () => void;
  onMarkRead: () => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const unread = notification.readAt === null;
  const deadline = notification.deadline;
  const overdue = notification.kind === "deadline_overdue";
  const subject = notification.subject;
  const label = subject ? subjectLabel(subject) : t("notifications.noSubject");
  const path = subject ? subjectPath(subject) : null;
  return (
    <Box
      component="li"
      p="xs"
      bg={unread ? "blue.0" : undefined}
      style={{ listStyle: "none", borderRadius: "var(--mantine-radius-sm)" }}
      data-testid="notification"
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            {path ? (
              <Anchor component={Link} to={path} onClick={onOpen} fw={unread ? 700 : 500} size="sm">
                {label}
              </Anchor>
            ) : (
              <Text size="sm">{label}</Text>
            )}
            <Badge size="xs" variant="light" color={overdue ? "red" : "orange"}>
              {t(`notifications.kinds.${notification.kind}`)}
            </Badge>
            {unread ? <VisuallyHidden>{t("notifications.unread")}</VisuallyHidden> : null}
          </Group>
          <Text size="sm">{deadline ? deadline.title[currentLocale()] : notification.title}</Text>
          {deadline ? (
            <Text size="xs" c={overdue ? "red.8" : "dimmed"}>
              {overdue
                ? t("notifications.passed", { date: format.date(deadline.dueOn) })
                : [
                    t("notifications.lastDay", { date: format.date(deadline.dueOn) }),
                    deadline.practicalDueOn !== deadline.dueOn
                      ? t("notifications.actBy", { date: format.date(deadline.practicalDueOn) })
                      : null,
                    notification.daysBefore !== null
                      ? t("notifications.daysBefore", { days: notification.daysBefore })
                      : null,
                  ]
                    .filter(Boolean)
                    .join("; ")}
            </Text>
          ) : null}
        </Stack>
        {unread ? (
          <ActionIcon
            variant="subtle"
            size="sm"
            onClick={onMarkRead}
            loading={pending}
            aria-label={t("notifications.markReadOf", { subject: label })}
            title={t("notifications.markRead")}
          >
            <IconCheck size={16} aria-hidden />
          </ActionIcon>
        ) : null}
      </Group>
    </Box>
  );
}
