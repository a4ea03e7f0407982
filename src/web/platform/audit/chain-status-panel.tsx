import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconShieldCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { AuditVerification } from "../../../domain/platform/schemas.js";
import { errorMessage } from "../../api/errors.js";
import { useFormat } from "../../format.js";
import { usePermission } from "../auth/session.js";
import { verifyAuditChain } from "./audit-api.js";

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600}>
        {value}
      </Text>
    </Stack>
  );
}

function Result({ result }: { result: AuditVerification }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Badge size="lg" color={result.ok ? "green" : "red"}>
          {result.ok ? t("audit.chain.ok") : t("audit.chain.broken")}
        </Badge>
        <Text size="sm" fw={600}>
          {result.ok
            ? t("audit.chain.okText", { entries: format.number(result.entriesChecked) })
            : t("audit.chain.brokenAt", { seq: result.firstBad?.seq ?? "?" })}
        </Text>
      </Group>
      {result.firstBad ? (
        <Text size="sm">
          {t("audit.chain.reason", { reason: result.firstBad.reason, detail: result.firstBad.detail })}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="md">
        <Fact label={t("audit.chain.entriesChecked")} value={format.number(result.entriesChecked)} />
        <Fact label={t("audit.chain.checkpoints")} value={format.number(result.checkpointsChecked)} />
        <Fact label={t("audit.chain.lastSeq")} value={format.number(result.lastSeq)} />
        <Fact label={t("audit.chain.verifiedAt")} value={format.dateTime(result.verifiedAt)} />
        <Fact
          label={t("audit.chain.duration")}
          value={t("audit.chain.milliseconds", { ms: format.number(Math.round(result.durationMs)) })}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** Integrity of the hash chain, checked on demand (it reads every entry and is itself audited). */
export function ChainStatusPanel() {
  const { t } = useTranslation();
  const canVerify = usePermission("audit.verify");
  const verification = useMutation({ mutationFn: verifyAuditChain });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="audit-chain-heading">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id="audit-chain-heading">
            {t("audit.chain.title")}
          </Title>
          <Text size="sm">{t("audit.chain.hint")}</Text>
        </Stack>
        {canVerify ? (
          <Button
            leftSection={<IconShieldCheck size={18} aria-hidden />}
            onClick={() => verification.mutate()}
            loading={verification.isPending}
          >
            {t("audit.chain.verify")}
          </Button>
        ) : null}
      </Group>
      <div data-testid="audit-chain-status" role="status" aria-live="polite">
        {verification.data ? <Result result={verification.data} /> : null}
        {verification.isError ? (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("audit.chain.failed")}>
            {errorMessage(verification.error, t)}
          </Alert>
        ) : null}
        {verification.isIdle ? (
          <Text size="sm">{canVerify ? t("audit.chain.notYet") : t("audit.chain.noPermission")}</Text>
        ) : null}
        {verification.isPending ? <Text size="sm">{t("audit.chain.running")}</Text> : null}
      </div>
    </Paper>
  );
}
