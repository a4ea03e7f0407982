import { Alert, Button, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconCircleCheck } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { displayNameSchema, usernameSchema, userSchema } from "../../../domain/platform/schemas.js";
import { request } from "../../api/client.js";
import { errorMessage, fieldErrors, hasCode } from "../../api/errors.js";
import { i18n } from "../../i18n/i18n.js";
import { PageHeader } from "../shell/page-header.js";
import { InvalidLink } from "./invalid-link.js";
import { NewPasswordFields } from "./new-password-fields.js";
import { dropTokenFromAddress, tokenFromHash } from "./one-time-token.js";
import { checkConfirmation, checkNewPassword } from "./password-rules.js";
import { refreshSession } from "./session.js";

type Values = { username: string; displayName: string; password: string; confirmation: string };
const FIELDS = ["username", "displayName", "password"] as const;

/** The first administrator, created with the one-time link the server printed at start. */
export function SetupPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { username: "", displayName: "", password: "", confirmation: "" },
    validate: {
      username: (value) => (usernameSchema.safeParse(value).success ? null : i18n.t("validation.username")),
      displayName: (value) =>
        displayNameSchema.safeParse(value).success ? null : i18n.t("validation.displayName"),
      password: (value) => checkNewPassword(value),
      confirmation: (value, values) => checkConfirmation(value, values.password),
    },
  });
  const setup = useMutation({
    mutationFn: (values: Values) =>
      request("/api/setup", {
        method: "POST",
        body: {
          token,
          username: values.username.trim().toLowerCase(),
          displayName: values.displayName.trim(),
          password: values.password,
        },
        schema: userSchema,
      }),
    onSuccess: async () => {
      dropTokenFromAddress();
      await refreshSession(queryClient).catch(() => null);
    },
    onError: (error) => form.setErrors(fieldErrors(error, FIELDS, t)),
  });

  const header = <PageHeader title={t("setup.title")} description={t("setup.subtitle")} />;
  if (!token || hasCode(setup.error, "invalid_link")) {
    return (
      <>
        {header}
        <InvalidLink message={token ? errorMessage(setup.error, t) : t("setup.noToken")} />
      </>
    );
  }
  if (setup.isSuccess) {
    return (
      <>
        {header}
        <Stack gap="md" align="flex-start">
          <Alert
            color="green"
            icon={<IconCircleCheck aria-hidden />}
            title={t("setup.doneTitle")}
            role="status"
            w="100%"
          >
            {t("setup.doneText", { username: setup.data.username })}
          </Alert>
          <Button component={Link} to="/login" state={{ username: setup.data.username }}>
            {t("links.goToSignIn")}
          </Button>
        </Stack>
      </>
    );
  }
  const alreadySetUp = hasCode(setup.error, "already_set_up");
  return (
    <>
      {header}
      <Stack gap="md">
        {setup.isError ? (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("setup.failedTitle")}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{errorMessage(setup.error, t)}</Text>
              {alreadySetUp ? (
                <Button component={Link} to="/login" size="xs" variant="default">
                  {t("links.goToSignIn")}
                </Button>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={form.onSubmit((values) => setup.mutate(values))} noValidate>
            <Stack gap="md">
              <TextInput
                label={t("users.fields.username")}
                description={t("validation.username")}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                {...form.getInputProps("username")}
              />
              <TextInput
                label={t("users.fields.displayName")}
                description={t("setup.displayNameHint")}
                autoComplete="name"
                required
                {...form.getInputProps("displayName")}
              />
              <NewPasswordFields
                password={form.getInputProps("password")}
                confirmation={form.getInputProps("confirmation")}
              />
              <Button type="submit" loading={setup.isPending}>
                {t("setup.submit")}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </>
  );
}
