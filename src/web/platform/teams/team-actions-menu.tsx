import { ActionIcon, Menu } from "@mantine/core";
import { IconDots, IconPencil, IconUsers } from "@tabler/icons-react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Team } from "../../../domain/platform/schemas.js";

export type TeamAction = "edit" | "members";

/** The menu's button is passed along, so that focus can go back to it after a chain of dialogs. */
type Props = { team: Team; onAction: (action: TeamAction, team: Team, trigger: HTMLElement | null) => void };

export function TeamActionsMenu({ team, onAction }: Props) {
  const { t } = useTranslation();
  const trigger = useRef<HTMLButtonElement>(null);
  const act = (action: TeamAction) => () => onAction(action, team, trigger.current);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          ref={trigger}
          variant="subtle"
          color="gray"
          aria-label={t("teams.actionsFor", { name: team.name })}
        >
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconUsers size={16} aria-hidden />} onClick={act("members")}>
          {t("teams.actions.members")}
        </Menu.Item>
        <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={act("edit")}>
          {t("teams.actions.edit")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
