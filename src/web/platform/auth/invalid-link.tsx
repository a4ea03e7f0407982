import { Alert, Button, Stack, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** A one-time link that is missing, malformed, used, replaced or expired. */
export function InvalidLink({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" align="flex-start">
      <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("links.invalidTitle")} w="100%">
        <Text size="sm">{message}</Text>
      </Alert>
      <Button component={Link} to="/login" variant="default">
        {t("links.goToSignIn")}
      </Button>
    </Stack>
  );
}
