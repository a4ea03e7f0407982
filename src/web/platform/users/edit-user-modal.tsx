import { Alert, Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import {
  clearanceSchema,
  displayNameSchema,
  roleSchema,
  type User,
} from "../../../domain/platform/schemas.js";
import { errorMessage, fieldErrors, hasCode } from "../../api/errors.js";
import { i18n } from "../../i18n/i18n.js";
import { notifySuccess } from "../shell/notify.js";
import { useLastPresent } from "../shell/use-last-present.js";
import { clearanceOptions, roleOptions } from "./role-options.js";
import { USERS_KEY, type UserChanges, updateUser } from "./users-api.js";

type Values = { displayName: string; role: string | null; clearance: string | null };
type Props = { user: User | null; isSelf: boolean; onClose: () => void; onExited: () => void };

/**
 * Rename an account or change its role or clearance; sent with If-Match so a concurrent
 * change is not overwritten.
 */
export function EditUserModal({ user, isSelf, onClose, onExited }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      displayName: user?.displayName ?? "",
      role: user?.role ?? null,
      clearance: user?.clearance ?? null,
    },
    validate: {
      displayName: (value) =>
        displayNameSchema.safeParse(value).success ? null : i18n.t("validation.displayName"),
      role: (value) => (roleSchema.safeParse(value).success ? null : i18n.t("validation.role")),
      clearance: (value) =>
        clearanceSchema.safeParse(value).success ? null : i18n.t("validation.clearance"),
    },
  });
  const update = useMutation({
    mutationFn: ({ target, changes }: { target: User; changes: UserChanges }) => updateUser(target, changes),
    onSuccess: async (saved) => {
      notifySuccess(i18n.t("users.edit.done", { username: saved.username }));
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
      update.reset();
      onClose();
    },
    onError: async (error) => {
      form.setErrors(fieldErrors(error, ["displayName", "role", "clearance"] as const, t));
      if (hasCode(error, "stale_version")) await queryClient.invalidateQueries({ queryKey: USERS_KEY });
    },
  });

  // A refetch after a conflict brings a new version: show what is stored now.
  const version = user?.version;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another record or version arrives
  useEffect(() => {
    if (!user) return;
    const stored = { displayName: user.displayName, role: user.role, clearance: user.clearance };
    form.setValues(stored);
    form.resetDirty(stored);
  }, [user?.id, version]);

  const submit = (values: Values) => {
    if (!user) return;
    const changes: UserChanges = {};
    const displayName = values.displayName.trim();
    if (displayName !== user.displayName) changes.displayName = displayName;
    const role = roleSchema.parse(values.role);
    if (role !== user.role) changes.role = role;
    const clearance = clearanceSchema.parse(values.clearance);
    if (clearance !== user.clearance) changes.clearance = clearance;
    if (Object.keys(changes).length === 0) {
      close();
      return;
    }
    update.mutate({ target: user, changes });
  };

  const shown = useLastPresent(user);
  const close = () => {
    update.reset();
    onClose();
  };
  const stale = hasCode(update.error, "stale_version");
  return (
    <Modal
      opened={user !== null}
      onClose={close}
      onExitTransitionEnd={onExited}
      title={shown ? t("users.edit.title", { username: shown.username }) : ""}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      centered
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="md">
          {update.isError ? (
            <Alert
              color={stale ? "orange" : "red"}
              icon={<IconAlertCircle aria-hidden />}
              title={stale ? t("users.edit.staleTitle") : t("users.edit.failed")}
            >
              {stale ? t("users.edit.staleText") : errorMessage(update.error, t)}
            </Alert>
          ) : null}
          <TextInput
            label={t("users.fields.displayName")}
            required
            data-autofocus
            {...form.getInputProps("displayName")}
          />
          <Select
            label={t("users.fields.role")}
            description={isSelf ? t("users.edit.ownRole") : undefined}
            data={roleOptions(t)}
            allowDeselect={false}
            disabled={isSelf}
            required
            {...form.getInputProps("role")}
          />
          <Select
            label={t("users.fields.clearance")}
            description={t("clearances.hint")}
            data={clearanceOptions(t)}
            allowDeselect={false}
            required
            {...form.getInputProps("clearance")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
