import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconArrowRight, IconMap, IconScale, IconUser } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../format.js";
import { useSession } from "../auth/session.js";
import { AREAS, isAreaVisible } from "./areas.js";
import { PageHeader } from "./page-header.js";

type Destination = {
  key:
    | "registry"
    | "resolver"
    | "cases"
    | "engagements"
    | "reports"
    | "map"
    | "directory"
    | "users"
    | "audit"
    | "profile";
  path: string;
  icon: (typeof AREAS)[number]["icon"];
};

/**
 * Overview for the signed-in user. `sections` come first: the dashboard of what is due and
 * of the figures, which other features put before the user (routes.tsx composes them, so
 * that the platform imports no feature); then who they are, when the session ends, and
 * what they may open.
 */
export function HomePage({ sections }: { sections?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const user = session.user;
  if (!user) return null;

  const areas: Destination[] = AREAS.filter(
    (area) => area.path && area.path !== "/" && isAreaVisible(area, session.permissions),
  ).map((area) => ({ key: area.key as Destination["key"], path: area.path ?? "/", icon: area.icon }));
  // The registry's two questions get cards of their own: the legal basis, and the map of partners.
  const destinations: Destination[] = [
    ...areas.flatMap((area) =>
      area.key === "registry"
        ? [
            area,
            { key: "resolver" as const, path: "/registry/resolve", icon: IconScale },
            { key: "map" as const, path: "/registry/map", icon: IconMap },
          ]
        : [area],
    ),
    { key: "profile", path: "/profile", icon: IconUser },
  ];

  return (
    <>
      <PageHeader title={t("home.title", { name: user.displayName })} description={t("home.subtitle")} />
      <Stack gap="xl">
        {sections}
        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="home-account">
          <Title order={2} size="h4" id="home-account" mb="sm">
            {t("home.account")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                {t("home.signedInAs")}
              </Text>
              <Text fw={600}>{user.displayName}</Text>
              <Text size="sm">{user.username}</Text>
            </Stack>
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                {t("home.role")}
              </Text>
              <Group gap="xs">
                <Badge>{t(`roles.names.${user.role}`)}</Badge>
              </Group>
              <Text size="sm">{t(`roles.descriptions.${user.role}`)}</Text>
            </Stack>
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                {t("home.sessionExpires")}
              </Text>
              <Text fw={600}>
                {session.expiresAt ? format.dateTime(session.expiresAt) : t("common.unknown")}
              </Text>
              <Text size="sm">{t("home.sessionHint")}</Text>
            </Stack>
          </SimpleGrid>
        </Card>

        <section aria-labelledby="home-areas">
          <Title order={2} size="h4" id="home-areas" mb="sm">
            {t("home.whatYouCanOpen")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            {destinations.map(({ key, path, icon: Icon }) => (
              <Card key={key} withBorder padding="lg" radius="md">
                <Group gap="sm" mb="xs" wrap="nowrap">
                  <Icon size={22} stroke={1.5} aria-hidden style={{ flex: "none" }} />
                  <Title order={3} size="h5">
                    {t(`home.cards.${key}.title`)}
                  </Title>
                </Group>
                <Text size="sm" mb="md" style={{ flex: 1 }}>
                  {t(`home.cards.${key}.text`)}
                </Text>
                <Anchor component={Link} to={path} fw={600} size="sm">
                  <Group gap={4} component="span">
                    {t(`home.cards.${key}.open`)}
                    <IconArrowRight size={14} aria-hidden />
                  </Group>
                </Anchor>
              </Card>
            ))}
          </SimpleGrid>
          <Text size="sm" mt="md">
            {t("home.plannedNote")}
          </Text>
        </section>
      </Stack>
    </>
  );
}
