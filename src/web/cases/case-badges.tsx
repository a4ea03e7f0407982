import { Badge, Stack, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { CaseStatus, ConfidentialityLevel, Priority } from "../../domain/cases/vocabulary.js";
import type { DeadlineState } from "../../domain/clocks/schemas.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import { useFormat } from "../format.js";
import { deadlineStateLabel } from "./labels.js";

/** Colours chosen with dark text or filled dark shades, so that each badge keeps 4.5:1 contrast. */
const STATUS_COLORS: Record<CaseStatus, string> = {
  draft: "gray",
  sent: "blue",
  received: "blue",
  registered: "blue",
  under_examination: "indigo",
  awaiting_information: "orange",
  granted: "green",
  partially_granted: "teal",
  refused: "red",
  in_execution: "cyan",
  executed: "green",
  surrendered: "green",
  withdrawn: "gray",
  closed: "dark",
};

export function StatusBadge({ status, size = "md" }: { status: CaseStatus; size?: "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} size={size} variant="light">
      {t(`cases.vocab.statuses.${status}`)}
    </Badge>
  );
}

const PRIORITY_COLORS: Record<Priority, string> = { normal: "gray", high: "orange", urgent: "red" };

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <Badge color={PRIORITY_COLORS[priority]} variant={priority === "urgent" ? "filled" : "light"}>
      {t(`cases.vocab.priorities.${priority}`)}
    </Badge>
  );
}

export function ConfidentialityBadge({ level }: { level: ConfidentialityLevel }) {
  const { t } = useTranslation();
  if (level === "standard") return null;
  return (
    <Badge color={level === "secret" ? "red" : "orange"} variant="outline">
      {t(`cases.vocab.confidentiality.${level}`)}
    </Badge>
  );
}

const DEADLINE_COLORS: Record<DeadlineState, string> = {
  running: "blue",
  met: "green",
  overdue: "red",
  missed: "red",
  elapsed: "gray",
};

export function DeadlineStateBadge({ state }: { state: DeadlineState }) {
  const { t } = useTranslation();
  return (
    <Badge color={DEADLINE_COLORS[state]} variant={state === "overdue" ? "filled" : "light"}>
      {deadlineStateLabel(state, t)}
    </Badge>
  );
}

/** "In 5 days", "Today", "3 days overdue": the days left as the list and the case page say them. */
export function daysLeftText(daysLeft: number, t: TFunction): string {
  if (daysLeft === 0) return t("cases.deadlines.dueToday");
  if (daysLeft > 0) return t("cases.deadlines.daysLeft", { days: daysLeft });
  return t("cases.deadlines.daysOverdue", { days: -daysLeft });
}

/** A due date with the days left under it, red when overdue, orange within a week. */
export function DueDate({ dueOn, daysLeft }: { dueOn: IsoDate; daysLeft: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const color = daysLeft < 0 ? "red.9" : daysLeft <= 7 ? "orange.9" : undefined;
  return (
    <Stack gap={0}>
      <Text size="sm">{format.date(dueOn)}</Text>
      <Text size="xs" c={color} fw={daysLeft <= 7 ? 600 : undefined}>
        {daysLeftText(daysLeft, t)}
      </Text>
    </Stack>
  );
}
