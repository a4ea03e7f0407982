import { Anchor, Badge, Box, Group, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconInfoCircle, IconStarFilled } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CandidateView } from "../../domain/registry/schemas.js";
import { useStateNames } from "../directory/state-names.js";
import { useFormat } from "../format.js";
import { DemoBadge } from "../platform/shell/demo-badge.js";
import { CandidateStatusBadge, StandingBadge } from "./badges.js";
import { titlesOf } from "./instrument-title.js";
import { caveatText, type ReasonContext, reasonText } from "./reason-text.js";

export type CandidateLike = Omit<CandidateView, "rank" | "recommended"> & {
  rank?: number;
  recommended?: boolean;
};

type Standing = NonNullable<CandidateView["standings"]["requesting"]>;

function StandingLine({ state, standing }: { state: string; standing: Standing | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  if (!standing) return null;
  const facts = [
    standing.signedOn ? t("registry.standing.signed", { date: format.date(standing.signedOn) }) : null,
    standing.consentOn ? t("registry.standing.consent", { date: format.date(standing.consentOn) }) : null,
    standing.inForceFrom
      ? t("registry.standing.inForceFrom", { date: format.date(standing.inForceFrom) })
      : null,
    standing.endedOn ? t("registry.standing.ended", { date: format.date(standing.endedOn) }) : null,
  ].filter((fact): fact is string => fact !== null);
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {names.name(state)}
        </Text>
        <StandingBadge status={standing.status} />
      </Group>
      {facts.length > 0 ? (
        <Text size="xs" c="dimmed">
          {facts.join(" · ")}
        </Text>
      ) : null}
    </Stack>
  );
}

type Props = {
  candidate: CandidateLike;
  /** The two states, in the order of the standings (requesting, requested). */
  states: [string, string];
  headingLevel?: 3 | 4;
};

/** One candidate legal basis: status, the reasons it applies or not, caveats, and both states' standing. */
export function CandidateCard({ candidate, states, headingLevel = 3 }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const context: ReasonContext = {
    t,
    locale: i18n.language,
    stateName: (code) => names.name(code),
    date: (iso) => format.date(iso),
  };
  const reasons = candidate.reasons.map((reason) => ({
    key: JSON.stringify(reason),
    text: reasonText(reason, context),
  }));
  const caveats = candidate.caveats.map((caveat) => ({
    key: JSON.stringify(caveat),
    text: caveatText(caveat, context),
  }));
  const instrument = candidate.instrument;
  const titles = instrument ? titlesOf(instrument, i18n.language) : null;
  const recommended = candidate.recommended === true;
  const headingId = `candidate-${candidate.rank ?? instrument?.id ?? "reciprocity"}`;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-labelledby={headingId}
      data-testid={recommended ? "recommended-candidate" : undefined}
      style={
        recommended
          ? {
              borderColor: "var(--mantine-color-navy-8)",
              borderWidth: 3,
              background: "var(--mantine-color-navy-0)",
            }
          : undefined
      }
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="sm" align="flex-start" wrap="nowrap">
            {candidate.rank !== undefined ? (
              <Box aria-hidden fw={700} fz="lg" w={32} ta="center" c={recommended ? "navy.8" : "dark"}>
                {candidate.rank}
              </Box>
            ) : null}
            <Stack gap={2}>
              <Title order={headingLevel} size="h5" id={headingId}>
                {candidate.rank !== undefined ? (
                  <span className="visually-hidden">
                    {t("registry.resolver.rank", { rank: candidate.rank })}{" "}
                  </span>
                ) : null}
                {instrument ? (
                  <Anchor component={Link} to={`/registry/instruments/${instrument.id}`} inherit>
                    <Text span ff="monospace" inherit>
                      {instrument.code}
                    </Text>
                    {" — "}
                    <span lang={titles?.primaryLang}>{titles?.primary}</span>
                  </Anchor>
                ) : (
                  t("registry.resolver.reciprocity")
                )}
              </Title>
              {instrument ? (
                <Text size="xs" c="dimmed">
                  {[
                    t(`registry.vocab.kinds.${instrument.kind}`),
                    t(`registry.vocab.scopes.${instrument.scope}`),
                    instrument.binding ? t("registry.vocab.binding") : t("registry.vocab.nonBinding"),
                  ].join(" · ")}
                </Text>
              ) : (
                <Text size="xs" c="dimmed">
                  {t("registry.resolver.reciprocityHint")}
                </Text>
              )}
            </Stack>
          </Group>
          <Group gap="xs" justify="flex-end">
            {recommended ? (
              <Badge
                color="navy"
                variant="filled"
                size="lg"
                leftSection={<IconStarFilled size={12} aria-hidden />}
              >
                {t("registry.resolver.citeThis")}
              </Badge>
            ) : null}
            <CandidateStatusBadge status={candidate.status} />
            {instrument?.isDemo ? <DemoBadge /> : null}
          </Group>
        </Group>

        <Box>
          <Text size="sm" fw={600} mb={4}>
            {t("registry.resolver.reasons")}
          </Text>
          <List
            size="sm"
            spacing={2}
            icon={
              candidate.status === "applies" || candidate.status === "non_binding" ? (
                <IconCheck size={16} aria-hidden color="var(--mantine-color-green-9)" />
              ) : (
                <IconInfoCircle size={16} aria-hidden />
              )
            }
          >
            {reasons.map((item) => (
              <List.Item key={item.key}>{item.text}</List.Item>
            ))}
          </List>
        </Box>
        {caveats.length > 0 ? (
          <Box>
            <Text size="sm" fw={600} mb={4}>
              {t("registry.resolver.caveats")}
            </Text>
            <List
              size="sm"
              spacing={2}
              icon={<IconAlertTriangle size={16} aria-hidden color="var(--mantine-color-orange-9)" />}
            >
              {caveats.map((item) => (
                <List.Item key={item.key}>{item.text}</List.Item>
              ))}
            </List>
          </Box>
        ) : null}
        {candidate.standings.requesting || candidate.standings.requested ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <StandingLine state={states[0]} standing={candidate.standings.requesting} />
            <StandingLine state={states[1]} standing={candidate.standings.requested} />
          </SimpleGrid>
        ) : null}
      </Stack>
    </Paper>
  );
}
