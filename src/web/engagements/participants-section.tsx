import { Anchor, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ParticipantView } from "../../domain/engagements/schemas.js";
import { PARTICIPANT_ROLES } from "../../domain/engagements/vocabulary.js";
import { useStateNames } from "../directory/state-names.js";
import { usePermission } from "../platform/auth/session.js";
import { TableScroll } from "../platform/shell/table-scroll.js";

export type Side = { state: string; participants: ParticipantView[] };

/** Participants by delegation: the host's first, then the states as the engagement lists them; heads first. */
export function sidesOf(
  participants: readonly ParticipantView[],
  states: readonly string[],
  host: string | null,
): Side[] {
  const order = [...new Set([...(host ? [host] : []), ...states, ...participants.map((p) => p.side)])];
  const rank = (participant: ParticipantView) => PARTICIPANT_ROLES.indexOf(participant.role);
  return order
    .map((state) => ({
      state,
      participants: participants
        .filter((participant) => participant.side === state)
        .sort((a, b) => rank(a) - rank(b)),
    }))
    .filter((side) => side.participants.length > 0);
}

function Who({ participant }: { participant: ParticipantView }) {
  const { t, i18n } = useTranslation();
  const canReadDirectory = usePermission("directory.read");
  const russian = i18n.language === "ru";
  if (participant.person) {
    const name = russian ? participant.person.nameRu : participant.person.nameEn;
    return canReadDirectory ? (
      <Anchor component={Link} to={`/directory/officials/${participant.person.id}`} size="sm" fw={600}>
        {name}
      </Anchor>
    ) : (
      <Text size="sm" fw={600}>
        {name}
      </Text>
    );
  }
  if (participant.agency) {
    return (
      <Text size="sm" fw={600}>
        {t("engagements.participants.delegationOf", {
          agency: russian ? participant.agency.nameRu : participant.agency.nameEn,
        })}
      </Text>
    );
  }
  return (
    <Text size="sm" fw={600}>
      {t("engagements.participants.stateDelegation")}
    </Text>
  );
}

function Position({ participant }: { participant: ParticipantView }) {
  const { i18n } = useTranslation();
  const russian = i18n.language === "ru";
  const position = participant.position;
  if (position) {
    return (
      <Stack gap={0}>
        <Text size="sm">{russian ? position.titleRu : position.titleEn}</Text>
        <Text size="xs" c="dimmed">
          {russian ? position.agencyNameRu : position.agencyNameEn}
        </Text>
      </Stack>
    );
  }
  if (participant.person && participant.agency) {
    return <Text size="sm">{russian ? participant.agency.nameRu : participant.agency.nameEn}</Text>;
  }
  return <Text size="sm">—</Text>;
}

export function ParticipantsSection({
  participants,
  states,
  host,
}: {
  participants: readonly ParticipantView[];
  states: readonly string[];
  host: string | null;
}) {
  const { t } = useTranslation();
  const names = useStateNames();
  const sides = sidesOf(participants, states, host);
  if (sides.length === 0) return <Text size="sm">{t("engagements.participants.none")}</Text>;
  return (
    <Stack gap="md">
      {sides.map((side) => {
        const caption = t("engagements.participants.sideCaption", { state: names.name(side.state) });
        return (
          <div key={side.state}>
            <Title order={3} size="h5" mb={6}>
              {names.name(side.state)}
              {side.state === host ? (
                <Text span size="sm" c="dimmed" fw={400}>
                  {" "}
                  {t("engagements.participants.hostSide")}
                </Text>
              ) : null}
            </Title>
            <TableScroll label={caption} minWidth={640}>
              <Table withTableBorder verticalSpacing="xs" layout="fixed">
                <Table.Caption className="visually-hidden">{caption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w="30%">
                      {t("engagements.participants.who")}
                    </Table.Th>
                    <Table.Th scope="col" w="35%">
                      {t("engagements.participants.position")}
                    </Table.Th>
                    <Table.Th scope="col" w="18%">
                      {t("engagements.participants.role")}
                    </Table.Th>
                    <Table.Th scope="col">{t("engagements.participants.note")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {side.participants.map((participant) => (
                    <Table.Tr key={participant.id}>
                      <Table.Td>
                        <Who participant={participant} />
                      </Table.Td>
                      <Table.Td>
                        <Position participant={participant} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`engagements.vocab.roles.${participant.role}`)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{participant.note ?? "—"}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </div>
        );
      })}
    </Stack>
  );
}
