import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { IconExternalLink } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../format.js";
import { sourceKindLabel } from "./labels.js";

export type CitationView = {
  kind: string;
  title?: string | null | undefined;
  url?: string | null | undefined;
  date?: string | null | undefined;
  note?: string | null | undefined;
};

/** An external link: opens in a new tab and says so to screen readers. */
export function ExternalLink({ href, children }: { href: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" className="break-all">
      {children}
      <IconExternalLink size={14} aria-hidden style={{ marginLeft: 4, verticalAlign: "middle" }} />
      <span className="visually-hidden">{t("common.opensInNewTab")}</span>
    </Anchor>
  );
}

/** A source citation: kind, title (linked when there is a URL), date and note. */
export function Citation({ citation, compact }: { citation: CitationView; compact?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = citation.title ?? citation.url ?? "";
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Badge color="gray" size="xs" variant="outline">
          {sourceKindLabel(citation.kind, t)}
        </Badge>
        {citation.url ? (
          <Text size="sm" component="span">
            <ExternalLink href={citation.url}>{label}</ExternalLink>
          </Text>
        ) : (
          <Text size="sm" component="span">
            {label}
          </Text>
        )}
        {citation.date ? (
          <Text size="xs" c="dimmed" component="span">
            {format.date(citation.date)}
          </Text>
        ) : null}
      </Group>
      {citation.note && !compact ? (
        <Text size="xs" c="dimmed">
          {citation.note}
        </Text>
      ) : null}
    </Stack>
  );
}
