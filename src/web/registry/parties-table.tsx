import { Badge, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { InstrumentDetail } from "../../domain/registry/schemas.js";
import { useFormat } from "../format.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { StandingBadge } from "./badges.js";
import { PartyName } from "./party-name.js";

type Standing = InstrumentDetail["parties"][number];

/** Every party's standing on the chosen date, from its dated actions. */
export function PartiesTable({ parties, date }: { parties: Standing[]; date: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const dash = (value: string | null) => (value ? format.date(value) : "—");
  const caption = t("registry.parties.caption", { date: format.date(date) });
  return (
    <TableScroll label={caption} minWidth={980}>
      <Table striped highlightOnHover withTableBorder data-testid="parties-table">
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("registry.parties.party")}</Table.Th>
            <Table.Th scope="col">{t("registry.parties.status")}</Table.Th>
            <Table.Th scope="col">{t("registry.parties.signed")}</Table.Th>
            <Table.Th scope="col">{t("registry.parties.consent")}</Table.Th>
            <Table.Th scope="col">{t("registry.parties.inForceFrom")}</Table.Th>
            <Table.Th scope="col">{t("registry.parties.ended")}</Table.Th>
            <Table.Th scope="col">{t("registry.parties.reservations")}</Table.Th>
            <Table.Th scope="col">{t("registry.parties.asOf")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {parties.map((standing) => (
            <Table.Tr key={`${standing.party.type}-${standing.party.code ?? standing.party.agencyId}`}>
              <Table.Th scope="row" fw={400}>
                <PartyName party={standing.party} />
              </Table.Th>
              <Table.Td>
                <StandingBadge status={standing.status} />
              </Table.Td>
              <Table.Td>{dash(standing.signedOn)}</Table.Td>
              <Table.Td>{dash(standing.consentOn)}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" span>
                    {dash(standing.inForceFrom)}
                  </Text>
                  {standing.inForceFrom && standing.inForceDerived ? (
                    <Badge color="gray" size="xs" variant="outline" title={t("registry.parties.derivedHint")}>
                      {t("registry.parties.derived")}
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>{dash(standing.endedOn)}</Table.Td>
              <Table.Td ta="right">{format.number(standing.reservations)}</Table.Td>
              <Table.Td>{dash(standing.asOf)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
