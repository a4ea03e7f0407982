import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DUE_STATES } from "../../domain/engagements/schemas.js";
import type { ActionStatus, EngagementStatus } from "../../domain/engagements/vocabulary.js";

/** Colours with dark text or dark filled shades, so that each badge keeps 4.5:1 contrast. */
const STATUS_COLORS: Record<EngagementStatus, string> = {
  planned: "blue",
  held: "green",
  postponed: "orange",
  cancelled: "gray",
};

export function EngagementStatusBadge({
  status,
  size = "sm",
}: {
  status: EngagementStatus;
  size?: "sm" | "md";
}) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size}>
      {t(`engagements.vocab.statuses.${status}`)}
    </Badge>
  );
}

const ACTION_COLORS: Record<ActionStatus, string> = {
  open: "blue",
  in_progress: "indigo",
  done: "green",
  dropped: "gray",
};

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={ACTION_COLORS[status]} variant="light">
      {t(`engagements.vocab.actionStatuses.${status}`)}
    </Badge>
  );
}

type DueState = (typeof DUE_STATES)[number];

export function DueStateBadge({ state }: { state: DueState }) {
  const { t } = useTranslation();
  if (state === "later") return null;
  const color = state === "overdue" ? "red" : state === "due_soon" ? "orange" : "gray";
  return (
    <Badge color={color} variant={state === "overdue" ? "filled" : "light"}>
      {t(`engagements.vocab.dueStates.${state}`)}
    </Badge>
  );
}

/** Open and overdue action items of an engagement, as counts with their nouns. */
export function ActionCountBadges({ open, overdue }: { open: number; overdue: number }) {
  const { t } = useTranslation();
  if (open === 0) return null;
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color="blue" variant="light" style={{ whiteSpace: "nowrap" }}>
        {t("engagements.actions.openCount", { count: open })}
      </Badge>
      {overdue > 0 ? (
        <Badge color="red" variant="filled" style={{ whiteSpace: "nowrap" }}>
          {t("engagements.actions.overdueCount", { count: overdue })}
        </Badge>
      ) : null}
    </Group>
  );
}
