import { Button, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "./page-header.js";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("notFound.title")} />
      <Text mb="lg">{t("notFound.text")}</Text>
      <Button component={Link} to="/">
        {t("notFound.home")}
      </Button>
    </>
  );
}
