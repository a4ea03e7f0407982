import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCopy } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../format.js";
import { useLastPresent } from "../shell/use-last-present.js";
import type { Invitation } from "./users-api.js";

type Props = {
  opened: boolean;
  username: string;
  invitation: Invitation | null;
  reason: "created" | "reset";
  onClose: () => void;
  onExited: () => void;
};

/**
 * The invitation link is shown once: the server keeps only its hash. The administrator
 * passes it to the user through a trusted channel.
 */
export function InvitationLinkModal({ opened, username, invitation, reason, onClose, onExited }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = useLastPresent(invitation);
  const url = shown ? `${window.location.origin}${shown.path}` : "";
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={onExited}
      title={t("users.invitation.title")}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      closeOnClickOutside={false}
      returnFocus={false}
      size="lg"
      centered
    >
      {shown ? (
        <Stack gap="md">
          <Text size="sm">
            {reason === "created"
              ? t("users.invitation.createdText", { username })
              : t("users.invitation.resetText", { username })}
          </Text>
          <Code block className="break-all" data-testid="invitation-link">
            {url}
          </Code>
          <Text size="sm">{t("users.invitation.expires", { time: format.dateTime(shown.expiresAt) })}</Text>
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} role="note">
            {t("users.invitation.onlyOnce")}
          </Alert>
          <Group justify="flex-end" gap="sm">
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button
                  variant="default"
                  onClick={copy}
                  leftSection={
                    copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                  }
                >
                  {copied ? t("common.copied") : t("users.invitation.copy")}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t("common.done")}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
