import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSession } from "../auth/session.js";
import { PageHeader } from "../shell/page-header.js";
import { ChangePasswordForm } from "./change-password-form.js";
import { LanguagePreference } from "./language-preference.js";

export function ProfilePage() {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.user;
  if (!user) return null;
  return (
    <>
      <PageHeader title={t("profile.title")} description={t("profile.subtitle")} />
      <Stack gap="lg" maw={760}>
        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="profile-account">
          <Title order={2} size="h4" id="profile-account" mb="md">
            {t("profile.account")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                {t("users.fields.displayName")}
              </Text>
              <Text fw={600}>{user.displayName}</Text>
            </Stack>
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                {t("users.fields.username")}
              </Text>
              <Text fw={600}>{user.username}</Text>
            </Stack>
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                {t("users.fields.role")}
              </Text>
              <Group>
                <Badge>{t(`roles.names.${user.role}`)}</Badge>
              </Group>
            </Stack>
          </SimpleGrid>
          <Text size="sm" mt="md">
            {t(`roles.descriptions.${user.role}`)}
          </Text>
        </Card>
        <LanguagePreference />
        <ChangePasswordForm />
      </Stack>
    </>
  );
}
