import { Alert, Button, Code, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconInfoCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { loginResponseSchema } from "../../../domain/platform/schemas.js";
import { request, setCsrfToken } from "../../api/client.js";
import { errorMessage } from "../../api/errors.js";
import { i18n } from "../../i18n/i18n.js";
import { PageHeader } from "../shell/page-header.js";
import { clearSignInReason, peekSignInReason, safeNextPath, withNext } from "./next-path.js";
import { PasswordField } from "./password-field.js";
import { refreshSession, useSession } from "./session.js";

const CREATE_ADMIN_COMMAND = "npx comity users create-admin --username <name>";

type Values = { username: string; password: string };

function reasonMessage(reason: string | null): string | null {
  if (reason === "session_ended") return i18n.t("login.reasons.sessionEnded");
  if (reason === "unauthenticated" || reason === "mfa_required")
    return i18n.t("login.reasons.signInRequired");
  return null;
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get("next"));
  const [reason] = useState(() => {
    const state = location.state as { notice?: string } | null;
    return state?.notice ?? reasonMessage(peekSignInReason());
  });
  useEffect(() => clearSignInReason(), []);

  const prefilled = (location.state as { username?: string } | null)?.username ?? "";
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { username: prefilled, password: "" },
    validate: {
      username: (value) => (value.trim() ? null : i18n.t("login.usernameRequired")),
      password: (value) => (value ? null : i18n.t("login.passwordRequired")),
    },
  });

  const signIn = useMutation({
    mutationFn: (values: Values) =>
      request("/api/auth/login", {
        method: "POST",
        body: { username: values.username.trim(), password: values.password },
        schema: loginResponseSchema,
        redirectOnSignInRequired: false,
      }),
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      await refreshSession(queryClient);
      await navigate(withNext("/login/mfa", next), { replace: true });
    },
    onError: () => form.setFieldValue("password", ""),
  });

  if (session.authenticated) return <Navigate to={next} replace />;
  if (session.user && (session.mfa === "enrol" || session.mfa === "verify")) {
    return <Navigate to={withNext("/login/mfa", next)} replace />;
  }

  return (
    <>
      <PageHeader title={t("login.title")} description={t("login.subtitle")} />
      <Stack gap="md">
        {session.setupRequired ? (
          <Alert
            color="navy"
            icon={<IconInfoCircle aria-hidden />}
            title={t("login.setupRequiredTitle")}
            role="status"
          >
            <Stack gap="xs">
              <Text size="sm">{t("login.setupRequiredText")}</Text>
              <Text size="sm">{t("login.setupRequiredCommand")}</Text>
              <Code block>{CREATE_ADMIN_COMMAND}</Code>
            </Stack>
          </Alert>
        ) : null}
        {reason && !signIn.isError ? (
          <Alert color="navy" icon={<IconInfoCircle aria-hidden />} role="status">
            {reason}
          </Alert>
        ) : null}
        {signIn.isError ? (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("login.failedTitle")}>
            {errorMessage(signIn.error, t)}
          </Alert>
        ) : null}
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
            <Stack gap="md">
              <TextInput
                label={t("login.username")}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                {...form.getInputProps("username")}
              />
              <PasswordField
                label={t("login.password")}
                autoComplete="current-password"
                required
                {...form.getInputProps("password")}
              />
              <Button type="submit" loading={signIn.isPending} fullWidth>
                {t("login.submit")}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Text size="sm">{t("login.help")}</Text>
      </Stack>
    </>
  );
}
