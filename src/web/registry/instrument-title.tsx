import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

type Titled = { titleEn: string; titleRu: string | null };

/** The title in the interface language first; the other language beneath, when it exists. */
export function titlesOf(instrument: Titled, language: string) {
  if (language === "ru" && instrument.titleRu) {
    return {
      primary: instrument.titleRu,
      primaryLang: "ru",
      secondary: instrument.titleEn,
      secondaryLang: "en",
    };
  }
  return {
    primary: instrument.titleEn,
    primaryLang: "en",
    secondary: instrument.titleRu,
    secondaryLang: "ru",
  };
}

export function InstrumentTitle({
  instrument,
  size = "sm",
}: {
  instrument: Titled;
  size?: "xs" | "sm" | "md";
}) {
  const { i18n } = useTranslation();
  const titles = titlesOf(instrument, i18n.language);
  return (
    <>
      <Text size={size} fw={500} lang={titles.primaryLang}>
        {titles.primary}
      </Text>
      {titles.secondary ? (
        <Text size="xs" c="dimmed" lang={titles.secondaryLang}>
          {titles.secondary}
        </Text>
      ) : null}
    </>
  );
}
