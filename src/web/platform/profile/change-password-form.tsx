import { Alert, Button, Card, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { okSchema } from "../../../domain/platform/schemas.js";
import { request } from "../../api/client.js";
import { errorMessage, fieldErrors } from "../../api/errors.js";
import { i18n } from "../../i18n/i18n.js";
import { NewPasswordFields } from "../auth/new-password-fields.js";
import { PasswordField } from "../auth/password-field.js";
import { checkConfirmation, checkNewPassword } from "../auth/password-rules.js";
import { notifySuccess } from "../shell/notify.js";

type Values = { currentPassword: string; newPassword: string; confirmation: string };
const FIELDS = ["currentPassword", "newPassword"] as const;

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { currentPassword: "", newPassword: "", confirmation: "" },
    validate: {
      currentPassword: (value) => (value ? null : i18n.t("profile.currentPasswordRequired")),
      newPassword: (value, values) =>
        checkNewPassword(value) ??
        (value === values.currentPassword ? i18n.t("errors.codes.password_unchanged") : null),
      confirmation: (value, values) => checkConfirmation(value, values.newPassword),
    },
  });
  const change = useMutation({
    mutationFn: (values: Values) =>
      request("/api/auth/password", {
        method: "POST",
        body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
        schema: okSchema,
      }),
    onSuccess: () => {
      form.reset();
      notifySuccess(i18n.t("profile.passwordChanged"));
    },
    onError: (error) => form.setErrors(fieldErrors(error, FIELDS, t)),
  });
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="profile-password">
      <Title order={2} size="h4" id="profile-password" mb="xs">
        {t("profile.changePassword")}
      </Title>
      <Text size="sm" mb="md">
        {t("profile.changePasswordHint")}
      </Text>
      <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
        <Stack gap="md" maw={460}>
          {change.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("profile.passwordNotChanged")}>
              {errorMessage(change.error, t)}
            </Alert>
          ) : null}
          <PasswordField
            label={t("profile.currentPassword")}
            autoComplete="current-password"
            required
            {...form.getInputProps("currentPassword")}
          />
          <NewPasswordFields
            password={form.getInputProps("newPassword")}
            confirmation={form.getInputProps("confirmation")}
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: "flex-start" }}>
            {t("profile.changePasswordSubmit")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
