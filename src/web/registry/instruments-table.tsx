import { Anchor, Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { InstrumentSummary } from "../../domain/registry/schemas.js";
import { useFormat } from "../format.js";
import { useOfficeToday } from "../platform/auth/session.js";
import { DemoBadge } from "../platform/shell/demo-badge.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { DraftBadge, SubjectBadges } from "./badges.js";
import { InstrumentTitle } from "./instrument-title.js";
import { isStale, partyListAge } from "./party-list-age.js";

/** How old the party list is: shown with its age once it is a year old or more. */
export function PartyListAge({ asOf }: { asOf: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = useOfficeToday();
  if (!asOf) return <Text size="sm">—</Text>;
  const age = partyListAge(asOf, today);
  return (
    <Stack gap={2}>
      <Text size="sm">{format.date(asOf)}</Text>
      {isStale(asOf, today) && age !== null ? (
        <Badge color="orange" size="xs">
          {t("registry.age.years", { years: format.number(age) })}
        </Badge>
      ) : null}
    </Stack>
  );
}

export function InstrumentsTable({ instruments }: { instruments: InstrumentSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TableScroll label={t("registry.list.caption")} minWidth={1100}>
      <Table striped highlightOnHover withTableBorder>
        <Table.Caption className="visually-hidden">{t("registry.list.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("registry.fields.code")}</Table.Th>
            <Table.Th scope="col" miw={280}>
              {t("registry.fields.title")}
            </Table.Th>
            <Table.Th scope="col">{t("registry.fields.kind")}</Table.Th>
            <Table.Th scope="col">{t("registry.fields.scope")}</Table.Th>
            <Table.Th scope="col">{t("registry.fields.binding")}</Table.Th>
            <Table.Th scope="col">{t("registry.fields.subjects")}</Table.Th>
            <Table.Th scope="col">{t("registry.fields.entryIntoForce")}</Table.Th>
            <Table.Th scope="col">{t("registry.fields.partiesCount")}</Table.Th>
            <Table.Th scope="col">{t("registry.fields.partyListAsOf")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {instruments.map((instrument) => (
            <Table.Tr key={instrument.id}>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Anchor
                    component={Link}
                    to={`/registry/instruments/${instrument.id}`}
                    ff="monospace"
                    fw={600}
                  >
                    {instrument.code}
                  </Anchor>
                  {instrument.isDemo ? <DemoBadge size="xs" /> : null}
                  {instrument.draft ? <DraftBadge /> : null}
                </Stack>
              </Table.Td>
              <Table.Td miw={280} maw={440}>
                <InstrumentTitle instrument={instrument} />
              </Table.Td>
              <Table.Td>{t(`registry.vocab.kinds.${instrument.kind}`)}</Table.Td>
              <Table.Td>{t(`registry.vocab.scopes.${instrument.scope}`)}</Table.Td>
              <Table.Td>{instrument.binding ? t("common.yes") : t("common.no")}</Table.Td>
              <Table.Td maw={220}>
                <SubjectBadges subjects={instrument.subjects} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {instrument.entryIntoForce ? format.date(instrument.entryIntoForce) : "—"}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{format.number(instrument.partiesCount)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <PartyListAge asOf={instrument.partyListAsOf} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
