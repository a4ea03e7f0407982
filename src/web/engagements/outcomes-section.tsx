import { Anchor, Badge, Button, Group, Paper, Spoiler, Stack, Text } from "@mantine/core";
import { IconCheck, IconTrash, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ActionItem, OutcomeView } from "../../domain/engagements/schemas.js";
import { usePermission } from "../platform/auth/session.js";
import { ExternalLink } from "../platform/shell/external-link.js";
import { ActionStatusBadge, DueStateBadge } from "./engagement-badges.js";
import { formatDay, formatPartialDate, textIn, titleIn } from "./labels.js";
import { mayRemoveOutcome } from "./remove-outcome-values.js";
import { SourceLine } from "./source-line.js";

type InvitationOutcome = Extract<OutcomeView, { kind: "invitation" }>;
export type InvitationAnswerKind = "accepted" | "declined";

type Props = {
  outcomes: readonly OutcomeView[];
  actionItems: readonly ActionItem[];
  onAnswer: ((outcome: InvitationOutcome, answer: InvitationAnswerKind, trigger: HTMLElement) => void) | null;
  /** Opens the confirmation of removing an outcome; null when the reader may not write. */
  onRemove?: ((outcome: OutcomeView, trigger: HTMLElement) => void) | null;
};

const INVITATION_COLORS = { pending: "orange", accepted: "green", declined: "gray" } as const;

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Text size="sm" component="div">
      <Text span size="sm" fw={600}>
        {label}:
      </Text>{" "}
      {children}
    </Text>
  );
}

function OutcomeBody({
  outcome,
  actionItems,
  onAnswer,
}: { outcome: OutcomeView } & Omit<Props, "outcomes" | "onRemove">) {
  const { t, i18n } = useTranslation();
  const russian = i18n.language === "ru";
  const canWrite = usePermission("engagements.write");
  switch (outcome.kind) {
    case "instrument_signed":
    case "programme_adopted": {
      const instrument = outcome.instrument;
      return (
        <Stack gap={4}>
          <Text size="sm">
            <Anchor
              underline="always"
              component={Link}
              to={`/registry/instruments/${instrument.id}`}
              fw={600}
              size="sm"
            >
              {titleIn(instrument, i18n.language)}
            </Anchor>{" "}
            <Text span size="xs" ff="monospace" c="dimmed">
              {instrument.code}
            </Text>
          </Text>
          <Detail label={t("engagements.outcomes.parties")}>
            {outcome.parties.map((party) => (russian ? party.nameRu : party.nameEn)).join(", ") || "—"}
          </Detail>
          {instrument.termEnd ? (
            <Detail label={t("engagements.outcomes.termEnds")}>{formatDay(instrument.termEnd, t)}</Detail>
          ) : null}
        </Stack>
      );
    }
    case "commitment": {
      const item = actionItems.find((candidate) => candidate.id === outcome.actionItemId);
      return (
        <Stack gap={4}>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }} lang={russian && outcome.textRu ? "ru" : "en"}>
            {textIn(outcome.textEn, outcome.textRu, i18n.language)}
          </Text>
          {item ? (
            <Detail label={t("engagements.outcomes.actionItem")}>
              <Anchor underline="always" href={`#action-${item.id}`} size="sm">
                {item.title}
              </Anchor>
              {" · "}
              {item.owner.name}
              {" · "}
              {t("engagements.actions.dueOn", { date: formatDay(item.dueOn, t) })}{" "}
              <ActionStatusBadge status={item.status} /> <DueStateBadge state={item.dueState} />
            </Detail>
          ) : null}
        </Stack>
      );
    }
    case "invitation":
      return (
        <Stack gap={4}>
          <Text size="sm">
            {t(`engagements.outcomes.invitation.${outcome.direction}`, { counterpart: outcome.counterpart })}
          </Text>
          <Detail label={t("engagements.outcomes.invitation.event")}>
            {textIn(outcome.eventEn, outcome.eventRu, i18n.language)}
          </Detail>
          {outcome.expectedOn ? (
            <Detail label={t("engagements.outcomes.invitation.expectedOn")}>
              {formatPartialDate(outcome.expectedOn, t)}
            </Detail>
          ) : null}
          <Group gap="xs">
            <Badge color={INVITATION_COLORS[outcome.status]} variant="light">
              {t(`engagements.vocab.invitationStatuses.${outcome.status}`)}
            </Badge>
            {outcome.answeredOn ? (
              <Text size="xs" c="dimmed">
                {t("engagements.outcomes.invitation.answeredOn", { date: formatDay(outcome.answeredOn, t) })}
              </Text>
            ) : null}
            {outcome.engagement ? (
              <Anchor component={Link} to={`/engagements/${outcome.engagement.id}`} size="sm">
                {t("engagements.outcomes.invitation.planned", {
                  title: titleIn(outcome.engagement, i18n.language),
                })}
              </Anchor>
            ) : null}
          </Group>
          {canWrite && onAnswer && outcome.status === "pending" ? (
            <Group gap="xs" mt={4}>
              <Button
                size="xs"
                leftSection={<IconCheck size={14} aria-hidden />}
                onClick={(event) => onAnswer(outcome, "accepted", event.currentTarget)}
              >
                {t("engagements.outcomes.invitation.accept")}
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconX size={14} aria-hidden />}
                onClick={(event) => onAnswer(outcome, "declined", event.currentTarget)}
              >
                {t("engagements.outcomes.invitation.decline")}
              </Button>
            </Group>
          ) : null}
        </Stack>
      );
    case "statement":
      return (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {textIn(outcome.titleEn, outcome.titleRu, i18n.language)}
          </Text>
          {outcome.text ? (
            <Spoiler
              maxHeight={96}
              showLabel={t("engagements.outcomes.showMore")}
              hideLabel={t("engagements.outcomes.showLess")}
            >
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {outcome.text}
              </Text>
            </Spoiler>
          ) : null}
          {outcome.url ? (
            <Text size="sm">
              <ExternalLink href={outcome.url}>{t("engagements.outcomes.statementLink")}</ExternalLink>
            </Text>
          ) : null}
        </Stack>
      );
    case "case_discussed":
      return (
        <Text size="sm">
          <Anchor
            underline="always"
            component={Link}
            to={`/cases/${encodeURIComponent(outcome.case.reference)}`}
            ff="monospace"
            fw={600}
            size="sm"
          >
            {outcome.case.reference}
          </Anchor>{" "}
          {outcome.case.title}
        </Text>
      );
  }
}

/** What the engagement produced, each outcome with its day, its content and its source. */
export function OutcomesList({ outcomes, actionItems, onAnswer, onRemove = null }: Props) {
  const { t } = useTranslation();
  const registryWrite = usePermission("registry.write");
  if (outcomes.length === 0) return <Text size="sm">{t("engagements.outcomes.none")}</Text>;
  return (
    <Stack gap="sm" component="ul" className="nav-list">
      {outcomes.map((outcome) => (
        <Paper
          key={outcome.id}
          withBorder
          p="sm"
          radius="md"
          component="li"
          data-testid={`outcome-${outcome.kind}`}
        >
          <Group justify="space-between" align="flex-start" gap="xs" mb={6}>
            <Badge color="navy" variant="outline">
              {outcome.kind === "commitment"
                ? t(`engagements.vocab.commitmentKinds.${outcome.commitmentKind}`)
                : t(`engagements.vocab.outcomeKinds.${outcome.kind}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {formatDay(outcome.date, t)}
            </Text>
          </Group>
          <OutcomeBody outcome={outcome} actionItems={actionItems} onAnswer={onAnswer} />
          {outcome.note ? (
            <Text size="sm" c="dimmed" mt={4} style={{ whiteSpace: "pre-wrap" }}>
              {outcome.note}
            </Text>
          ) : null}
          {outcome.source ? (
            <Text size="xs" mt={6} component="div">
              <Text span size="xs" fw={600}>
                {t("engagements.sources.source")}:
              </Text>{" "}
              <SourceLine source={outcome.source} size="xs" />
            </Text>
          ) : null}
          {onRemove && mayRemoveOutcome(outcome, { engagementsWrite: true, registryWrite }) ? (
            <Group justify="flex-end" mt={6}>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} aria-hidden />}
                onClick={(event) => onRemove(outcome, event.currentTarget)}
              >
                {t("engagements.outcomes.remove")}
              </Button>
            </Group>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}
