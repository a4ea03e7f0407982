import { Anchor, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useStateNames } from "../directory/state-names.js";
import { DemoBadge } from "../platform/shell/demo-badge.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { ActionCountBadges, EngagementStatusBadge } from "./engagement-badges.js";
import type { EngagementSummary } from "./engagements-api.js";
import { formatEngagementDates, titleIn } from "./labels.js";

type Props = {
  engagements: EngagementSummary[];
  caption: string;
  /** Leave out the action items column (sections on other pages). */
  compact?: boolean;
};

export function EngagementsTable({ engagements, caption, compact }: Props) {
  const { t, i18n } = useTranslation();
  const names = useStateNames();
  return (
    <TableScroll label={caption} minWidth={compact ? 640 : 960}>
      <Table striped highlightOnHover withTableBorder verticalSpacing="sm">
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("engagements.fields.dates")}</Table.Th>
            <Table.Th scope="col" miw={240}>
              {t("engagements.fields.title")}
            </Table.Th>
            <Table.Th scope="col">{t("engagements.fields.kind")}</Table.Th>
            <Table.Th scope="col">{t("engagements.fields.states")}</Table.Th>
            <Table.Th scope="col">{t("engagements.fields.status")}</Table.Th>
            {compact ? null : <Table.Th scope="col">{t("engagements.fields.actionItems")}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {engagements.map((engagement) => (
            <Table.Tr key={engagement.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Text size="sm">{formatEngagementDates(engagement, t)}</Text>
              </Table.Td>
              <Table.Td miw={240} maw={420}>
                <Stack gap={2}>
                  <Anchor component={Link} to={`/engagements/${engagement.id}`} size="sm" fw={600}>
                    {titleIn(engagement, i18n.language)}
                  </Anchor>
                  {engagement.city || engagement.placeState || engagement.isDemo ? (
                    <Group gap={6}>
                      {engagement.city || engagement.placeState ? (
                        <Text size="xs" c="dimmed">
                          {[engagement.city, engagement.placeState ? names.name(engagement.placeState) : null]
                            .filter(Boolean)
                            .join(", ")}
                        </Text>
                      ) : null}
                      {engagement.isDemo ? <DemoBadge size="xs" /> : null}
                    </Group>
                  ) : null}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`engagements.vocab.kinds.${engagement.kind}`)}</Text>
              </Table.Td>
              <Table.Td maw={240}>
                <Text size="sm">{engagement.states.map((code) => names.name(code)).join(", ") || "—"}</Text>
              </Table.Td>
              <Table.Td>
                <EngagementStatusBadge status={engagement.status} />
              </Table.Td>
              {compact ? null : (
                <Table.Td>
                  {engagement.openActionItems > 0 ? (
                    <ActionCountBadges
                      open={engagement.openActionItems}
                      overdue={engagement.overdueActionItems}
                    />
                  ) : (
                    <Text size="sm">—</Text>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
