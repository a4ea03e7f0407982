import { Alert, Button, CopyButton, Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconCheck, IconCopy, IconLanguage } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../domain/platform/schemas.js";
import type { ReportQuery } from "../../domain/reports/schemas.js";
import { errorMessage } from "../api/errors.js";
import { useStatement } from "./reports-api.js";

/**
 * The figures as a press office would state them, written by the server from templates
 * in the interface language; the other language is one click away, and either is copied
 * as it stands.
 */
export function StatementPanel({ query }: { query: ReportQuery }) {
  const { t, i18n } = useTranslation();
  const interfaceLanguage: Locale = i18n.language === "ru" ? "ru" : "en";
  const other: Locale = interfaceLanguage === "ru" ? "en" : "ru";
  const [showOther, setShowOther] = useState(false);
  const lang = showOther ? other : interfaceLanguage;
  const statement = useStatement(query, lang);
  const text = statement.data?.text ?? "";
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="statement-heading">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} size="h4" id="statement-heading">
          {t("reports.statement.title")}
        </Title>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconLanguage size={16} aria-hidden />}
            onClick={() => setShowOther((value) => !value)}
          >
            {t(`reports.statement.showIn.${showOther ? interfaceLanguage : other}`)}
          </Button>
          <CopyButton value={text}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant={copied ? "light" : "filled"}
                color={copied ? "green" : undefined}
                leftSection={
                  copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                }
                onClick={copy}
                disabled={!text}
              >
                {copied ? t("reports.statement.copied") : t("reports.statement.copy")}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t("reports.statement.hint")}
      </Text>
      {statement.isError ? (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("reports.statement.loadFailed")}>
          {errorMessage(statement.error, t)}
        </Alert>
      ) : null}
      {statement.isPending ? (
        <Stack gap={6} aria-hidden>
          <Skeleton height={12} />
          <Skeleton height={12} />
          <Skeleton height={12} width="70%" />
        </Stack>
      ) : null}
      {statement.data ? (
        <Text
          component="blockquote"
          m={0}
          p="sm"
          lang={statement.data.lang}
          data-testid="statement-text"
          style={{
            borderLeft: "3px solid var(--mantine-color-navy-6)",
            background: "var(--mantine-color-gray-0)",
          }}
          aria-live="polite"
        >
          {statement.data.text}
        </Text>
      ) : null}
    </Paper>
  );
}
