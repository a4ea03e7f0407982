import { Anchor, Group, Text, ThemeIcon } from "@mantine/core";
import { IconScale } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** The product name in the header: a link home, not a heading (each page has its own h1). */
export function Brand() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/" underline="never" c="inherit">
      <Group gap="xs" wrap="nowrap">
        <ThemeIcon size="md" radius="sm" aria-hidden>
          <IconScale size={18} />
        </ThemeIcon>
        <Text component="span" fw={700} fz="lg">
          {t("app.name")}
        </Text>
      </Group>
    </Anchor>
  );
}
