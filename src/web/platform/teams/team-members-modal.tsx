import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconAlertCircle, IconUserMinus, IconUserPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Team } from "../../../domain/platform/schemas.js";
import { errorMessage } from "../../api/errors.js";
import { useFormat } from "../../format.js";
import { currentLocale, i18n } from "../../i18n/i18n.js";
import { notifySuccess } from "../shell/notify.js";
import { useLastPresent } from "../shell/use-last-present.js";
import { useUsers } from "../users/users-api.js";
import { memberCandidates, sortedMembers } from "./member-candidates.js";
import { teamErrorMessage } from "./team-form.js";
import { addTeamMember, storeTeam, TEAMS_KEY } from "./teams-api.js";

export type TeamMember = Team["members"][number];

type Props = {
  team: Team | null;
  /** The page asks before taking someone off the team, then brings this dialog back. */
  onRemove: (team: Team, member: TeamMember) => void;
  onClose: () => void;
  onExited: () => void;
};

/**
 * Who is in a team. Adding someone opens the team's cases to them (within their
 * clearance) from their next request, so the list is always the server's answer.
 */
export function TeamMembersModal({ team, onRemove, onClose, onExited }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const users = useUsers();
  const [selected, setSelected] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const add = useMutation({
    mutationFn: ({ target, userId }: { target: Team; userId: string }) => addTeamMember(target, userId),
    onSuccess: async (saved, { userId }) => {
      const member = saved.members.find((candidate) => candidate.userId === userId);
      notifySuccess(i18n.t("teams.members.added", { name: member?.displayName ?? "", team: saved.name }));
      storeTeam(queryClient, saved);
      setSelected(null);
      await queryClient.invalidateQueries({ queryKey: TEAMS_KEY });
    },
  });

  const shown = useLastPresent(team);
  const locale = currentLocale();
  const members = shown ? sortedMembers(shown, locale) : [];
  const candidates = shown && users.data ? memberCandidates(users.data.users, shown, locale) : [];
  const close = () => {
    add.reset();
    setSelected(null);
    setMissing(false);
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!team) return;
    if (!selected) {
      setMissing(true);
      return;
    }
    add.mutate({ target: team, userId: selected });
  };

  return (
    <Modal
      opened={team !== null}
      onClose={close}
      onExitTransitionEnd={onExited}
      title={shown ? t("teams.members.title", { name: shown.name }) : ""}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      size="lg"
      centered
    >
      {shown ? (
        <Stack gap="md">
          <Text size="sm">{t("teams.members.intro")}</Text>
          {users.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("teams.members.usersFailed")}>
              {errorMessage(users.error, t)}
            </Alert>
          ) : null}
          {add.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("teams.members.addFailed")}>
              {teamErrorMessage(add.error, t)}
            </Alert>
          ) : null}
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Select
                label={t("teams.members.account")}
                description={t("teams.members.accountHint")}
                placeholder={t("teams.members.search")}
                data={candidates}
                value={selected}
                onChange={(value) => {
                  setSelected(value);
                  setMissing(false);
                }}
                error={missing ? t("teams.members.chooseAccount") : undefined}
                searchable
                clearable
                clearButtonProps={{ "aria-label": t("common.clear") }}
                required
                nothingFoundMessage={users.isPending ? t("common.loading") : t("teams.members.noCandidates")}
                comboboxProps={{ withinPortal: true }}
                // The dialog opens with focus here: a list popping open at once would hide the dialog.
                openOnFocus={false}
                data-autofocus
              />
              <Group justify="flex-end">
                <Button
                  type="submit"
                  variant="light"
                  loading={add.isPending}
                  leftSection={<IconUserPlus size={18} aria-hidden />}
                >
                  {t("teams.members.add")}
                </Button>
              </Group>
            </Stack>
          </form>
          <Title order={3} size="h5">
            {t("teams.members.current", { total: format.number(members.length) })}
          </Title>
          {members.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("teams.members.none")}
            </Text>
          ) : (
            <Table withTableBorder>
              <Table.Caption className="visually-hidden">
                {t("teams.members.caption", { name: shown.name })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("teams.fields.memberName")}</Table.Th>
                  <Table.Th scope="col">{t("teams.fields.username")}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t("teams.fields.actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.map((member) => (
                  <Table.Tr key={member.userId}>
                    <Table.Td>{member.displayName}</Table.Td>
                    <Table.Td ff="monospace">{member.username}</Table.Td>
                    <Table.Td ta="right">
                      {/* The visible word starts the accessible name, which says whom (WCAG 2.5.3). */}
                      <Button
                        variant="subtle"
                        color="red"
                        size="compact-sm"
                        leftSection={<IconUserMinus size={16} aria-hidden />}
                        aria-label={t("teams.members.remove", { name: member.displayName })}
                        onClick={() => onRemove(shown, member)}
                      >
                        {t("teams.members.removeShort")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t("common.done")}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
