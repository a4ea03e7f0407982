import { ActionIcon, Button, type MantineSpacing } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";

/** "Add offence", "Add item": appends a row to a list the user edits in a form. */
export function AddRowButton({
  onClick,
  disabled,
  children,
}: {
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconPlus size={14} aria-hidden />}
      onClick={onClick}
      disabled={disabled}
    >
      {children}
    </Button>
  );
}

/** The bin beside a row of such a list; `label` names the row ("Remove offence o1"), the icon says nothing. */
export function RemoveRowButton({
  label,
  onClick,
  mb,
}: {
  label: string;
  onClick: () => void;
  /** Lifts the icon to the line of an input's box when the row aligns at its bottom. */
  mb?: MantineSpacing;
}) {
  return (
    <ActionIcon variant="subtle" color="red" mb={mb} aria-label={label} onClick={onClick}>
      <IconTrash size={16} aria-hidden />
    </ActionIcon>
  );
}
