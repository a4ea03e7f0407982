import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { UserStatus } from "../../../domain/platform/schemas.js";

const COLORS: Record<UserStatus, string> = {
  invited: "blue",
  active: "green",
  locked: "orange",
  disabled: "gray",
};

export function UserStatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return <Badge color={COLORS[status]}>{t(`users.statuses.${status}`)}</Badge>;
}
