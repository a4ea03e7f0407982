import { ActionIcon, Anchor, Badge, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { InstrumentDetail } from "../../domain/registry/schemas.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { Citation } from "./citation.js";
import { InstrumentTitle } from "./instrument-title.js";

type Relation = InstrumentDetail["relations"][number];

type Props = {
  relations: Relation[];
  onRemove: ((relation: Relation, trigger: HTMLElement) => void) | null;
};

/** Relations in both directions: "protocol to X" and "X is a protocol to this". */
export function RelationsList({ relations, onRemove }: Props) {
  const { t } = useTranslation();
  const caption = t("registry.relations.caption");
  return (
    <TableScroll label={caption} minWidth={760}>
      <Table striped withTableBorder>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("registry.relations.relation")}</Table.Th>
            <Table.Th scope="col">{t("registry.relations.instrument")}</Table.Th>
            <Table.Th scope="col">{t("registry.relations.noteAndSource")}</Table.Th>
            {onRemove ? (
              <Table.Th scope="col">
                <VisuallyHidden>{t("registry.timeline.actions")}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {relations.map((relation) => {
            const label = t(`registry.vocab.relations.${relation.direction}.${relation.kind}`);
            return (
              <Table.Tr key={relation.id}>
                <Table.Td>
                  <Badge color="navy" variant="outline">
                    {label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <Anchor
                      component={Link}
                      to={`/registry/instruments/${relation.other.id}`}
                      ff="monospace"
                      fw={600}
                      size="sm"
                    >
                      {relation.other.code}
                    </Anchor>
                    <Stack gap={0}>
                      <InstrumentTitle instrument={relation.other} />
                    </Stack>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {relation.note ? <Text size="sm">{relation.note}</Text> : null}
                    {relation.source ? <Citation citation={relation.source} compact /> : null}
                    {!relation.note && !relation.source ? "—" : null}
                  </Stack>
                </Table.Td>
                {onRemove ? (
                  <Table.Td ta="right">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t("registry.relations.remove", {
                        relation: label,
                        code: relation.other.code,
                      })}
                      onClick={(event) => onRemove(relation, event.currentTarget)}
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
