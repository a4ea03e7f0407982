import { Badge, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { User } from "../../../domain/platform/schemas.js";
import { useFormat } from "../../format.js";
import { TableScroll } from "../shell/table-scroll.js";
import { type UserAction, UserActionsMenu } from "./user-actions-menu.js";
import { UserStatusBadge } from "./user-status-badge.js";

type Props = {
  users: User[];
  currentUserId: string | null;
  /** Null when the viewer may read accounts but not manage them. */
  onAction: ((action: UserAction, user: User, trigger: HTMLElement | null) => void) | null;
};

export function UsersTable({ users, currentUserId, onAction }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TableScroll label={t("users.caption")} minWidth={760}>
      <Table striped highlightOnHover withTableBorder>
        <Table.Caption className="visually-hidden">{t("users.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("users.fields.username")}</Table.Th>
            <Table.Th scope="col">{t("users.fields.displayName")}</Table.Th>
            <Table.Th scope="col">{t("users.fields.role")}</Table.Th>
            <Table.Th scope="col">{t("users.fields.status")}</Table.Th>
            <Table.Th scope="col">{t("users.fields.mfa")}</Table.Th>
            <Table.Th scope="col">{t("users.fields.lastLogin")}</Table.Th>
            {onAction ? (
              <Table.Th scope="col">
                <VisuallyHidden>{t("users.fields.actions")}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td ff="monospace">
                {user.username}
                {user.id === currentUserId ? (
                  <Badge ml="xs" size="xs" color="navy">
                    {t("users.you")}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{user.displayName}</Table.Td>
              <Table.Td>{t(`roles.names.${user.role}`)}</Table.Td>
              <Table.Td>
                <UserStatusBadge status={user.status} />
              </Table.Td>
              <Table.Td>{user.mfaEnrolled ? t("common.yes") : t("common.no")}</Table.Td>
              <Table.Td>
                {user.lastLoginAt ? (
                  format.dateTime(user.lastLoginAt)
                ) : (
                  <Text span size="sm" c="dimmed">
                    {t("users.never")}
                  </Text>
                )}
              </Table.Td>
              {onAction ? (
                <Table.Td ta="right">
                  <UserActionsMenu user={user} onAction={onAction} />
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
