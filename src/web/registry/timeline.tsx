import { ActionIcon, Badge, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { InstrumentDetail } from "../../domain/registry/schemas.js";
import { useStateNames } from "../directory/state-names.js";
import { useFormat } from "../format.js";
import { DemoBadge } from "../platform/shell/demo-badge.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { Citation } from "./citation.js";
import { listOf } from "./labels.js";
import { PartyName } from "./party-name.js";
import { payloadText } from "./payload-text.js";

type Action = InstrumentDetail["actions"][number];
type Stage = InstrumentDetail["stages"][number];

export type TimelineEntry =
  | { kind: "action"; id: string; date: string | null; action: Action }
  | { kind: "stage"; id: string; date: string | null; stage: Stage };

/** Party actions and negotiation stages in date order; undated facts last. */
export function timelineOf(detail: Pick<InstrumentDetail, "actions" | "stages">): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...detail.actions.map((action) => ({
      kind: "action" as const,
      id: action.id,
      date: action.date,
      action,
    })),
    ...detail.stages.map((stage) => ({ kind: "stage" as const, id: stage.id, date: stage.date, stage })),
  ];
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      const x = a.entry.date ?? "9999";
      const y = b.entry.date ?? "9999";
      return x < y ? -1 : x > y ? 1 : a.index - b.index;
    })
    .map(({ entry }) => entry);
}

type Props = {
  entries: TimelineEntry[];
  /** Null for readers: no remove buttons. */
  onRemove: ((entry: TimelineEntry, trigger: HTMLElement) => void) | null;
};

export function Timeline({ entries, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const caption = t("registry.timeline.caption");
  return (
    <TableScroll label={caption} minWidth={1000}>
      <Table striped withTableBorder verticalSpacing="sm">
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("registry.timeline.date")}</Table.Th>
            <Table.Th scope="col">{t("registry.timeline.event")}</Table.Th>
            <Table.Th scope="col">{t("registry.timeline.party")}</Table.Th>
            <Table.Th scope="col">{t("registry.timeline.details")}</Table.Th>
            <Table.Th scope="col">{t("registry.timeline.source")}</Table.Th>
            {onRemove ? (
              <Table.Th scope="col">
                <VisuallyHidden>{t("registry.timeline.actions")}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const date = entry.date ? format.date(entry.date) : t("registry.timeline.undated");
            if (entry.kind === "stage") {
              const { stage } = entry;
              const label = t(`registry.vocab.stages.${stage.stage}`);
              return (
                <Table.Tr key={entry.id}>
                  <Table.Td>{date}</Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <Badge color="orange" size="xs">
                        {t("registry.timeline.negotiation")}
                      </Badge>
                      <Text size="sm" fw={500}>
                        {label}
                      </Text>
                      {stage.isDemo ? <DemoBadge size="xs" /> : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>—</Table.Td>
                  <Table.Td>
                    <Text size="sm">{stage.note ?? ""}</Text>
                  </Table.Td>
                  <Table.Td>{stage.source ? <Citation citation={stage.source} compact /> : "—"}</Table.Td>
                  {onRemove ? (
                    <Table.Td ta="right">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t("registry.timeline.removeStage", { stage: label, date })}
                        onClick={(event) => onRemove(entry, event.currentTarget)}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            }
            const { action } = entry;
            const label = t(`registry.vocab.actions.${action.action}`);
            const payload = payloadText(action.payload, t, i18n.language);
            const partyName = i18n.language === "ru" ? action.party.nameRu : action.party.nameEn;
            return (
              <Table.Tr key={entry.id}>
                <Table.Td>
                  <Text size="sm">{date}</Text>
                  {action.effectiveOn ? (
                    <Text size="xs" c="dimmed">
                      {t("registry.timeline.effective", { date: format.date(action.effectiveOn) })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Text size="sm" fw={500}>
                      {label}
                    </Text>
                    <Group gap={4}>
                      {action.verified ? (
                        <Badge color="green" size="xs">
                          {t("registry.timeline.verified")}
                        </Badge>
                      ) : (
                        <Badge color="orange" size="xs">
                          {t("registry.timeline.unverified")}
                        </Badge>
                      )}
                      {action.isDemo ? <DemoBadge size="xs" /> : null}
                    </Group>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <PartyName party={action.party} withOther={false} />
                </Table.Td>
                <Table.Td maw={360}>
                  <Stack gap={4}>
                    {payload ? <Text size="sm">{payload}</Text> : null}
                    {action.text ? (
                      <Text size="sm" fs="italic">
                        {action.text}
                      </Text>
                    ) : null}
                    {action.inRespectOf.length > 0 ? (
                      <Text size="xs" c="dimmed">
                        {t("registry.timeline.inRespectOf", {
                          states: listOf(
                            action.inRespectOf.map((code) => names.name(code)),
                            i18n.language,
                          ),
                        })}
                      </Text>
                    ) : null}
                    {action.asOf ? (
                      <Text size="xs" c="dimmed">
                        {t("registry.timeline.asOf", { date: format.date(action.asOf) })}
                      </Text>
                    ) : null}
                    {!payload && !action.text && action.inRespectOf.length === 0 && !action.asOf ? "—" : null}
                  </Stack>
                </Table.Td>
                <Table.Td maw={320}>
                  {action.source ? <Citation citation={action.source} compact /> : "—"}
                </Table.Td>
                {onRemove ? (
                  <Table.Td ta="right">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t("registry.timeline.removeAction", {
                        action: label,
                        party: partyName,
                        date,
                      })}
                      onClick={(event) => onRemove(entry, event.currentTarget)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
