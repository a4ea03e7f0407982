import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { EngagementSourceView } from "../../domain/engagements/schemas.js";
import { ExternalLink } from "../platform/shell/external-link.js";
import { formatDay } from "./labels.js";

/** A source as a line: its title (a link when it has a web address) and its publication day. */
export function SourceLine({ source, size = "sm" }: { source: EngagementSourceView; size?: "xs" | "sm" }) {
  const { t } = useTranslation();
  const title = source.title ?? source.url ?? "";
  return (
    <Text size={size} component="span">
      {source.url ? <ExternalLink href={source.url}>{title}</ExternalLink> : title}
      {source.publishedOn ? (
        <Text span size={size} c="dimmed">
          {" "}
          {t("engagements.sources.publishedOn", { date: formatDay(source.publishedOn, t) })}
        </Text>
      ) : null}
    </Text>
  );
}
