import { Alert, Button, Center, Loader, Paper, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconCircleCheck } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { invitationInfoSchema, okSchema } from "../../../domain/platform/schemas.js";
import { request } from "../../api/client.js";
import { errorMessage, fieldErrors, hasCode } from "../../api/errors.js";
import { PageHeader } from "../shell/page-header.js";
import { InvalidLink } from "./invalid-link.js";
import { NewPasswordFields } from "./new-password-fields.js";
import { dropTokenFromAddress, tokenFromHash } from "./one-time-token.js";
import { checkConfirmation, checkNewPassword } from "./password-rules.js";

type Values = { password: string; confirmation: string };

function inspect(token: string) {
  // The token travels in the body, never in a URL that a log could keep.
  return request("/api/invitations/inspect", {
    method: "POST",
    body: { token },
    schema: invitationInfoSchema,
  });
}

/** An invited user (or one whose access was reset) chooses a password. */
export function InvitationPage() {
  const { t } = useTranslation();
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const invitation = useQuery({
    queryKey: ["invitation", token],
    queryFn: () => inspect(token ?? ""),
    enabled: token !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { password: "", confirmation: "" },
    validate: {
      password: (value) => checkNewPassword(value),
      confirmation: (value, values) => checkConfirmation(value, values.password),
    },
  });
  const accept = useMutation({
    mutationFn: (values: Values) =>
      request("/api/invitations/accept", {
        method: "POST",
        body: { token, password: values.password },
        schema: okSchema,
      }),
    onSuccess: () => dropTokenFromAddress(),
    onError: (error) => form.setErrors(fieldErrors(error, ["password"] as const, t)),
  });

  const header = <PageHeader title={t("invitation.title")} description={t("invitation.subtitle")} />;
  if (!token) {
    return (
      <>
        {header}
        <InvalidLink message={t("invitation.noToken")} />
      </>
    );
  }
  if (invitation.isPending) {
    return (
      <>
        {header}
        <Center py="xl" role="status">
          <Loader role="status" aria-label={t("common.loading")} />
        </Center>
      </>
    );
  }
  if (invitation.isError || hasCode(accept.error, "invalid_link")) {
    const error = invitation.isError ? invitation.error : accept.error;
    return (
      <>
        {header}
        <InvalidLink message={errorMessage(error, t)} />
      </>
    );
  }
  const { username, displayName } = invitation.data;
  if (accept.isSuccess) {
    return (
      <>
        {header}
        <Stack gap="md" align="flex-start">
          <Alert
            color="green"
            icon={<IconCircleCheck aria-hidden />}
            title={t("invitation.doneTitle")}
            role="status"
            w="100%"
          >
            {t("invitation.doneText", { username })}
          </Alert>
          <Button component={Link} to="/login" state={{ username }}>
            {t("links.goToSignIn")}
          </Button>
        </Stack>
      </>
    );
  }
  return (
    <>
      {header}
      <Stack gap="md">
        <Text size="lg" fw={600}>
          {t("invitation.greeting", { name: displayName })}
        </Text>
        <Text>{t("invitation.intro", { username })}</Text>
        {accept.isError ? (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("invitation.failedTitle")}>
            {errorMessage(accept.error, t)}
          </Alert>
        ) : null}
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={form.onSubmit((values) => accept.mutate(values))} noValidate>
            <Stack gap="md">
              {/* Lets password managers store the new password under the right user name. */}
              <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
              <NewPasswordFields
                password={form.getInputProps("password")}
                confirmation={form.getInputProps("confirmation")}
              />
              <Button type="submit" loading={accept.isPending}>
                {t("invitation.submit")}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </>
  );
}
