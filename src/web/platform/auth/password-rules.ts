import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../../domain/platform/vocabulary.js";
import { i18n } from "../../i18n/i18n.js";

/** Length in Unicode code points after NFKC, as the server counts it. */
export function passwordLength(password: string): number {
  return [...password.normalize("NFKC")].length;
}

/**
 * The rules the browser can check before sending: length only. Common, personal and
 * guessable passwords are refused by the server, which has the lists.
 */
export function checkNewPassword(password: string): string | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return i18n.t("password.tooShort", { min: PASSWORD_MIN_LENGTH, length });
  if (length > PASSWORD_MAX_LENGTH) return i18n.t("password.tooLong", { max: PASSWORD_MAX_LENGTH });
  return null;
}

export function checkConfirmation(confirmation: string, password: string): string | null {
  return confirmation === password ? null : i18n.t("password.mismatch");
}
