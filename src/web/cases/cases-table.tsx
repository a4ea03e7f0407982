import { Anchor, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useStateNames } from "../directory/state-names.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { bilingualField } from "./bilingual.js";
import { DueDate, PriorityBadge, StatusBadge } from "./case-badges.js";
import type { CaseListItem } from "./cases-api.js";
import { daysLeftUntil } from "./dates.js";
import { partnerState } from "./labels.js";

/** The next deadline of a list item: the server's object when it sends one, else its date alone. */
function nextDeadline(
  item: CaseListItem,
  language: string,
): { dueOn: string; daysLeft: number; title: string | null } | null {
  if (item.nextDeadline && typeof item.nextDeadline.dueOn === "string") {
    const dueOn = item.nextDeadline.practicalDueOn ?? item.nextDeadline.dueOn;
    return {
      dueOn,
      daysLeft:
        typeof item.nextDeadline.daysLeft === "number" ? item.nextDeadline.daysLeft : daysLeftUntil(dueOn),
      title: bilingualField(item.nextDeadline, "title", language),
    };
  }
  if (item.nextDeadlineOn)
    return { dueOn: item.nextDeadlineOn, daysLeft: daysLeftUntil(item.nextDeadlineOn), title: null };
  return null;
}

export function CasesTable({ items }: { items: CaseListItem[] }) {
  const { t, i18n } = useTranslation();
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
            const deadline = nextDeadline(item, i18n.language);
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
                  {deadline ? (
                    <Stack gap={0}>
                      <DueDate dueOn={deadline.dueOn} daysLeft={deadline.daysLeft} />
                      {deadline.title ? (
                        <Text size="xs" c="dimmed">
                          {deadline.title}
                        </Text>
                      ) : null}
                    </Stack>
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
