import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CandidateView } from "../../domain/registry/schemas.js";
import type { MapRelation, Subject } from "../../domain/registry/vocabulary.js";

export function DraftBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="orange" size="sm">
      {t("registry.list.draft")}
    </Badge>
  );
}

export type StandingStatus =
  | "none"
  | "signed"
  | "consented"
  | "in_force"
  | "suspended"
  | "withdrawn"
  | "expired";

const STANDING_COLORS: Record<StandingStatus, string> = {
  none: "gray",
  signed: "blue",
  consented: "teal",
  in_force: "green",
  suspended: "orange",
  withdrawn: "red",
  expired: "gray",
};

function isStanding(status: string): status is StandingStatus {
  return status in STANDING_COLORS;
}

export function StandingBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  if (!isStanding(status)) return <Badge color="gray">{status}</Badge>;
  return <Badge color={STANDING_COLORS[status]}>{t(`registry.vocab.standing.${status}`)}</Badge>;
}

const CANDIDATE_COLORS: Record<CandidateView["status"], string> = {
  applies: "green",
  superseded: "orange",
  non_binding: "blue",
  fallback: "gray",
  not_applicable: "red",
};

export function CandidateStatusBadge({ status }: { status: CandidateView["status"] }) {
  const { t } = useTranslation();
  return (
    <Badge color={CANDIDATE_COLORS[status]} size="md">
      {t(`registry.vocab.candidate.${status}`)}
    </Badge>
  );
}

/** Map relations: colours of the map legend, in badge form for tables and lists. */
export const RELATION_BADGE_COLORS: Record<MapRelation, string> = {
  in_force: "green",
  signed: "blue",
  negotiating: "orange",
  mou_only: "grape",
  none: "gray",
};

export function SubjectBadges({ subjects }: { subjects: readonly Subject[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {subjects.map((subject) => (
        <Badge key={subject} color="navy" size="xs" variant="outline">
          {t(`registry.vocab.subjects.${subject}`)}
        </Badge>
      ))}
    </Group>
  );
}

export function BindingBadge({ binding }: { binding: boolean }) {
  const { t } = useTranslation();
  return binding ? (
    <Badge color="navy" size="sm">
      {t("registry.vocab.binding")}
    </Badge>
  ) : (
    <Badge color="gray" size="sm">
      {t("registry.vocab.nonBinding")}
    </Badge>
  );
}
