import { ActionIcon, Menu } from "@mantine/core";
import { IconDots, IconKey, IconLockOpen, IconPencil, IconUserCheck, IconUserOff } from "@tabler/icons-react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../../../domain/platform/schemas.js";

export type UserAction = "edit" | "disable" | "enable" | "unlock" | "reset";

/** The menu's button is passed along, so that focus can go back to it after a chain of dialogs. */
type Props = { user: User; onAction: (action: UserAction, user: User, trigger: HTMLElement | null) => void };

/** What an administrator can do with one account; the server still decides (for example, not on oneself). */
export function UserActionsMenu({ user, onAction }: Props) {
  const { t } = useTranslation();
  const disabled = user.status === "disabled";
  const trigger = useRef<HTMLButtonElement>(null);
  const act = (action: UserAction) => () => onAction(action, user, trigger.current);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          ref={trigger}
          variant="subtle"
          color="gray"
          aria-label={t("users.actionsFor", { username: user.username })}
        >
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={act("edit")}>
          {t("users.actions.edit")}
        </Menu.Item>
        {user.status === "locked" ? (
          <Menu.Item leftSection={<IconLockOpen size={16} aria-hidden />} onClick={act("unlock")}>
            {t("users.actions.unlock")}
          </Menu.Item>
        ) : null}
        {disabled ? (
          <Menu.Item leftSection={<IconUserCheck size={16} aria-hidden />} onClick={act("enable")}>
            {t("users.actions.enable")}
          </Menu.Item>
        ) : (
          <Menu.Item color="red" leftSection={<IconUserOff size={16} aria-hidden />} onClick={act("disable")}>
            {t("users.actions.disable")}
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={act("reset")}>
          {t("users.actions.reset")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
