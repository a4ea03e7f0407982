import { Code, Drawer, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../domain/platform/schemas.js";
import { isRole } from "../../../domain/platform/vocabulary.js";
import { useFormat } from "../../format.js";
import { useLastPresent } from "../shell/use-last-present.js";
import { eventLabel } from "./event-label.js";
import { OutcomeBadge } from "./outcome-badge.js";

function Field({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <Stack gap={0} component="div">
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} ff={mono ? "monospace" : undefined} className="break-all">
        {children ?? "—"}
      </Text>
    </Stack>
  );
}

type Props = { entry: AuditEntry | null; onClose: () => void };

/** Every stored field of one entry, including its details and the hash that chains it. */
export function AuditEntryDrawer({ entry, onClose }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = useLastPresent(entry);
  const role =
    shown?.actorRole && isRole(shown.actorRole) ? t(`roles.names.${shown.actorRole}`) : shown?.actorRole;
  return (
    <Drawer
      opened={entry !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={shown ? t("audit.entry.title", { seq: shown.seq }) : ""}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
    >
      {shown ? (
        <Stack gap="lg">
          <Group gap="sm">
            <OutcomeBadge outcome={shown.outcome} />
            <Text fw={600}>{eventLabel(shown.eventType, t)}</Text>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
            <Field label={t("audit.entry.seq")} mono>
              {shown.seq}
            </Field>
            <Field label={t("audit.entry.time")}>
              {format.dateTime(shown.ts)}
              <br />
              <Text span size="xs" ff="monospace">
                {shown.ts}
              </Text>
            </Field>
            <Field label={t("audit.entry.eventType")} mono>
              {shown.eventType}
            </Field>
            <Field label={t("audit.entry.outcome")}>{t(`audit.outcomes.${shown.outcome}`)}</Field>
            <Field label={t("audit.entry.actorUsername")} mono>
              {shown.actorUsername}
            </Field>
            <Field label={t("audit.entry.actorRole")}>{role}</Field>
            <Field label={t("audit.entry.actorId")} mono>
              {shown.actorId}
            </Field>
            <Field label={t("audit.entry.sessionId")} mono>
              {shown.sessionId}
            </Field>
            <Field label={t("audit.entry.objectType")} mono>
              {shown.objectType}
            </Field>
            <Field label={t("audit.entry.objectId")} mono>
              {shown.objectId}
            </Field>
            <Field label={t("audit.entry.sourceIp")} mono>
              {shown.sourceIp}
            </Field>
            <Field label={t("audit.entry.requestId")} mono>
              {shown.requestId}
            </Field>
            <Field label={t("audit.entry.node")} mono>
              {shown.node}
            </Field>
            <Field label={t("audit.entry.userAgent")}>{shown.userAgent}</Field>
          </SimpleGrid>
          <section aria-labelledby="audit-entry-details">
            <Title order={3} size="h5" id="audit-entry-details" mb="xs">
              {t("audit.entry.details")}
            </Title>
            <Code block>{JSON.stringify(shown.details, null, 2)}</Code>
          </section>
          <section aria-labelledby="audit-entry-hash">
            <Title order={3} size="h5" id="audit-entry-hash" mb="xs">
              {t("audit.entry.hash")}
            </Title>
            <Code block className="break-all" style={{ whiteSpace: "pre-wrap" }}>
              {shown.hash}
            </Code>
          </section>
        </Stack>
      ) : null}
    </Drawer>
  );
}
