import { Button, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { mfaConfirmResponseSchema, totpCodeSchema } from "../../../domain/platform/schemas.js";
import { request } from "../../api/client.js";
import { errorMessage, hasCode } from "../../api/errors.js";
import { i18n } from "../../i18n/i18n.js";

type Props = {
  endpoint: "/api/auth/mfa/enrolment/confirm" | "/api/auth/mfa/verify";
  submitLabel: string;
  onSuccess: (csrfToken: string) => Promise<void>;
  /** The pending session is gone (expired, or the account was locked by wrong codes). */
  onSessionEnded: (message: string) => void;
};

/** Authenticator apps may show the code as "123 456"; the server wants six digits. */
function normalise(code: string): string {
  return code.replace(/\s+/g, "");
}

export function TotpCodeForm({ endpoint, submitLabel, onSuccess, onSessionEnded }: Props) {
  const { t } = useTranslation();
  const form = useForm({
    mode: "controlled",
    initialValues: { code: "" },
    validate: {
      code: (value) =>
        totpCodeSchema.safeParse(normalise(value)).success ? null : i18n.t("mfa.codeInvalid"),
    },
  });
  const submit = useMutation({
    mutationFn: (code: string) =>
      request(endpoint, {
        method: "POST",
        body: { code },
        schema: mfaConfirmResponseSchema,
        redirectOnSignInRequired: false,
      }),
    onSuccess: (result) => onSuccess(result.csrfToken),
    onError: (error) => {
      if (hasCode(error, "session_ended", "unauthenticated")) {
        onSessionEnded(errorMessage(error, t));
        return;
      }
      form.setFieldValue("code", "");
      form.setFieldError("code", errorMessage(error, t));
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => submit.mutate(normalise(values.code)))} noValidate>
      <Stack gap="md">
        <TextInput
          label={t("mfa.codeLabel")}
          description={t("mfa.codeDescription")}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          {...form.getInputProps("code")}
        />
        <Button type="submit" loading={submit.isPending}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
