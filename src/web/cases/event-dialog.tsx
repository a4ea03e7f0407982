import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * The frame of a dialog that records one event of a case: the event's hint, the fields the
 * caller gives (with the server's error where it reads best), then Cancel and Record.
 */
export function EventDialog({
  title,
  hint,
  size,
  gap = "md",
  invalid = false,
  pending,
  onClose,
  onSubmit,
  children,
}: {
  title: string;
  hint: string;
  size: "lg" | "xl";
  /** "sm" for a dense form; its buttons then keep a margin of their own above them. */
  gap?: "sm" | "md";
  /** Some field is marked: say so beside the buttons, where the eye is after pressing Record. */
  invalid?: boolean;
  pending: boolean;
  onClose: () => void;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      size={size}
      centered
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap={gap}>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
          {children}
          {invalid ? (
            <Text size="sm" c="red.8" role="alert">
              {t("cases.events.fixErrors")}
            </Text>
          ) : null}
          <Group justify="flex-end" gap="sm" mt={gap === "sm" ? "sm" : undefined}>
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {t("cases.events.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
