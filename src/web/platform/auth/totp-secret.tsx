import { ActionIcon, CopyButton, Group, Text, Tooltip } from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** Blocks of four characters are easier to type into an authenticator app by hand. */
export function groupInFours(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

export function TotpSecret({ secret }: { secret: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Text className="totp-secret" data-testid="totp-secret">
        {groupInFours(secret)}
      </Text>
      <CopyButton value={secret}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t("common.copied") : t("mfa.copySecret")} withArrow>
            <ActionIcon
              variant="subtle"
              onClick={copy}
              aria-label={copied ? t("common.copied") : t("mfa.copySecret")}
            >
              {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
