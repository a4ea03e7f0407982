import { Anchor, Button, Group, List, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { IconChevronDown, IconChevronRight, IconPencil } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ActionItem } from "../../domain/engagements/schemas.js";
import { useFormat } from "../format.js";
import { DemoBadge } from "../platform/shell/demo-badge.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { ActionStatusBadge, DueStateBadge } from "./engagement-badges.js";
import { formatDay, titleIn } from "./labels.js";

type Props = {
  items: readonly ActionItem[];
  caption: string;
  /** Show which engagement each item comes from (the due lists). */
  withEngagement?: boolean;
  /** Opens the change of an item's status, due day or owner. */
  onUpdate: ((item: ActionItem, trigger: HTMLElement) => void) | null;
  /** Whether the reader may change this item (writers any, owners their own). */
  canUpdate?: (item: ActionItem) => boolean;
};

/** Writers work any action item; a reader works the items they own themselves (the server decides for teams). */
export function canWorkItem(item: ActionItem, userId: string | null, canWrite: boolean): boolean {
  return canWrite || (item.owner.type === "user" && item.owner.id === userId);
}

function History({ item }: { item: ActionItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <List size="sm" spacing={4}>
      {[...item.history].reverse().map((event, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only; two changes may share a moment
        <List.Item key={`${event.at}-${index}`}>
          <Text span size="sm" fw={600}>
            {format.dateTime(event.at)}
          </Text>{" "}
          {t("engagements.actions.historyLine", {
            status: t(`engagements.vocab.actionStatuses.${event.status}`),
            date: formatDay(event.dueOn, t),
            by: event.by ?? t("engagements.actions.operator"),
          })}
          {event.note ? (
            <Text span size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
              {" — "}
              {event.note}
            </Text>
          ) : null}
        </List.Item>
      ))}
    </List>
  );
}

/** Action items with owner, due day and status; each row opens its dated history. */
export function ActionItemsTable({
  items,
  caption,
  withEngagement,
  onUpdate,
  canUpdate = () => true,
}: Props) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const updatable = onUpdate !== null && items.some(canUpdate);
  const columns = 5 + (withEngagement ? 1 : 0) + (updatable ? 1 : 0);
  return (
    <TableScroll label={caption} minWidth={withEngagement ? 980 : 820}>
      <Table withTableBorder verticalSpacing="sm">
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" miw={240}>
              {t("engagements.actions.what")}
            </Table.Th>
            {withEngagement ? <Table.Th scope="col">{t("engagements.actions.engagement")}</Table.Th> : null}
            <Table.Th scope="col">{t("engagements.actions.owner")}</Table.Th>
            <Table.Th scope="col">{t("engagements.actions.due")}</Table.Th>
            <Table.Th scope="col">{t("engagements.actions.status")}</Table.Th>
            <Table.Th scope="col">{t("engagements.actions.history")}</Table.Th>
            {updatable ? (
              <Table.Th scope="col">
                <VisuallyHidden>{t("engagements.actions.change")}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const expanded = open.has(item.id);
            const historyId = `action-history-${item.id}`;
            return (
              <Fragment key={item.id}>
                <Table.Tr id={`action-${item.id}`} data-testid="action-item-row">
                  <Table.Td miw={240} maw={420}>
                    <Text size="sm" fw={500}>
                      {item.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`engagements.vocab.commitmentKinds.${item.commitmentKind}`)}
                    </Text>
                    {item.closingNote ? (
                      <Text size="xs" style={{ whiteSpace: "pre-wrap" }}>
                        {t("engagements.actions.closingNote", { note: item.closingNote })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {withEngagement ? (
                    <Table.Td maw={280}>
                      <Stack gap={2}>
                        <Anchor component={Link} to={`/engagements/${item.engagement.id}`} size="sm">
                          {titleIn(item.engagement, i18n.language)}
                        </Anchor>
                        <Group gap={6}>
                          <Text size="xs" c="dimmed">
                            {formatDay(item.engagement.startOn, t)}
                          </Text>
                          {item.engagement.isDemo ? <DemoBadge size="xs" /> : null}
                        </Group>
                      </Stack>
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    <Text size="sm">{item.owner.name}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`engagements.actions.ownerTypes.${item.owner.type}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <Stack gap={2} align="flex-start">
                      <Text size="sm">{formatDay(item.dueOn, t)}</Text>
                      <DueStateBadge state={item.dueState} />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <ActionStatusBadge status={item.status} />
                      {item.closedOn ? (
                        <Text size="xs" c="dimmed">
                          {formatDay(item.closedOn, t)}
                        </Text>
                      ) : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="xs"
                      px={4}
                      onClick={() => toggle(item.id)}
                      aria-expanded={expanded}
                      aria-controls={expanded ? historyId : undefined}
                      leftSection={
                        expanded ? (
                          <IconChevronDown size={14} aria-hidden />
                        ) : (
                          <IconChevronRight size={14} aria-hidden />
                        )
                      }
                    >
                      {t("engagements.actions.changes", { count: item.history.length })}
                    </Button>
                  </Table.Td>
                  {updatable ? (
                    <Table.Td ta="right">
                      {onUpdate !== null && canUpdate(item) ? (
                        <Button
                          variant="default"
                          size="xs"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          onClick={(event) => onUpdate(item, event.currentTarget)}
                          aria-label={t("engagements.actions.changeOf", { title: item.title })}
                        >
                          {t("engagements.actions.change")}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
                {expanded ? (
                  <Table.Tr id={historyId}>
                    <Table.Td colSpan={columns} bg="gray.0">
                      <History item={item} />
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
