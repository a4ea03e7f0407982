import { Button, Menu } from "@mantine/core";
import { IconCheck, IconChevronDown, IconLanguage } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LOCALES, type Locale, okSchema, type SessionResponse } from "../../../domain/platform/schemas.js";
import { request } from "../../api/client.js";
import { errorMessage } from "../../api/errors.js";
import { applyLocale, currentLocale } from "../../i18n/i18n.js";
import { SESSION_KEY, useSession } from "../auth/session.js";
import { notifyError } from "./notify.js";

function saveLocale(locale: Locale) {
  return request("/api/auth/preferences", { method: "PUT", body: { locale }, schema: okSchema });
}

/** English / Русский. Signed-in users also get the choice saved with their account. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: saveLocale,
    onSuccess: (_result, locale) => {
      queryClient.setQueryData<SessionResponse>(SESSION_KEY, (previous) =>
        previous?.user ? { ...previous, user: { ...previous.user, locale } } : previous,
      );
    },
    onError: (error) => notifyError(t("language.notSaved"), errorMessage(error, t)),
  });
  const active = currentLocale();

  const choose = async (locale: Locale) => {
    await applyLocale(locale);
    if (session.authenticated) save.mutate(locale);
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          c="dark"
          leftSection={<IconLanguage size={18} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={t("language.switchLabel", { language: t(`language.names.${active}`) })}
        >
          {t(`language.names.${active}`)}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LOCALES.map((locale) => (
          <Menu.Item
            key={locale}
            lang={locale}
            onClick={() => void choose(locale)}
            aria-current={locale === active ? "true" : undefined}
            leftSection={
              locale === active ? <IconCheck size={16} aria-hidden /> : <span style={{ width: 16 }} />
            }
          >
            {t(`language.names.${locale}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
