import { Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../format.js";
import { ExternalLink } from "../platform/shell/external-link.js";
import { sourceKindLabel } from "./labels.js";

export type CitationView = {
  kind: string;
  title?: string | null | undefined;
  url?: string | null | undefined;
  date?: string | null | undefined;
  note?: string | null | undefined;
};

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
