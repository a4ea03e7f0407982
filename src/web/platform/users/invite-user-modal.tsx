import { Alert, Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import {
  displayNameSchema,
  localeSchema,
  roleSchema,
  usernameSchema,
} from "../../../domain/platform/schemas.js";
import { errorMessage, fieldErrors } from "../../api/errors.js";
import { currentLocale, i18n } from "../../i18n/i18n.js";
import { notifySuccess } from "../shell/notify.js";
import { localeOptions, roleOptions } from "./role-options.js";
import { createUser, USERS_KEY, type UserWithInvitation } from "./users-api.js";

type Values = { username: string; displayName: string; role: string | null; locale: string | null };
const FIELDS = ["username", "displayName", "role", "locale"] as const;

type Props = {
  opened: boolean;
  onClose: () => void;
  onExited: () => void;
  onCreated: (result: UserWithInvitation) => void;
};

export function InviteUserModal({ opened, onClose, onExited, onCreated }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { username: "", displayName: "", role: null, locale: currentLocale() },
    validate: {
      username: (value) => (usernameSchema.safeParse(value).success ? null : i18n.t("validation.username")),
      displayName: (value) =>
        displayNameSchema.safeParse(value).success ? null : i18n.t("validation.displayName"),
      role: (value) => (roleSchema.safeParse(value).success ? null : i18n.t("validation.role")),
      locale: (value) => (localeSchema.safeParse(value).success ? null : i18n.t("validation.locale")),
    },
  });
  const create = useMutation({
    mutationFn: (values: Values) =>
      createUser({
        username: values.username.trim().toLowerCase(),
        displayName: values.displayName.trim(),
        role: roleSchema.parse(values.role),
        locale: localeSchema.parse(values.locale),
      }),
    onSuccess: async (result) => {
      notifySuccess(i18n.t("users.invite.done", { username: result.user.username }));
      form.reset();
      onCreated(result);
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
    },
    onError: (error) => form.setErrors(fieldErrors(error, FIELDS, t)),
  });
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      onExitTransitionEnd={onExited}
      title={t("users.invite.title")}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      centered
    >
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="md">
          {create.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("users.invite.failed")}>
              {errorMessage(create.error, t)}
            </Alert>
          ) : null}
          <TextInput
            label={t("users.fields.username")}
            description={t("validation.username")}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            data-autofocus
            {...form.getInputProps("username")}
          />
          <TextInput
            label={t("users.fields.displayName")}
            autoComplete="off"
            required
            {...form.getInputProps("displayName")}
          />
          <Select
            label={t("users.fields.role")}
            placeholder={t("users.invite.chooseRole")}
            data={roleOptions(t)}
            allowDeselect={false}
            required
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("role")}
          />
          <Select
            label={t("users.fields.language")}
            description={t("users.invite.languageHint")}
            data={localeOptions(t)}
            allowDeselect={false}
            required
            {...form.getInputProps("locale")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("users.invite.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
