import { Alert, Anchor, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useStateNames } from "../directory/state-names.js";
import { usePermission } from "../platform/auth/session.js";
import { DemoBadge } from "../platform/shell/demo-badge.js";
import { EngagementStatusBadge } from "./engagement-badges.js";
import { engagementErrorMessage } from "./engagement-errors.js";
import { type RelatedQuery, useRelatedEngagements } from "./engagements-api.js";
import { EngagementsTable } from "./engagements-table.js";
import { formatEngagementDates, titleIn } from "./labels.js";

function RelatedSection({
  id,
  title,
  query,
  empty,
  listAddress,
}: {
  id: string;
  title: string;
  query: RelatedQuery;
  empty: string;
  listAddress?: string;
}) {
  const { t } = useTranslation();
  const related = useRelatedEngagements(query);
  const engagements = related.data?.engagements ?? [];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {listAddress && engagements.length > 0 ? (
          <Anchor component={Link} to={listAddress} size="sm">
            {t("engagements.related.openList")}
          </Anchor>
        ) : null}
      </Group>
      {related.isError ? (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("engagements.list.loadFailed")}>
          {engagementErrorMessage(related.error, t)}
        </Alert>
      ) : null}
      {related.isPending ? <Text size="sm">{t("common.loading")}</Text> : null}
      {related.data && engagements.length === 0 ? <Text size="sm">{empty}</Text> : null}
      {engagements.length > 0 ? <EngagementsTable engagements={engagements} caption={title} compact /> : null}
    </Paper>
  );
}

/** The state page's "Engagements with <state>", for readers of engagements. */
export function EngagementsWithState({ code }: { code: string }) {
  const { t } = useTranslation();
  const names = useStateNames();
  const canRead = usePermission("engagements.read");
  if (!canRead) return null;
  return (
    <RelatedSection
      id="state-engagements"
      title={t("engagements.related.withState", { state: names.name(code) })}
      query={{ state: code }}
      empty={t("engagements.related.noneWithState")}
      listAddress={`/engagements?state=${code}`}
    />
  );
}

/** The person page's "Engagements attended". */
export function EngagementsAttended({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const canRead = usePermission("engagements.read");
  if (!canRead) return null;
  return (
    <RelatedSection
      id="person-engagements"
      title={t("engagements.related.attended")}
      query={{ participant: personId }}
      empty={t("engagements.related.noneAttended")}
      listAddress={`/engagements?participant=${personId}`}
    />
  );
}

/** The instrument page's "Signed at <engagement>": each engagement with its dates, linked. */
export function SignedAtEngagements({ instrumentId }: { instrumentId: string }) {
  const { t, i18n } = useTranslation();
  const canRead = usePermission("engagements.read");
  const related = useRelatedEngagements({ instrument: instrumentId }, canRead);
  const engagements = related.data?.engagements ?? [];
  if (!canRead || engagements.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="instrument-engagements">
      <Title order={2} size="h4" id="instrument-engagements" mb="sm">
        {t("engagements.related.signedAtTitle")}
      </Title>
      <List spacing="xs" size="sm">
        {engagements.map((engagement) => (
          <List.Item key={engagement.id}>
            <Stack gap={2}>
              <Anchor
                component={Link}
                to={`/engagements/${engagement.id}`}
                size="sm"
                fw={600}
                data-testid="signed-at"
              >
                {t("engagements.related.signedAt", { title: titleIn(engagement, i18n.language) })}
              </Anchor>
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  {formatEngagementDates(engagement, t)}
                </Text>
                <EngagementStatusBadge status={engagement.status} />
                {engagement.isDemo ? <DemoBadge size="xs" /> : null}
              </Group>
            </Stack>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
