import { Card, Radio, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LOCALES, type Locale, okSchema, type SessionResponse } from "../../../domain/platform/schemas.js";
import { request } from "../../api/client.js";
import { errorMessage } from "../../api/errors.js";
import { applyLocale, currentLocale, i18n } from "../../i18n/i18n.js";
import { isLocale } from "../../i18n/locale.js";
import { SESSION_KEY } from "../auth/session.js";
import { notifyError, notifySuccess } from "../shell/notify.js";

/** The interface language saved with the account, used on every device after sign-in. */
export function LanguagePreference() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (locale: Locale) =>
      request("/api/auth/preferences", { method: "PUT", body: { locale }, schema: okSchema }),
    onSuccess: (_result, locale) => {
      queryClient.setQueryData<SessionResponse>(SESSION_KEY, (previous) =>
        previous?.user ? { ...previous, user: { ...previous.user, locale } } : previous,
      );
      notifySuccess(i18n.t("profile.languageSaved"));
    },
    onError: (error) => notifyError(t("language.notSaved"), errorMessage(error, t)),
  });
  const choose = async (value: string) => {
    if (!isLocale(value)) return;
    await applyLocale(value);
    save.mutate(value);
  };
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="profile-language">
      <Title order={2} size="h4" id="profile-language" mb="xs">
        {t("profile.language")}
      </Title>
      <Text size="sm" mb="md">
        {t("profile.languageHint")}
      </Text>
      <Radio.Group
        value={currentLocale()}
        onChange={(value) => void choose(value)}
        label={t("profile.languageLabel")}
      >
        <Stack gap="xs" mt="xs">
          {LOCALES.map((locale) => (
            <Radio key={locale} value={locale} label={t(`language.names.${locale}`)} lang={locale} />
          ))}
        </Stack>
      </Radio.Group>
    </Card>
  );
}
