import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AuditOutcome } from "../../../domain/platform/vocabulary.js";

const COLORS: Record<AuditOutcome, string> = {
  success: "green",
  failure: "orange",
  denied: "red",
  error: "grape",
};

export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const { t } = useTranslation();
  return <Badge color={COLORS[outcome]}>{t(`audit.outcomes.${outcome}`)}</Badge>;
}
