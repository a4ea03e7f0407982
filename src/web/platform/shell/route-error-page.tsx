import { Button, Center, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";
import { errorMessage } from "../../api/errors.js";
import { useDocumentTitle } from "./use-document-title.js";

/** Last resort when a page cannot render, for example when the server cannot be reached at all. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  useDocumentTitle(t("errorPage.title"));
  return (
    <Center component="main" mih="100vh" p="lg">
      <Stack align="center" maw={520} gap="md">
        <Title order={1}>{t("errorPage.title")}</Title>
        <Text ta="center">{errorMessage(error, t)}</Text>
        <Button onClick={() => window.location.reload()}>{t("errorPage.reload")}</Button>
      </Stack>
    </Center>
  );
}
