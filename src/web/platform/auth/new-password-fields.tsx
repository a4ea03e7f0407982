import { type PasswordInputProps, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PASSWORD_MIN_LENGTH } from "../../../domain/platform/vocabulary.js";
import { PasswordField } from "./password-field.js";
import { PasswordGuidance } from "./password-guidance.js";

type Props = {
  /** From form.getInputProps: value, onChange, error. */
  password: PasswordInputProps;
  confirmation: PasswordInputProps;
  passwordLabel?: string;
};

/** A new password, typed twice, with the guidance linked to the field for screen readers. */
export function NewPasswordFields({ password, confirmation, passwordLabel }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PasswordGuidance />
      <PasswordField
        label={passwordLabel ?? t("password.new")}
        autoComplete="new-password"
        required
        description={t("password.fieldHint", { min: PASSWORD_MIN_LENGTH })}
        {...password}
      />
      <PasswordField label={t("password.confirm")} autoComplete="new-password" required {...confirmation} />
    </Stack>
  );
}
