import { Badge } from "@mantine/core";
import { IconFlask } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** Demo records are always marked, so that they are never mistaken for real facts. */
export function DemoBadge({ size = "sm" }: { size?: "xs" | "sm" | "md" }) {
  const { t } = useTranslation();
  return (
    <Badge color="grape" size={size} leftSection={<IconFlask size={12} aria-hidden />}>
      {t("registry.demo.badge")}
    </Badge>
  );
}
