import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { updateActionItemSchema } from "../../domain/engagements/schemas.js";
import { ACTION_STATUSES, CLOSED_ACTION_STATUSES } from "../../domain/engagements/vocabulary.js";
import { zodFieldErrors } from "../forms/form-errors.js";
import { focusFirstInvalid } from "../forms/form-helpers.js";
import { i18n } from "../i18n/i18n.js";
import { usePermission } from "../platform/auth/session.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { type ActionItemValues, actionItemChanges, actionItemValues } from "./action-item-values.js";
import { engagementErrorMessage, isStale, serverProblems } from "./engagement-errors.js";
import {
  ACTION_ITEMS_KEY,
  type ActionItem,
  type ActionItemChanges,
  ENGAGEMENTS_KEY,
  updateActionItem,
} from "./engagements-api.js";
import { OwnerSelect } from "./owner-select.js";

function formPath(path: string): string {
  if (path === "ownerUserId" || path === "ownerTeamId") return "owner";
  return path;
}

type Props = { item: ActionItem; onClose: () => void };

/** Moves an action item on: its status, due day or owner, with a note (required to close it). */
export function ActionItemModal({ item, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Writers hand an item over to another owner; its owner moves it on and adds notes.
  const canHandOver = usePermission("engagements.write");
  const initial = actionItemValues(item);
  const form = useForm<ActionItemValues>({ mode: "controlled", initialValues: initial });
  const save = useMutation({
    mutationFn: (changes: ActionItemChanges) => updateActionItem(item, changes),
    onSuccess: async () => {
      notifySuccess(i18n.t("engagements.actions.saved"));
      onClose();
      await queryClient.invalidateQueries({ queryKey: ACTION_ITEMS_KEY });
      await queryClient.invalidateQueries({ queryKey: ENGAGEMENTS_KEY });
    },
    onError: async (error) => {
      form.setErrors(serverProblems(error, t, formPath));
      focusFirstInvalid();
      if (isStale(error)) await queryClient.invalidateQueries({ queryKey: ENGAGEMENTS_KEY });
    },
  });
  const submit = form.onSubmit((values) => {
    const changes = actionItemChanges(values, initial);
    const parsed = updateActionItemSchema.safeParse(changes);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const [path, message] of Object.entries(zodFieldErrors(parsed.error, t))) {
        errors[path ? formPath(path) : "note"] =
          path === "note" ? t("engagements.actions.closingNoteRequired") : message;
      }
      form.setErrors(errors);
      focusFirstInvalid();
      return;
    }
    save.mutate(changes);
  });
  const closing = (CLOSED_ACTION_STATUSES as readonly string[]).includes(form.values.status);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("engagements.actions.changeTitle")}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" fw={600}>
            {item.title}
          </Text>
          {save.isError ? (
            <Alert
              color="red"
              icon={<IconAlertCircle aria-hidden />}
              title={t("engagements.actions.saveFailed")}
            >
              {isStale(save.error)
                ? t("engagements.errors.stale_version")
                : engagementErrorMessage(save.error, t)}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t("engagements.actions.status")}
              data={ACTION_STATUSES.map((status) => ({
                value: status,
                label: t(`engagements.vocab.actionStatuses.${status}`),
              }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              data-autofocus
              {...form.getInputProps("status")}
            />
            <TextInput
              type="date"
              label={t("engagements.actions.due")}
              required
              {...form.getInputProps("dueOn")}
            />
          </SimpleGrid>
          {canHandOver ? (
            <OwnerSelect
              label={t("engagements.actions.owner")}
              description={t("engagements.actions.handOverHint")}
              value={form.values.owner}
              onChange={(value) => form.setFieldValue("owner", value)}
              error={form.errors.owner}
              current={item.owner}
            />
          ) : null}
          <Textarea
            label={closing ? t("engagements.actions.closingNoteLabel") : t("engagements.actions.noteLabel")}
            description={
              closing ? t("engagements.actions.closingNoteHint") : t("engagements.actions.noteHint")
            }
            required={closing}
            autosize
            minRows={2}
            maxLength={4000}
            {...form.getInputProps("note")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("engagements.actions.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
