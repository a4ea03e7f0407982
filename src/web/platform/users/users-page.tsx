import { Alert, Button, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconUserPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../../../domain/platform/schemas.js";
import { errorMessage } from "../../api/errors.js";
import { useFormat } from "../../format.js";
import { i18n } from "../../i18n/i18n.js";
import { usePermission, useSession } from "../auth/session.js";
import { ConfirmDialog } from "../shell/confirm-dialog.js";
import { notifyError, notifySuccess } from "../shell/notify.js";
import { PageHeader } from "../shell/page-header.js";
import { PageLoader } from "../shell/page-loader.js";
import { EditUserModal } from "./edit-user-modal.js";
import { InvitationLinkModal } from "./invitation-link-modal.js";
import { InviteUserModal } from "./invite-user-modal.js";
import type { UserAction } from "./user-actions-menu.js";
import {
  changeUserStatus,
  type Invitation,
  resetUserAccess,
  type StatusAction,
  USERS_KEY,
  type UserWithInvitation,
  useUsers,
} from "./users-api.js";
import { UsersTable } from "./users-table.js";

type Dialog =
  | { kind: "none" }
  | { kind: "invite" }
  | { kind: "edit"; userId: string }
  | { kind: "disable"; userId: string }
  | { kind: "reset"; userId: string }
  | { kind: "invitation"; username: string; invitation: Invitation; reason: "created" | "reset" };

export function UsersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const canManage = usePermission("users.manage");
  const queryClient = useQueryClient();
  const users = useUsers();
  const [dialog, setDialog] = useState<Dialog>({ kind: "none" });
  // Dialogs open from a menu item (gone once the menu closes) or follow one another
  // (invitation link after the invite form), so Mantine cannot know where focus came
  // from: it goes back to the button that started the chain.
  const opener = useRef<HTMLElement | null>(null);
  const open = useRef<Dialog["kind"]>("none");
  open.current = dialog.kind;
  const close = () => setDialog({ kind: "none" });
  const restoreFocus = () => {
    if (open.current === "none") opener.current?.focus();
  };
  const userById = (id: string): User | null => users.data?.users.find((user) => user.id === id) ?? null;

  const refresh = () => queryClient.invalidateQueries({ queryKey: USERS_KEY });

  const statusChange = useMutation({
    mutationFn: ({ user, action }: { user: User; action: StatusAction }) => changeUserStatus(user, action),
    onSuccess: async (user, { action }) => {
      notifySuccess(i18n.t(`users.actions.${action}Done`, { username: user.username }));
      close();
      await refresh();
    },
    onError: (error, { action }) => {
      // The disable dialog shows its own error; enable and unlock run without a dialog.
      if (action !== "disable") notifyError(t("users.actionFailed"), errorMessage(error, t));
    },
  });
  const reset = useMutation({
    mutationFn: (user: User) => resetUserAccess(user),
    onSuccess: async (result: UserWithInvitation) => {
      notifySuccess(i18n.t("users.actions.resetDone", { username: result.user.username }));
      setDialog({
        kind: "invitation",
        username: result.user.username,
        invitation: result.invitation,
        reason: "reset",
      });
      await refresh();
    },
  });

  const onAction = (action: UserAction, user: User, trigger: HTMLElement | null) => {
    opener.current = trigger;
    statusChange.reset();
    reset.reset();
    if (action === "edit") setDialog({ kind: "edit", userId: user.id });
    else if (action === "disable") setDialog({ kind: "disable", userId: user.id });
    else if (action === "reset") setDialog({ kind: "reset", userId: user.id });
    else statusChange.mutate({ user, action });
  };

  const disableTarget = dialog.kind === "disable" ? userById(dialog.userId) : null;
  const resetTarget = dialog.kind === "reset" ? userById(dialog.userId) : null;
  const editTarget = dialog.kind === "edit" ? userById(dialog.userId) : null;
  const count = users.data?.users.length ?? 0;

  return (
    <>
      <PageHeader
        title={t("users.title")}
        description={t("users.subtitle")}
        actions={
          canManage ? (
            <Button
              leftSection={<IconUserPlus size={18} aria-hidden />}
              onClick={(event) => {
                opener.current = event.currentTarget;
                setDialog({ kind: "invite" });
              }}
            >
              {t("users.invite.open")}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        {users.isError ? (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("users.loadFailed")}>
            {errorMessage(users.error, t)}
          </Alert>
        ) : null}
        {users.isPending ? <PageLoader /> : null}
        {users.data ? (
          <>
            <Text size="sm" fw={600}>
              {t("users.count", { total: format.number(count) })}
            </Text>
            {count === 0 ? (
              <Text>{t("users.empty")}</Text>
            ) : (
              <UsersTable
                users={users.data.users}
                currentUserId={session.user?.id ?? null}
                onAction={canManage ? onAction : null}
              />
            )}
          </>
        ) : null}
      </Stack>

      {canManage ? (
        <>
          <InviteUserModal
            opened={dialog.kind === "invite"}
            onExited={restoreFocus}
            onClose={close}
            onCreated={(result) =>
              setDialog({
                kind: "invitation",
                username: result.user.username,
                invitation: result.invitation,
                reason: "created",
              })
            }
          />
          <EditUserModal
            user={editTarget}
            isSelf={editTarget?.id === session.user?.id}
            onClose={close}
            onExited={restoreFocus}
          />
          <ConfirmDialog
            opened={disableTarget !== null}
            title={t("users.disable.title")}
            confirmLabel={t("users.actions.disable")}
            danger
            busy={statusChange.isPending}
            error={statusChange.isError ? errorMessage(statusChange.error, t) : null}
            onConfirm={() => disableTarget && statusChange.mutate({ user: disableTarget, action: "disable" })}
            onClose={close}
            onExited={restoreFocus}
          >
            {disableTarget ? t("users.disable.text", { username: disableTarget.username }) : null}
          </ConfirmDialog>
          <ConfirmDialog
            opened={resetTarget !== null}
            title={t("users.reset.title")}
            confirmLabel={t("users.actions.reset")}
            danger
            busy={reset.isPending}
            error={reset.isError ? errorMessage(reset.error, t) : null}
            onConfirm={() => resetTarget && reset.mutate(resetTarget)}
            onClose={close}
            onExited={restoreFocus}
          >
            {resetTarget ? t("users.reset.text", { username: resetTarget.username }) : null}
          </ConfirmDialog>
          <InvitationLinkModal
            opened={dialog.kind === "invitation"}
            username={dialog.kind === "invitation" ? dialog.username : ""}
            invitation={dialog.kind === "invitation" ? dialog.invitation : null}
            reason={dialog.kind === "invitation" ? dialog.reason : "created"}
            onClose={close}
            onExited={restoreFocus}
          />
        </>
      ) : null}
    </>
  );
}
