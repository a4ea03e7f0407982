import { Avatar, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconLogout, IconUser } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { okSchema } from "../../../domain/platform/schemas.js";
import { request } from "../../api/client.js";
import { errorMessage } from "../../api/errors.js";
import { forgetUserData, refreshSession, useSession } from "../auth/session.js";
import { notifyError } from "./notify.js";

export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => request("/api/auth/logout", { method: "POST", schema: okSchema }),
    onSettled: async (_data, error) => {
      if (error) notifyError(t("shell.signOutFailed"), errorMessage(error, t));
      await refreshSession(queryClient).catch(() => null);
      forgetUserData(queryClient);
      await navigate("/login", { replace: true });
    },
  });
  const user = session.user;
  if (!user) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t("shell.userMenu", { name: user.displayName })} px="xs" py={4}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" color="navy" aria-hidden>
              <IconUser size={16} />
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm">
              {user.displayName}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t(`roles.names.${user.role}`)}</Menu.Label>
        <Menu.Item component={Link} to="/profile" leftSection={<IconUser size={16} aria-hidden />}>
          {t("shell.profile")}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => signOut.mutate()}
          disabled={signOut.isPending}
        >
          {t("shell.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
