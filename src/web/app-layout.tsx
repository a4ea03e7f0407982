import { AppShell, Burger, Group, ScrollArea } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { NotificationsBell } from "./notifications/notifications-bell.js";
import { Brand } from "./platform/shell/brand.js";
import { LanguageSwitch } from "./platform/shell/language-switch.js";
import { Navigation } from "./platform/shell/navigation.js";
import { PageLoader } from "./platform/shell/page-loader.js";
import { MAIN_CONTENT_ID, SkipLink } from "./platform/shell/skip-link.js";
import { UserMenu } from "./platform/shell/user-menu.js";

/** The signed-in frame: header, navigation and the page in <main>. */
export function AppLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !opened } }}
        padding="lg"
      >
        <AppShell.Header px="md">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t("shell.closeNavigation") : t("shell.openNavigation")}
                aria-expanded={opened}
                aria-controls="app-navigation"
              />
              <Brand />
            </Group>
            <Group gap="xs" wrap="nowrap">
              <LanguageSwitch />
              <NotificationsBell />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar id="app-navigation" aria-label={t("nav.label")} p="xs">
          <AppShell.Section grow component={ScrollArea}>
            <Navigation onNavigate={close} />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} bg="gray.0">
          <Suspense fallback={<PageLoader />}>{children ?? <Outlet />}</Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
