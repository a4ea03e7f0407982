import { Box, Container, Group } from "@mantine/core";
import { type ReactNode, Suspense } from "react";
import { Outlet } from "react-router";
import { Brand } from "./brand.js";
import { LanguageSwitch } from "./language-switch.js";
import { PageLoader } from "./page-loader.js";
import { MAIN_CONTENT_ID, SkipLink } from "./skip-link.js";

/** The frame of the pages before sign-in: sign-in, second factor, setup and invitation links. */
export function PublicLayout({ children }: { children?: ReactNode }) {
  return (
    <Box mih="100vh" bg="gray.0">
      <SkipLink />
      <Box
        component="header"
        bg="white"
        px="md"
        py="xs"
        style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
      >
        <Group justify="space-between" wrap="nowrap">
          <Brand />
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} size={520} py={48}>
        <Suspense fallback={<PageLoader />}>{children ?? <Outlet />}</Suspense>
      </Container>
    </Box>
  );
}
