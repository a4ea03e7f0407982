import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../../domain/platform/vocabulary.js";

/** What makes a good password here: length, no composition rules, unrelated words. */
export function PasswordGuidance() {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {t("password.guidanceTitle")}
      </Text>
      <List size="sm" spacing={2}>
        <List.Item>
          {t("password.guidanceLength", { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
        </List.Item>
        <List.Item>{t("password.guidanceNoRules")}</List.Item>
        <List.Item>{t("password.guidanceWords")}</List.Item>
        <List.Item>{t("password.guidanceNotPersonal")}</List.Item>
      </List>
    </div>
  );
}
