import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconArrowRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePermission } from "../platform/auth/session.js";
import { dueOrder } from "./action-filters.js";
import { ActionStatusBadge, DueStateBadge } from "./engagement-badges.js";
import { engagementErrorMessage } from "./engagement-errors.js";
import { useActionItems } from "./engagements-api.js";
import { formatDay, titleIn } from "./labels.js";

/** How many of the items to list on the home page; the rest are on the action items page. */
const SHOWN = 8;

function Items() {
  const { t, i18n } = useTranslation();
  const query = useActionItems({ mine: "true", open: "true" }, 1, 200);
  const items = dueOrder(query.data?.items ?? []);
  const overdue = items.filter((item) => item.dueState === "overdue").length;
  const dueSoon = items.filter((item) => item.dueState === "due_soon").length;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="home-action-items">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} size="h4" id="home-action-items">
          {t("engagements.home.title")}
        </Title>
        {query.data ? (
          <Group gap="xs" data-testid="due-counts">
            <Badge color="red" variant={overdue > 0 ? "filled" : "light"}>
              {t("engagements.home.overdue", { count: overdue })}
            </Badge>
            <Badge color="orange" variant="light">
              {t("engagements.home.dueSoon", { count: dueSoon })}
            </Badge>
          </Group>
        ) : null}
      </Group>
      {query.isError ? (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("engagements.home.loadFailed")}>
          {engagementErrorMessage(query.error, t)}
        </Alert>
      ) : null}
      {query.isPending ? (
        <Text size="sm">{t("common.loading")}</Text>
      ) : items.length === 0 ? (
        <Text size="sm">{t("engagements.home.empty")}</Text>
      ) : (
        <Stack gap="xs" component="ul" className="nav-list" aria-label={t("engagements.home.listLabel")}>
          {items.slice(0, SHOWN).map((item) => (
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
          {items.length > SHOWN
            ? t("engagements.home.more", { count: items.length - SHOWN })
            : t("engagements.home.all")}
          <IconArrowRight size={14} aria-hidden />
        </Group>
      </Anchor>
    </Card>
  );
}

/** The reader's own open action items for the home page; nothing for roles that do not read engagements. */
export function MyActionItems() {
  const canRead = usePermission("engagements.read");
  return canRead ? <Items /> : null;
}
