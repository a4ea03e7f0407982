import { Alert, Anchor, Badge, Group, Paper, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconClockExclamation } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { errorMessage } from "../api/errors.js";
import { useFormat } from "../format.js";
import { useOfficeToday, usePermission } from "../platform/auth/session.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { FactsAmendModal, HeaderAmendModal } from "./amend-modals.js";
import { inLanguage } from "./bilingual.js";
import { type ActionType, CaseActions } from "./case-actions.js";
import { daysLeftText, StatusBadge } from "./case-badges.js";
import { CaseFacts } from "./case-facts.js";
import { CaseOverview, CaseProgress } from "./case-overview.js";
import { CaseTimeline } from "./case-timeline.js";
import { CASES_KEY, caseKey, useCase, useTeams } from "./cases-api.js";
import { CheckerPanel } from "./checker-panel.js";
import { DeadlinesPanel, isOpenDeadline, orderDeadlines } from "./deadlines-panel.js";
import { DocumentsPanel } from "./documents-panel.js";
import { isFormEventType } from "./event-forms.js";
import { EventModal } from "./event-modal.js";
import { kindAndDirection } from "./labels.js";

const TABS = ["timeline", "facts", "checker", "deadlines", "documents"] as const;
type Tab = (typeof TABS)[number];

type Dialog = { type: ActionType; answersOpen: boolean } | null;

/** One case: its header, the actions its status allows, and its timeline, facts, checks, deadlines and documents. */
export function CasePage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { reference = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const canWrite = usePermission("cases.write");
  const today = useOfficeToday();
  const queryClient = useQueryClient();
  const query = useCase(reference);
  const teams = useTeams();
  const [dialog, setDialog] = useState<Dialog>(null);
  const opener = useRef<HTMLElement | null>(null);
  const view = query.data;
  const tabParam = params.get("tab");
  const tab: Tab = TABS.find((name) => name === tabParam) ?? "timeline";

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: caseKey(reference) });
    await queryClient.invalidateQueries({ queryKey: [...CASES_KEY, "list"] });
  };
  const open = (type: ActionType, trigger: HTMLElement, answersOpen = false) => {
    opener.current = trigger;
    setDialog({ type, answersOpen });
  };
  const close = () => {
    setDialog(null);
    // The dialog is gone at once; focus goes back to the button that opened it.
    window.setTimeout(() => opener.current?.focus(), 0);
  };
  const selectTab = (value: string | null) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value && value !== "timeline") next.set("tab", value);
        else next.delete("tab");
        return next;
      },
      { replace: true },
    );
  };
  const next = view ? orderDeadlines(view.deadlines).find(isOpenDeadline) : undefined;
  const answerable = canWrite && view?.allowedEventTypes.includes("facts_amended");

  return (
    <>
      <PageHeader
        title={view?.header.title ?? t("cases.page.loading")}
        description={
          view ? (
            <Group gap="xs" component="span">
              <Text span ff="monospace" fw={600} c="dark" data-testid="case-reference">
                {view.header.reference}
              </Text>
              <StatusBadge status={view.status} />
              <Badge variant="outline" color="navy">
                {kindAndDirection(view.header.kind, view.header.direction, t)}
              </Badge>
            </Group>
          ) : undefined
        }
        actions={
          <Anchor component={Link} to="/cases" size="sm">
            {t("cases.page.backToList")}
          </Anchor>
        }
      />
      {query.isError ? (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("cases.page.loadFailed")}>
          {errorMessage(query.error, t)}
        </Alert>
      ) : null}
      {query.isPending ? <PageLoader /> : null}
      {view ? (
        <Stack gap="lg">
          {next ? (
            <Alert
              color={
                next.state === "overdue"
                  ? "red"
                  : next.daysLeft !== null && next.daysLeft <= 7
                    ? "orange"
                    : "blue"
              }
              icon={<IconClockExclamation aria-hidden />}
              title={t("cases.page.nextDeadline", {
                title: inLanguage(next.title, i18n.language) || next.ruleId,
                date: format.date(next.practicalDueOn),
              })}
            >
              {next.daysLeft !== null ? daysLeftText(next.daysLeft, t) : null}{" "}
              <Anchor component="button" type="button" size="sm" onClick={() => selectTab("deadlines")}>
                {t("cases.page.seeDeadlines")}
              </Anchor>
            </Alert>
          ) : null}

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="case-overview">
            <Title order={2} size="h4" id="case-overview" mb="md">
              {t("cases.page.overview")}
            </Title>
            <CaseOverview view={view} />
          </Paper>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="case-actions">
            <Title order={2} size="h4" id="case-actions" mb={4}>
              {t("cases.actions.title")}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {canWrite ? t("cases.actions.hint") : t("cases.actions.readOnly")}
            </Text>
            <Stack gap="md">
              <CaseProgress view={view} />
              {canWrite ? (
                <CaseActions view={view} onAction={(type, trigger) => open(type, trigger)} />
              ) : null}
            </Stack>
          </Paper>

          <Tabs value={tab} onChange={selectTab} keepMounted={false}>
            <Tabs.List aria-label={t("cases.page.sections")}>
              <Tabs.Tab value="timeline">{t("cases.page.tabs.timeline")}</Tabs.Tab>
              <Tabs.Tab value="facts">{t("cases.page.tabs.facts")}</Tabs.Tab>
              <Tabs.Tab value="checker">
                {t("cases.page.tabs.checker")}
                {view.checker.missingFacts.length > 0 ? (
                  <Badge size="xs" ml={6} color="orange" variant="light">
                    {format.number(view.checker.missingFacts.length)}
                  </Badge>
                ) : null}
              </Tabs.Tab>
              <Tabs.Tab value="deadlines">{t("cases.page.tabs.deadlines")}</Tabs.Tab>
              <Tabs.Tab value="documents">{t("cases.page.tabs.documents")}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="timeline" pt="md">
              <Title order={2} size="h4" mb="sm">
                {t("cases.page.tabs.timeline")}
              </Title>
              <CaseTimeline view={view} teams={teams.data ?? null} />
            </Tabs.Panel>
            <Tabs.Panel value="facts" pt="md">
              <CaseFacts view={view} />
            </Tabs.Panel>
            <Tabs.Panel value="checker" pt="md">
              <Title order={2} size="h4" mb="sm">
                {t("cases.page.tabs.checker")}
              </Title>
              <CheckerPanel
                view={view}
                onAnswer={answerable ? (trigger) => open("facts_amended", trigger, true) : null}
              />
            </Tabs.Panel>
            <Tabs.Panel value="deadlines" pt="md">
              <Title order={2} size="h4" mb="sm">
                {t("cases.page.tabs.deadlines")}
              </Title>
              <DeadlinesPanel deadlines={view.deadlines} />
            </Tabs.Panel>
            <Tabs.Panel value="documents" pt="md">
              <DocumentsPanel view={view} canWrite={canWrite} onChanged={refresh} />
            </Tabs.Panel>
          </Tabs>

          {dialog && isFormEventType(dialog.type) ? (
            <EventModal
              key={dialog.type}
              view={view}
              type={dialog.type}
              teams={teams.data ?? null}
              today={today}
              onClose={close}
              onChanged={refresh}
            />
          ) : null}
          {dialog?.type === "facts_amended" ? (
            <FactsAmendModal
              view={view}
              onClose={close}
              onChanged={refresh}
              answersOpen={dialog.answersOpen}
            />
          ) : null}
          {dialog?.type === "header_amended" ? (
            <HeaderAmendModal view={view} teams={teams.data ?? null} onClose={close} onChanged={refresh} />
          ) : null}
        </Stack>
      ) : null}
    </>
  );
}
