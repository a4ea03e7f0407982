import { Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Team } from "../../../domain/platform/schemas.js";
import { useFormat } from "../../format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { TableScroll } from "../shell/table-scroll.js";
import { sortedMembers } from "./member-candidates.js";
import { type TeamAction, TeamActionsMenu } from "./team-actions-menu.js";

type Props = {
  teams: Team[];
  onAction: (action: TeamAction, team: Team, trigger: HTMLElement | null) => void;
};

/** Shown by name in the table; a long list stops after a few names and says how many more. */
const NAMES_SHOWN = 5;

function MemberNames({ team }: { team: Team }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (team.members.length === 0)
    return (
      <Text span size="sm" c="dimmed">
        {t("teams.noMembers")}
      </Text>
    );
  const names = sortedMembers(team, currentLocale()).map((member) => member.displayName);
  const shown = names.slice(0, NAMES_SHOWN).join(", ");
  const more = names.length - NAMES_SHOWN;
  return (
    <Text span size="sm">
      {more > 0 ? t("teams.namesAndMore", { names: shown, total: format.number(more) }) : shown}
    </Text>
  );
}

export function TeamsTable({ teams, onAction }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TableScroll label={t("teams.caption")} minWidth={760}>
      <Table striped highlightOnHover withTableBorder verticalSpacing="sm">
        <Table.Caption className="visually-hidden">{t("teams.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="22%">
              {t("teams.fields.name")}
            </Table.Th>
            <Table.Th scope="col">{t("teams.fields.description")}</Table.Th>
            <Table.Th scope="col" w="30%">
              {t("teams.fields.members")}
            </Table.Th>
            <Table.Th scope="col">{t("teams.fields.created")}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t("teams.fields.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map((team) => (
            <Table.Tr key={team.id}>
              <Table.Td fw={600}>{team.name}</Table.Td>
              <Table.Td>
                {team.description ?? (
                  <Text span size="sm" c="dimmed">
                    {t("teams.noDescription")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <MemberNames team={team} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(team.createdAt)}</Table.Td>
              <Table.Td ta="right">
                <TeamActionsMenu team={team} onAction={onAction} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
