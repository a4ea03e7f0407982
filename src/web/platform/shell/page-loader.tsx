import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The spinner is a status region with a name (an aria-label on a plain span would be invalid). */

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader size="md" role="status" aria-label={t("common.loading")} />
    </Center>
  );
}

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Loader size="lg" role="status" aria-label={t("common.loading")} />
    </Center>
  );
}
