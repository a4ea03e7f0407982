import { Alert, Button, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Team } from "../../../domain/platform/schemas.js";
import { errorMessage } from "../../api/errors.js";
import { useFormat } from "../../format.js";
import { i18n } from "../../i18n/i18n.js";
import { ConfirmDialog } from "../shell/confirm-dialog.js";
import { notifySuccess } from "../shell/notify.js";
import { PageHeader } from "../shell/page-header.js";
import { PageLoader } from "../shell/page-loader.js";
import { useLastPresent } from "../shell/use-last-present.js";
import { CreateTeamModal } from "./create-team-modal.js";
import { EditTeamModal } from "./edit-team-modal.js";
import type { TeamAction } from "./team-actions-menu.js";
import { teamErrorMessage } from "./team-form.js";
import { type TeamMember, TeamMembersModal } from "./team-members-modal.js";
import { removeTeamMember, storeTeam, TEAMS_KEY, useTeamList } from "./teams-api.js";
import { TeamsTable } from "./teams-table.js";

type Dialog =
  | { kind: "none" }
  | { kind: "create" }
  | { kind: "edit"; teamId: string }
  | { kind: "members"; teamId: string }
  | { kind: "remove"; teamId: string; member: TeamMember };

/**
 * Teams decide who sees a case (need-to-know): a case is open to the members of its team,
 * within their clearance. Administrators make the teams and decide who is in them; they
 * read no case themselves (docs/roles.md). The route needs `teams.manage`.
 */
export function TeamsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const teams = useTeamList();
  const [dialog, setDialog] = useState<Dialog>({ kind: "none" });
  // Dialogs open from a menu item (gone once the menu closes) or follow one another (members
  // after a new team, a confirmation inside the members dialog), so focus goes back to the
  // button that started the chain once the last one closes.
  const opener = useRef<HTMLElement | null>(null);
  const open = useRef<Dialog["kind"]>("none");
  open.current = dialog.kind;
  const close = () => setDialog({ kind: "none" });
  const restoreFocus = () => {
    if (open.current === "none") opener.current?.focus();
  };
  const teamById = (id: string): Team | null => teams.data?.find((team) => team.id === id) ?? null;

  const remove = useMutation({
    mutationFn: ({ team, member }: { team: Team; member: TeamMember }) =>
      removeTeamMember(team, member.userId),
    onSuccess: async (saved, { member }) => {
      notifySuccess(i18n.t("teams.members.removed", { name: member.displayName, team: saved.name }));
      storeTeam(queryClient, saved);
      setDialog({ kind: "members", teamId: saved.id });
      await queryClient.invalidateQueries({ queryKey: TEAMS_KEY });
    },
  });

  const onAction = (action: TeamAction, team: Team, trigger: HTMLElement | null) => {
    opener.current = trigger;
    setDialog({ kind: action, teamId: team.id });
  };

  const editTarget = dialog.kind === "edit" ? teamById(dialog.teamId) : null;
  const membersTarget = dialog.kind === "members" ? teamById(dialog.teamId) : null;
  const removeTarget =
    dialog.kind === "remove" ? { team: teamById(dialog.teamId), member: dialog.member } : null;
  const removing = useLastPresent(removeTarget);
  const count = teams.data?.length ?? 0;

  return (
    <>
      <PageHeader
        title={t("teams.title")}
        description={t("teams.subtitle")}
        actions={
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={(event) => {
              opener.current = event.currentTarget;
              setDialog({ kind: "create" });
            }}
          >
            {t("teams.create.open")}
          </Button>
        }
      />
      <Stack gap="md">
        {teams.isError ? (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("teams.loadFailed")}>
            {errorMessage(teams.error, t)}
          </Alert>
        ) : null}
        {teams.isPending ? <PageLoader /> : null}
        {teams.data ? (
          <>
            <Text size="sm" fw={600}>
              {t("teams.count", { total: format.number(count) })}
            </Text>
            {count === 0 ? (
              <Text>{t("teams.empty")}</Text>
            ) : (
              <TeamsTable teams={teams.data} onAction={onAction} />
            )}
          </>
        ) : null}
      </Stack>

      <CreateTeamModal
        opened={dialog.kind === "create"}
        onClose={close}
        onExited={restoreFocus}
        onCreated={(team) => setDialog({ kind: "members", teamId: team.id })}
      />
      <EditTeamModal team={editTarget} onClose={close} onExited={restoreFocus} />
      <TeamMembersModal
        team={membersTarget}
        onRemove={(team, member) => {
          remove.reset();
          setDialog({ kind: "remove", teamId: team.id, member });
        }}
        onClose={close}
        onExited={restoreFocus}
      />
      <ConfirmDialog
        opened={removeTarget !== null}
        title={t("teams.members.removeTitle")}
        confirmLabel={t("teams.members.removeConfirm")}
        danger
        busy={remove.isPending}
        error={remove.isError ? teamErrorMessage(remove.error, t) : null}
        onConfirm={() =>
          removeTarget?.team && remove.mutate({ team: removeTarget.team, member: removeTarget.member })
        }
        onClose={() => {
          // Cancelling goes back to the team's members, where the removal was asked for.
          if (dialog.kind === "remove") setDialog({ kind: "members", teamId: dialog.teamId });
        }}
        onExited={restoreFocus}
      >
        {removing
          ? t("teams.members.removeText", {
              name: removing.member.displayName,
              team: removing.team?.name ?? "",
            })
          : null}
      </ConfirmDialog>
    </>
  );
}
