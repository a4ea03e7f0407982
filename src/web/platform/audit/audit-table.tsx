import { Anchor, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../domain/platform/schemas.js";
import { isRole } from "../../../domain/platform/vocabulary.js";
import { useFormat } from "../../format.js";
import { TableScroll } from "../shell/table-scroll.js";
import { eventLabel } from "./event-label.js";
import { OutcomeBadge } from "./outcome-badge.js";

type Props = { entries: AuditEntry[]; onOpen: (entry: AuditEntry) => void };

export function AuditTable({ entries, onOpen }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const roleName = (role: string | null) => (role && isRole(role) ? t(`roles.names.${role}`) : role);
  return (
    <TableScroll label={t("audit.table.caption")} minWidth={900}>
      <Table striped highlightOnHover withTableBorder>
        <Table.Caption className="visually-hidden">{t("audit.table.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("audit.table.seq")}</Table.Th>
            <Table.Th scope="col">{t("audit.table.time")}</Table.Th>
            <Table.Th scope="col">{t("audit.table.event")}</Table.Th>
            <Table.Th scope="col">{t("audit.table.outcome")}</Table.Th>
            <Table.Th scope="col">{t("audit.table.actor")}</Table.Th>
            <Table.Th scope="col">{t("audit.table.object")}</Table.Th>
            <Table.Th scope="col">{t("audit.table.sourceIp")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.seq} className="clickable-row" onClick={() => onOpen(entry)}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  ff="monospace"
                  fw={600}
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(entry);
                  }}
                  aria-label={t("audit.table.openEntry", { seq: entry.seq })}
                >
                  {entry.seq}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(entry.ts)}</Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{eventLabel(entry.eventType, t)}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {entry.eventType}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <OutcomeBadge outcome={entry.outcome} />
              </Table.Td>
              <Table.Td>
                {entry.actorUsername ? (
                  <Stack gap={0}>
                    <Text size="sm" ff="monospace">
                      {entry.actorUsername}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {roleName(entry.actorRole)}
                    </Text>
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("audit.table.noActor")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {entry.objectType ? (
                  <Stack gap={0}>
                    <Text size="sm">{entry.objectType}</Text>
                    {entry.objectId ? (
                      <Text size="xs" c="dimmed" ff="monospace" className="break-all">
                        {entry.objectId}
                      </Text>
                    ) : null}
                  </Stack>
                ) : (
                  "—"
                )}
              </Table.Td>
              <Table.Td ff="monospace">{entry.sourceIp ?? "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
