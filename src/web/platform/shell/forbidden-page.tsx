import { Button, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "./page-header.js";

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("forbidden.title")} />
      <Text mb="lg">{t("forbidden.text")}</Text>
      <Button component={Link} to="/">
        {t("notFound.home")}
      </Button>
    </>
  );
}
