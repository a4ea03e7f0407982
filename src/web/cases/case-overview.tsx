import { Anchor, Box, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useStateNames } from "../directory/state-names.js";
import { useFormat } from "../format.js";
import { titlesOf } from "../registry/instrument-title.js";
import { ConfidentialityBadge, PriorityBadge } from "./case-badges.js";
import { type CaseView, useBasisInstrument } from "./cases-api.js";
import { groundLabel, kindAndDirection } from "./labels.js";

/** One term and its value in a description list. */
function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {term}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </Box>
  );
}

function LegalBasis({ view }: { view: CaseView }) {
  const { t, i18n } = useTranslation();
  const basis = view.header.legalBasis;
  const instrumentId = basis?.type === "instrument" ? basis.instrumentId : null;
  const instrument = useBasisInstrument(instrumentId);
  if (!basis) return <>{t("cases.basis.none")}</>;
  if (basis.type === "reciprocity")
    return (
      <>
        {t("cases.basis.reciprocity")}
        {basis.note ? ` — ${basis.note}` : ""}
      </>
    );
  const detail = instrumentId ? instrument.data : undefined;
  const label = detail
    ? `${detail.code} — ${titlesOf(detail, i18n.language).primary}`
    : t("cases.basis.instrument");
  return (
    <>
      <Anchor component={Link} to={`/registry/instruments/${basis.instrumentId}`} size="sm">
        {label}
      </Anchor>
      {basis.articles ? `, ${basis.articles}` : ""}
    </>
  );
}

/** Who asks whom, on what basis, how urgent and secret, handled by which team, and the dates so far. */
export function CaseOverview({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const { header } = view;
  const date = (iso: string | null | undefined) => (iso ? format.date(iso) : "—");
  const state = (code: string, authority: string | null | undefined) =>
    `${names.name(code)} (${code})${authority ? ` — ${authority}` : ""}`;
  return (
    <Stack gap="md">
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" m={0}>
        <Detail term={t("cases.fields.kind")}>{kindAndDirection(header.kind, header.direction, t)}</Detail>
        <Detail term={t("cases.fields.requestingState")}>
          {state(header.requestingState, header.requestingAuthority)}
        </Detail>
        <Detail term={t("cases.fields.requestedState")}>
          {state(header.requestedState, header.requestedAuthority)}
        </Detail>
        <Detail term={t("cases.fields.legalBasis")}>
          <LegalBasis view={view} />
        </Detail>
        <Detail term={t("cases.fields.priority")}>
          <PriorityBadge priority={header.priority} />
          {header.urgencyReason ? (
            <Text size="xs" c="dimmed" span display="block">
              {header.urgencyReason}
            </Text>
          ) : null}
        </Detail>
        <Detail term={t("cases.fields.confidentiality")}>
          {header.confidentiality === "standard" ? (
            t("cases.vocab.confidentiality.standard")
          ) : (
            <ConfidentialityBadge level={header.confidentiality} />
          )}
        </Detail>
        <Detail term={t("cases.fields.team")}>{view.team?.name ?? t("cases.overview.noTeam")}</Detail>
        <Detail term={t("cases.fields.foreignReference")}>{header.foreignReference ?? "—"}</Detail>
        {header.kind === "extradition" ? (
          <Detail term={t("cases.fields.purpose")}>
            {header.purpose ? t(`cases.vocab.purposes.${header.purpose}`) : "—"}
          </Detail>
        ) : null}
        <Detail term={t("cases.fields.offenceCategory")}>{header.offenceCategory ?? "—"}</Detail>
        <Detail term={t("cases.fields.openedOn")}>{date(view.openedOn)}</Detail>
        <Detail
          term={
            header.direction === "incoming" ? t("cases.fields.receivedOn") : t("cases.fields.acknowledgedOn")
          }
        >
          {date(view.receivedOn)}
        </Detail>
        {header.direction === "outgoing" ? (
          <Detail term={t("cases.fields.sentOn")}>{date(view.sentOn)}</Detail>
        ) : null}
        {header.direction === "incoming" ? (
          <Detail term={t("cases.fields.registeredOn")}>{date(view.registeredOn)}</Detail>
        ) : null}
        <Detail term={t("cases.fields.decidedOn")}>{date(view.decidedOn)}</Detail>
        {view.closedOn ? <Detail term={t("cases.fields.closedOn")}>{date(view.closedOn)}</Detail> : null}
      </SimpleGrid>
      {header.summary ? (
        <Box>
          <Text size="xs" c="dimmed" fw={600}>
            {t("cases.fields.summary")}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {header.summary}
          </Text>
        </Box>
      ) : null}
    </Stack>
  );
}

/** What has happened that matters now: the decision, custody, open requests for information, consultations, assurances. */
export function CaseProgress({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const detention = view.detention;
  const openRequests = view.informationRequests.filter((entry) => entry.receivedOn === null);
  const { consultations, assurances, followUps } = view;
  const decision = view.decision;
  const items: { key: string; title: string; body: ReactNode }[] = [];
  if (decision) {
    items.push({
      key: "decision",
      title: t("cases.progress.decision"),
      body: (
        <>
          <Text size="sm">
            {t("cases.progress.decided", {
              outcome: t(`cases.vocab.outcomes.${decision.outcome}`),
              date: format.date(decision.on),
            })}
            {decision.decidedBy ? ` — ${decision.decidedBy}` : ""}
          </Text>
          {decision.grounds.length > 0 ? (
            <List size="sm">
              {decision.grounds.map((ground) => (
                <List.Item key={`${ground.code}-${ground.ruleId ?? ""}`}>
                  {`${groundLabel(ground.code, t)}${ground.ruleId ? ` (${ground.ruleId})` : ""}${ground.note ? `: ${ground.note}` : ""}`}
                </List.Item>
              ))}
            </List>
          ) : null}
        </>
      ),
    });
  }
  if (detention && (detention.custody.length > 0 || detention.consentedOn || detention.surrenderOn)) {
    const facts = [
      detention.arrestedOn
        ? t("cases.progress.arrestedOn", { date: format.date(detention.arrestedOn) })
        : null,
      detention.inCustody ? t("cases.progress.inCustody") : null,
      detention.releasedOn
        ? t("cases.progress.releasedOn", { date: format.date(detention.releasedOn) })
        : null,
      detention.consentedOn
        ? t("cases.progress.consentedOn", { date: format.date(detention.consentedOn) })
        : null,
      detention.surrenderOn
        ? t("cases.progress.surrenderOn", { date: format.date(detention.surrenderOn) })
        : null,
      detention.surrenderedOn
        ? t("cases.progress.surrenderedOn", { date: format.date(detention.surrenderedOn) })
        : null,
    ].filter((fact): fact is string => fact !== null);
    items.push({
      key: "detention",
      title: t("cases.progress.detention"),
      body: <Text size="sm">{facts.join(" · ")}</Text>,
    });
  }
  if (openRequests.length > 0) {
    items.push({
      key: "information",
      title: t("cases.progress.informationRequested"),
      body: (
        <List size="sm">
          {openRequests.map((entry) => (
            <List.Item key={entry.sequence}>
              {`${format.date(entry.requestedOn)}: ${entry.items.join("; ")}${
                entry.dueOn ? ` — ${t("cases.timeline.dueOn", { date: format.date(entry.dueOn) })}` : ""
              }`}
            </List.Item>
          ))}
        </List>
      ),
    });
  }
  if (consultations.length > 0) {
    items.push({
      key: "consultations",
      title: t("cases.progress.consultations"),
      body: (
        <List size="sm">
          {consultations.map((entry) => (
            <List.Item
              key={entry.sequence}
            >{`${format.date(entry.on)}, ${names.name(entry.withState)}: ${entry.summary}`}</List.Item>
          ))}
        </List>
      ),
    });
  }
  if (assurances.length > 0) {
    items.push({
      key: "assurances",
      title: t("cases.progress.assurances"),
      body: (
        <List size="sm">
          {assurances.map((entry) => (
            <List.Item key={entry.sequence}>
              {`${format.date(entry.on)}, ${t(`cases.vocab.assuranceKinds.${entry.kind}`)} — ${entry.givenBy}: ${entry.text}`}
            </List.Item>
          ))}
        </List>
      ),
    });
  }
  if (followUps.length > 0) {
    items.push({
      key: "follow-ups",
      title: t("cases.progress.followUps"),
      body: (
        <List size="sm">
          {followUps.map((entry) => (
            <List.Item key={entry.sequence}>
              {`${format.date(entry.on)}: ${t(`cases.vocab.followUpTasks.${entry.task}`)}${entry.note ? ` — ${entry.note}` : ""}`}
            </List.Item>
          ))}
        </List>
      ),
    });
  }
  if (items.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {items.map((item) => (
        <Box key={item.key}>
          <Title order={3} size="h5" mb={4}>
            {item.title}
          </Title>
          {item.body}
        </Box>
      ))}
    </SimpleGrid>
  );
}
