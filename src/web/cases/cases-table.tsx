import { Anchor, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { daysBetween } from "../../domain/platform/dates.js";
import { useStateNames } from "../directory/state-names.js";
import { useOfficeToday } from "../platform/auth/session.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { DueDate, PriorityBadge, StatusBadge } from "./case-badges.js";
import type { CaseSummary } from "./cases-api.js";
import { partnerState } from "./labels.js";

export function CasesTable({ items }: { items: CaseSummary[] }) {
  const { t } = useTranslation();
  const today = useOfficeToday();
  const names = useStateNames();
  const caption = t("cases.list.caption");
  return (
    <TableScroll label={caption} minWidth={960}>
      <Table striped highlightOnHover withTableBorder verticalSpacing="sm">
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("cases.fields.reference")}</Table.Th>
            <Table.Th scope="col" miw={220}>
              {t("cases.fields.title")}
            </Table.Th>
            <Table.Th scope="col">{t("cases.fields.kind")}</Table.Th>
            <Table.Th scope="col">{t("cases.fields.direction")}</Table.Th>
            <Table.Th scope="col">{t("cases.fields.partnerState")}</Table.Th>
            <Table.Th scope="col">{t("cases.fields.status")}</Table.Th>
            <Table.Th scope="col">{t("cases.fields.nextDeadline")}</Table.Th>
            <Table.Th scope="col">{t("cases.fields.priority")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const partner = partnerState(item);
            return (
              <Table.Tr key={item.reference}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/cases/${encodeURIComponent(item.reference)}`}
                    ff="monospace"
                    fw={600}
                    size="sm"
                  >
                    {item.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td miw={220} maw={380}>
                  <Text size="sm">{item.title}</Text>
                </Table.Td>
                <Table.Td>{t(`cases.vocab.kinds.${item.kind}`)}</Table.Td>
                <Table.Td>{t(`cases.vocab.directions.${item.direction}`)}</Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm">{names.name(partner)}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {partner}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={item.status} size="sm" />
                </Table.Td>
                <Table.Td>
                  {item.nextDeadlineOn ? (
                    <DueDate dueOn={item.nextDeadlineOn} daysLeft={daysBetween(today, item.nextDeadlineOn)} />
                  ) : (
                    <Text size="sm">—</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <PriorityBadge priority={item.priority} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
