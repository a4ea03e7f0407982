import { Alert, Button, Center, List, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { mfaEnrolmentSchema } from "../../../domain/platform/schemas.js";
import { request } from "../../api/client.js";
import { errorMessage, hasCode } from "../../api/errors.js";
import { TotpCodeForm } from "./totp-code-form.js";
import { TotpSecret } from "./totp-secret.js";

type Props = {
  onSuccess: (csrfToken: string) => Promise<void>;
  onSessionEnded: (message: string) => void;
};

function startEnrolment() {
  return request("/api/auth/mfa/enrolment", {
    method: "POST",
    schema: mfaEnrolmentSchema,
    redirectOnSignInRequired: false,
  });
}

/** First sign-in: connect an authenticator app by QR code or by typing the key. */
export function EnrolAuthenticator({ onSuccess, onSessionEnded }: Props) {
  const { t } = useTranslation();
  const enrolment = useMutation({
    mutationFn: startEnrolment,
    onError: (error) => {
      if (hasCode(error, "session_ended", "unauthenticated")) onSessionEnded(errorMessage(error, t));
    },
  });
  // Each start issues a new secret, so it must run once per visit (not twice under StrictMode).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    enrolment.mutate();
  }, [enrolment.mutate]);

  if (enrolment.isError) {
    return (
      <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("mfa.enrolFailed")}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{errorMessage(enrolment.error, t)}</Text>
          <Button size="xs" variant="default" onClick={() => enrolment.mutate()}>
            {t("common.tryAgain")}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (!enrolment.data) {
    return (
      <Center py="xl" role="status">
        <Loader role="status" aria-label={t("mfa.preparing")} />
      </Center>
    );
  }
  const { secret, qrSvg } = enrolment.data;
  return (
    <Stack gap="lg">
      <Text>{t("mfa.enrolIntro")}</Text>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="mfa-step-app">
        <Title order={2} size="h5" id="mfa-step-app" mb="xs">
          {t("mfa.stepApp")}
        </Title>
        <Text size="sm">{t("mfa.stepAppText")}</Text>
      </Paper>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="mfa-step-scan">
        <Title order={2} size="h5" id="mfa-step-scan" mb="xs">
          {t("mfa.stepScan")}
        </Title>
        <Stack gap="sm">
          <img
            className="qr-code"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`}
            alt={t("mfa.qrAlt")}
          />
          <Text size="sm">{t("mfa.manualEntry")}</Text>
          <TotpSecret secret={secret} />
          <List size="sm" spacing={2}>
            <List.Item>{t("mfa.manualType")}</List.Item>
            <List.Item>{t("mfa.manualDigits")}</List.Item>
          </List>
        </Stack>
      </Paper>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="mfa-step-confirm">
        <Title order={2} size="h5" id="mfa-step-confirm" mb="xs">
          {t("mfa.stepConfirm")}
        </Title>
        <TotpCodeForm
          endpoint="/api/auth/mfa/enrolment/confirm"
          submitLabel={t("mfa.confirm")}
          onSuccess={onSuccess}
          onSessionEnded={onSessionEnded}
        />
      </Paper>
    </Stack>
  );
}
