import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconAlertCircle, IconFileTypePdf, IconFlask, IconPencil, IconPlus } from "@tabler/icons-react";
import { type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ActionItem, OutcomeView } from "../../domain/engagements/schemas.js";
import { ConfidentialityBadge } from "../cases/case-badges.js";
import { useStateNames } from "../directory/state-names.js";
import { usePermission, useSession } from "../platform/auth/session.js";
import { DemoBadge } from "../platform/shell/demo-badge.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { ActionItemModal } from "./action-item-modal.js";
import { ActionItemsTable, canWorkItem } from "./action-items-table.js";
import { ActionCountBadges, EngagementStatusBadge } from "./engagement-badges.js";
import { engagementErrorMessage } from "./engagement-errors.js";
import { briefingPdfUrl, type EngagementDetail, useEngagement } from "./engagements-api.js";
import { InvitationModal } from "./invitation-modal.js";
import { formatEngagementDates, otherTitle, titleIn } from "./labels.js";
import { OutcomeModal } from "./outcome-modal.js";
import { type InvitationAnswerKind, OutcomesList } from "./outcomes-section.js";
import { ParticipantsSection } from "./participants-section.js";
import { RemoveOutcomeModal } from "./remove-outcome-modal.js";
import { SourceLine } from "./source-line.js";

type Invitation = Extract<OutcomeView, { kind: "invitation" }>;
type Dialog =
  | { type: "outcome" }
  | { type: "action"; item: ActionItem }
  | { type: "invitation"; invitation: Invitation; answer: InvitationAnswerKind }
  | { type: "remove"; outcome: OutcomeView }
  | null;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function Section({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <Title order={2} size="h4" id={id} tabIndex={-1}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

function Overview({ engagement }: { engagement: EngagementDetail }) {
  const { t, i18n } = useTranslation();
  const names = useStateNames();
  const russian = i18n.language === "ru";
  const place = [engagement.city, engagement.placeState ? names.name(engagement.placeState) : null]
    .filter(Boolean)
    .join(", ");
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      <Field label={t("engagements.fields.dates")}>
        <Text size="sm" fw={600} data-testid="engagement-dates">
          {formatEngagementDates(engagement, t)}
        </Text>
      </Field>
      <Field label={t("engagements.fields.place")}>{place || "—"}</Field>
      <Field label={t("engagements.fields.host")}>
        {engagement.hostState || engagement.hostAgency ? (
          <>
            {engagement.hostAgency
              ? russian
                ? engagement.hostAgency.nameRu
                : engagement.hostAgency.nameEn
              : null}
            {engagement.hostAgency && engagement.hostState ? ", " : null}
            {engagement.hostState ? names.name(engagement.hostState) : null}
          </>
        ) : (
          "—"
        )}
      </Field>
      <Field label={t("engagements.fields.states")}>
        {engagement.states.length > 0 ? (
          <Group gap={6}>
            {engagement.states.map((code) => (
              <Anchor key={code} component={Link} to={`/registry/states/${code}`} size="sm">
                {names.name(code)}
              </Anchor>
            ))}
          </Group>
        ) : (
          "—"
        )}
      </Field>
      <Field label={t("engagements.fields.confidentiality")}>
        {t(`cases.vocab.confidentiality.${engagement.confidentiality}`)}
      </Field>
      <Field label={t("engagements.fields.actionItems")}>
        {engagement.openActionItems > 0 ? (
          <ActionCountBadges open={engagement.openActionItems} overdue={engagement.overdueActionItems} />
        ) : (
          t("engagements.actions.noneOpen")
        )}
      </Field>
      {engagement.invitedAt ? (
        <Field label={t("engagements.fields.invitedAt")}>
          <Anchor component={Link} to={`/engagements/${engagement.invitedAt.id}`} size="sm">
            {titleIn(engagement.invitedAt, i18n.language)}
          </Anchor>
        </Field>
      ) : null}
    </SimpleGrid>
  );
}

/** Instruments and cases the outcomes link to, each once. */
function Linked({ outcomes }: { outcomes: readonly OutcomeView[] }) {
  const { t, i18n } = useTranslation();
  const instruments = new Map<string, Extract<OutcomeView, { kind: "instrument_signed" }>["instrument"]>();
  const cases = new Map<string, { reference: string; title: string }>();
  for (const outcome of outcomes) {
    if (outcome.kind === "instrument_signed" || outcome.kind === "programme_adopted")
      instruments.set(outcome.instrument.id, outcome.instrument);
    if (outcome.kind === "case_discussed") cases.set(outcome.case.reference, outcome.case);
  }
  if (instruments.size + cases.size === 0) return <Text size="sm">{t("engagements.page.noLinks")}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t("engagements.page.linkedInstruments")}
        </Text>
        {instruments.size > 0 ? (
          <List size="sm" spacing={4}>
            {[...instruments.values()].map((instrument) => (
              <List.Item key={instrument.id}>
                <Anchor
                  underline="always"
                  component={Link}
                  to={`/registry/instruments/${instrument.id}`}
                  size="sm"
                >
                  {titleIn(instrument, i18n.language)}
                </Anchor>{" "}
                <Text span size="xs" ff="monospace" c="dimmed">
                  {instrument.code}
                </Text>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">—</Text>
        )}
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t("engagements.page.linkedCases")}
        </Text>
        {cases.size > 0 ? (
          <List size="sm" spacing={4}>
            {[...cases.values()].map((linked) => (
              <List.Item key={linked.reference}>
                <Anchor
                  underline="always"
                  component={Link}
                  to={`/cases/${encodeURIComponent(linked.reference)}`}
                  size="sm"
                  ff="monospace"
                >
                  {linked.reference}
                </Anchor>{" "}
                {linked.title}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">—</Text>
        )}
      </Stack>
    </SimpleGrid>
  );
}

/** One engagement: its header, participants by side, agenda, outcomes, action items and sources. */
export function EngagementPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const canWrite = usePermission("engagements.write");
  const session = useSession();
  const query = useEngagement(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const opener = useRef<HTMLElement | null>(null);
  const engagement = query.data;
  const open = (next: NonNullable<Dialog>, trigger: HTMLElement) => {
    opener.current = trigger;
    setDialog(next);
  };
  const close = () => {
    setDialog(null);
    // The dialog is gone at once; focus goes back to the button that opened it.
    // A removed outcome takes its button with it: focus then goes to the outcomes' heading.
    window.setTimeout(() => {
      if (opener.current?.isConnected) opener.current.focus();
      else document.getElementById("engagement-outcomes")?.focus();
    }, 0);
  };
  const other = engagement ? otherTitle(engagement, i18n.language) : null;

  return (
    <>
      <PageHeader
        title={engagement ? titleIn(engagement, i18n.language) : t("engagements.page.loading")}
        description={
          engagement ? (
            <Group gap="xs" component="span">
              <Badge variant="outline" color="navy">
                {t(`engagements.vocab.kinds.${engagement.kind}`)}
              </Badge>
              <EngagementStatusBadge status={engagement.status} size="md" />
              <ConfidentialityBadge level={engagement.confidentiality} />
              {engagement.isDemo ? <DemoBadge /> : null}
              {other ? (
                <Text span size="sm" lang={other.lang}>
                  {other.text}
                </Text>
              ) : null}
            </Group>
          ) : undefined
        }
        actions={
          engagement ? (
            <>
              {canWrite ? (
                <Button
                  component={Link}
                  to={`/engagements/${engagement.id}/edit`}
                  variant="default"
                  leftSection={<IconPencil size={18} aria-hidden />}
                >
                  {t("engagements.page.edit")}
                </Button>
              ) : null}
              {canWrite ? (
                <Button
                  leftSection={<IconPlus size={18} aria-hidden />}
                  onClick={(event) => open({ type: "outcome" }, event.currentTarget)}
                >
                  {t("engagements.page.recordOutcome")}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {query.isError ? (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("engagements.page.loadFailed")}>
          {engagementErrorMessage(query.error, t)}
        </Alert>
      ) : null}
      {query.isPending ? <PageLoader /> : null}
      {engagement ? (
        <Stack gap="lg">
          {engagement.isDemo ? (
            <Alert color="grape" icon={<IconFlask aria-hidden />} title={t("registry.demo.title")}>
              {t("engagements.page.demoText")}
            </Alert>
          ) : null}
          <Section id="engagement-overview" title={t("engagements.page.overview")}>
            <Overview engagement={engagement} />
          </Section>

          {engagement.states.length > 0 ? (
            <Section id="engagement-briefing" title={t("engagements.page.briefing")}>
              <Text size="sm" mb="sm">
                {t("engagements.page.briefingText")}
                {engagement.status === "planned" ? null : ` ${t("engagements.page.briefingPast")}`}
              </Text>
              <Group gap="sm">
                {(["en", "ru"] as const).map((language) => (
                  <Button
                    key={language}
                    component="a"
                    href={briefingPdfUrl(engagement.id, language)}
                    variant="default"
                    leftSection={<IconFileTypePdf size={18} aria-hidden />}
                  >
                    {t(`engagements.page.briefingPdf.${language}`)}
                  </Button>
                ))}
              </Group>
            </Section>
          ) : null}

          <Section id="engagement-participants" title={t("engagements.page.participants")}>
            <ParticipantsSection
              participants={engagement.participants}
              states={engagement.states}
              host={engagement.hostState}
            />
          </Section>

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Section id="engagement-agenda" title={t("engagements.fields.agenda")}>
              {engagement.agenda.length > 0 ? (
                <List type="ordered" size="sm" spacing={4}>
                  {engagement.agenda.map((item, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: agenda items are plain texts in their order
                    <List.Item key={index}>{item}</List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm">{t("engagements.page.noAgenda")}</Text>
              )}
            </Section>
            <Section id="engagement-summary" title={t("engagements.fields.summary")}>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {engagement.summary ?? t("engagements.page.noSummary")}
              </Text>
              {engagement.notes ? (
                <>
                  <Text size="sm" fw={600} mt="md">
                    {t("engagements.fields.notes")}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {engagement.notes}
                  </Text>
                </>
              ) : null}
            </Section>
          </SimpleGrid>

          <Section id="engagement-outcomes" title={t("engagements.page.outcomes")}>
            <OutcomesList
              outcomes={engagement.outcomes}
              actionItems={engagement.actionItems}
              onAnswer={
                canWrite
                  ? (invitation, answer, trigger) => open({ type: "invitation", invitation, answer }, trigger)
                  : null
              }
              onRemove={canWrite ? (outcome, trigger) => open({ type: "remove", outcome }, trigger) : null}
            />
          </Section>

          <Section id="engagement-actions" title={t("engagements.page.actionItems")}>
            {engagement.actionItems.length > 0 ? (
              <ActionItemsTable
                items={engagement.actionItems}
                caption={t("engagements.page.actionItems")}
                onUpdate={(item, trigger) => open({ type: "action", item }, trigger)}
                canUpdate={(item) => canWorkItem(item, session.user?.id ?? null, canWrite)}
              />
            ) : (
              <Text size="sm">{t("engagements.page.noActionItems")}</Text>
            )}
          </Section>

          <Section id="engagement-links" title={t("engagements.page.links")}>
            <Linked outcomes={engagement.outcomes} />
          </Section>

          <Section id="engagement-sources" title={t("engagements.fields.sources")}>
            {engagement.sources.length > 0 ? (
              <List size="sm" spacing={4}>
                {engagement.sources.map((source, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: sources are listed in their stored order
                  <List.Item key={index}>
                    <SourceLine source={source} />
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm">{t("engagements.page.noSources")}</Text>
            )}
          </Section>

          <Anchor component={Link} to="/engagements" size="sm">
            {t("engagements.page.backToList")}
          </Anchor>

          {dialog?.type === "outcome" ? <OutcomeModal engagement={engagement} onClose={close} /> : null}
          {dialog?.type === "action" ? <ActionItemModal item={dialog.item} onClose={close} /> : null}
          {dialog?.type === "remove" ? (
            <RemoveOutcomeModal engagement={engagement} outcome={dialog.outcome} onClose={close} />
          ) : null}
          {dialog?.type === "invitation" ? (
            <InvitationModal
              engagement={engagement}
              invitation={dialog.invitation}
              answer={dialog.answer}
              onClose={close}
            />
          ) : null}
        </Stack>
      ) : null}
    </>
  );
}
