import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconAlertCircle, IconAlertTriangle, IconFlask, IconPencil, IconPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { isIsoDate, isoDateOrNull } from "../../domain/platform/dates.js";
import { errorMessage } from "../api/errors.js";
import { useFormat } from "../format.js";
import { i18n } from "../i18n/i18n.js";
import { useOfficeToday, usePermission } from "../platform/auth/session.js";
import { ConfirmDialog } from "../platform/shell/confirm-dialog.js";
import { DemoBadge } from "../platform/shell/demo-badge.js";
import { ExternalLink } from "../platform/shell/external-link.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { BindingBadge, DraftBadge } from "./badges.js";
import { InstrumentOverview } from "./instrument-overview.js";
import { titlesOf } from "./instrument-title.js";
import { PartiesTable } from "./parties-table.js";
import { PartyActionModal } from "./party-action-modal.js";
import { isStale, partyListAge } from "./party-list-age.js";
import {
  exportUrl,
  type FactKind,
  instrumentKey,
  REGISTRY_KEY,
  removeFact,
  useInstrument,
} from "./registry-api.js";
import { RelationModal } from "./relation-modal.js";
import { RelationsList } from "./relations-list.js";
import { StageModal } from "./stage-modal.js";
import { Timeline, type TimelineEntry, timelineOf } from "./timeline.js";

type Dialog = "none" | "action" | "stage" | "relation";
type Removal = { kind: FactKind; id: string; description: string };

/** One instrument; `sections`: what other features show about it (routes.tsx composes them). */
export function InstrumentPage({ sections }: { sections?: (instrumentId: string) => ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const dateParam = params.get("date");
  const date = isoDateOrNull(dateParam) ?? undefined;
  const [dateInput, setDateInput] = useState(date ?? "");
  const canWrite = usePermission("registry.write");
  const queryClient = useQueryClient();
  const instrument = useInstrument(id, date);
  const [dialog, setDialog] = useState<Dialog>("none");
  const [removal, setRemoval] = useState<Removal | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const remove = useMutation({
    mutationFn: (target: Removal) => removeFact(id, target.kind, target.id),
    onSuccess: async () => {
      notifySuccess(i18n.t("registry.remove.done"));
      setRemoval(null);
      await queryClient.invalidateQueries({ queryKey: instrumentKey(id) });
      await queryClient.invalidateQueries({ queryKey: [...REGISTRY_KEY, "instruments"] });
    },
  });

  const detail = instrument.data;
  const titles = detail ? titlesOf(detail, i18n.language) : null;
  const today = useOfficeToday();

  const applyDate = (value: string) => {
    setDateInput(value);
    if (value && !isIsoDate(value)) return;
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set("date", value);
        else next.delete("date");
        return next;
      },
      { replace: true },
    );
  };

  const openDialog = (kind: Dialog) => (event: React.MouseEvent<HTMLElement>) => {
    opener.current = event.currentTarget;
    setDialog(kind);
  };
  const closeDialog = () => setDialog("none");

  const askRemoval = (entry: TimelineEntry, trigger: HTMLElement) => {
    opener.current = trigger;
    remove.reset();
    if (entry.kind === "stage") {
      setRemoval({
        kind: "stages",
        id: entry.id,
        description: t("registry.remove.stageText", {
          stage: t(`registry.vocab.stages.${entry.stage.stage}`),
          date: entry.date ? format.date(entry.date) : t("registry.timeline.undated"),
        }),
      });
    } else {
      const party = i18n.language === "ru" ? entry.action.party.nameRu : entry.action.party.nameEn;
      setRemoval({
        kind: "actions",
        id: entry.id,
        description: t("registry.remove.actionText", {
          action: t(`registry.vocab.actions.${entry.action.action}`),
          party,
          date: entry.date ? format.date(entry.date) : t("registry.timeline.undated"),
        }),
      });
    }
  };

  const staleAsOf = detail && isStale(detail.partyListAsOf, today) ? detail.partyListAsOf : null;
  const staleAge = partyListAge(staleAsOf, today);

  return (
    <>
      <PageHeader
        title={titles?.primary ?? t("registry.instrument.loading")}
        description={
          detail ? (
            <Group gap="xs" component="span">
              <Text span ff="monospace" fw={600} c="dark">
                {detail.code}
              </Text>
              {titles?.secondary ? (
                <Text span lang={titles.secondaryLang} size="sm">
                  {titles.secondary}
                </Text>
              ) : null}
            </Group>
          ) : undefined
        }
        actions={
          detail && canWrite ? (
            <Button
              component={Link}
              to={`/registry/instruments/${detail.id}/edit`}
              leftSection={<IconPencil size={18} aria-hidden />}
            >
              {t("registry.instrument.edit")}
            </Button>
          ) : null
        }
      />
      {instrument.isError ? (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("registry.instrument.loadFailed")}>
          {errorMessage(instrument.error, t)}
        </Alert>
      ) : null}
      {instrument.isPending ? <PageLoader /> : null}
      {detail ? (
        <Stack gap="lg">
          <Group gap="xs">
            <Badge color="navy" variant="outline">
              {t(`registry.vocab.kinds.${detail.kind}`)}
            </Badge>
            <Badge color="navy" variant="outline">
              {t(`registry.vocab.scopes.${detail.scope}`)}
            </Badge>
            <Badge color="navy" variant="outline">
              {t(`registry.vocab.levels.${detail.level}`)}
            </Badge>
            <BindingBadge binding={detail.binding} />
            {detail.draft ? <DraftBadge /> : null}
            {detail.isDemo ? <DemoBadge /> : null}
          </Group>
          {detail.isDemo ? (
            <Alert color="grape" icon={<IconFlask aria-hidden />} title={t("registry.demo.title")}>
              {t("registry.demo.instrumentText")}
            </Alert>
          ) : null}
          {staleAsOf ? (
            <Alert
              color="orange"
              icon={<IconAlertTriangle aria-hidden />}
              title={t("registry.age.title", {
                date: format.date(staleAsOf),
                years: format.number(staleAge ?? 0),
              })}
            >
              <Text size="sm">{t("registry.age.text")}</Text>
              {detail.depositaryUrl ? (
                <Text size="sm" mt={4}>
                  <ExternalLink href={detail.depositaryUrl}>
                    {t("registry.instrument.depositaryLink")}
                  </ExternalLink>
                </Text>
              ) : null}
            </Alert>
          ) : null}

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="instrument-overview">
            <Title order={2} size="h4" id="instrument-overview" mb="md">
              {t("registry.instrument.overview")}
            </Title>
            <InstrumentOverview detail={detail} />
          </Paper>
          {sections?.(detail.id)}

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="instrument-parties">
            <Group justify="space-between" align="flex-end" mb="md" gap="md">
              <Stack gap={4}>
                <Title order={2} size="h4" id="instrument-parties">
                  {t("registry.parties.title", { count: format.number(detail.parties.length) })}
                </Title>
                <Text size="sm">{t("registry.parties.hint")}</Text>
              </Stack>
              <Group align="flex-end" gap="sm">
                <TextInput
                  type="date"
                  label={t("registry.parties.statusOn")}
                  value={dateInput || detail.date}
                  onChange={(event) => applyDate(event.currentTarget.value)}
                  rightSection={
                    instrument.isFetching ? (
                      <Loader size="xs" role="status" aria-label={t("common.loading")} />
                    ) : null
                  }
                />
                <Button variant="default" onClick={() => applyDate("")} disabled={!date}>
                  {t("registry.parties.today")}
                </Button>
              </Group>
            </Group>
            <Text size="sm" mb="sm" role="status" aria-live="polite">
              {t("registry.parties.shownOn", { date: format.date(detail.date) })}
            </Text>
            {detail.parties.length > 0 ? (
              <>
                <PartiesTable parties={detail.parties} date={detail.date} />
                {detail.parties.some((standing) => standing.inForceFrom && standing.inForceDerived) ? (
                  <Text size="xs" c="dimmed" mt="xs">
                    {t("registry.parties.derivedHint")}
                  </Text>
                ) : null}
              </>
            ) : (
              <Text size="sm">
                {detail.draft ? t("registry.parties.noneDraft") : t("registry.parties.none")}
              </Text>
            )}
            <Group mt="sm" gap="md">
              <Anchor href={exportUrl(detail.code)} size="sm" download>
                {t("registry.parties.export")}
              </Anchor>
            </Group>
          </Paper>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="instrument-timeline">
            <Group justify="space-between" mb="md">
              <Stack gap={4}>
                <Title order={2} size="h4" id="instrument-timeline">
                  {t("registry.timeline.title")}
                </Title>
                <Text size="sm">{t("registry.timeline.hint")}</Text>
              </Stack>
              {canWrite ? (
                <Group gap="sm">
                  <Button
                    variant="default"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={openDialog("stage")}
                  >
                    {t("registry.stageForm.open")}
                  </Button>
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openDialog("action")}>
                    {t("registry.actionForm.open")}
                  </Button>
                </Group>
              ) : null}
            </Group>
            {detail.actions.length + detail.stages.length > 0 ? (
              <Timeline entries={timelineOf(detail)} onRemove={canWrite ? askRemoval : null} />
            ) : (
              <Text size="sm">{t("registry.timeline.empty")}</Text>
            )}
          </Paper>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="instrument-relations">
            <Group justify="space-between" mb="md">
              <Title order={2} size="h4" id="instrument-relations">
                {t("registry.relations.title")}
              </Title>
              {canWrite ? (
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={openDialog("relation")}
                >
                  {t("registry.relationForm.open")}
                </Button>
              ) : null}
            </Group>
            {detail.relations.length > 0 ? (
              <RelationsList
                relations={detail.relations}
                onRemove={
                  canWrite
                    ? (relation, trigger) => {
                        opener.current = trigger;
                        remove.reset();
                        setRemoval({
                          kind: "relations",
                          id: relation.id,
                          description: t("registry.remove.relationText", {
                            relation: t(`registry.vocab.relations.${relation.direction}.${relation.kind}`),
                            code: relation.other.code,
                          }),
                        });
                      }
                    : null
                }
              />
            ) : (
              <Text size="sm">{t("registry.relations.empty")}</Text>
            )}
          </Paper>

          {canWrite ? (
            <>
              <PartyActionModal instrumentId={detail.id} opened={dialog === "action"} onClose={closeDialog} />
              <StageModal instrumentId={detail.id} opened={dialog === "stage"} onClose={closeDialog} />
              <RelationModal instrument={detail} opened={dialog === "relation"} onClose={closeDialog} />
              <ConfirmDialog
                opened={removal !== null}
                title={t("registry.remove.title")}
                confirmLabel={t("registry.remove.confirm")}
                danger
                busy={remove.isPending}
                error={remove.isError ? errorMessage(remove.error, t) : null}
                onConfirm={() => removal && remove.mutate(removal)}
                onClose={() => setRemoval(null)}
                onExited={() => opener.current?.focus()}
              >
                {removal?.description}
              </ConfirmDialog>
            </>
          ) : null}
        </Stack>
      ) : null}
    </>
  );
}
