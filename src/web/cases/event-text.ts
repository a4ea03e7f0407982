import type { TFunction } from "i18next";
import {
  ASSET_STAGES,
  ASSURANCE_KINDS,
  CORRESPONDENCE_CHANNELS,
  MEASURE_STATUSES,
} from "../../domain/cases/vocabulary.js";
import { DECISION_OUTCOMES, groundLabel } from "./labels.js";

/**
 * An event's payload as short lines for the timeline, in the interface language. Unknown
 * fields (a newer server) are not shown; the type and date always are.
 */
export type EventTextContext = {
  t: TFunction;
  date: (iso: string) => string;
  stateName: (code: string) => string;
  personName: (id: string) => string;
  measureName: (id: string) => string;
  assetName: (id: string) => string;
  teamName: (id: string) => string;
};

/** Header fields as the labels of cases.fields (the team is amended by its id). */
const HEADER_FIELDS: Record<string, HeaderFieldLabel> = {
  title: "title",
  foreignReference: "foreignReference",
  summary: "summary",
  requestingAuthority: "requestingAuthority",
  requestedAuthority: "requestedAuthority",
  requestingState: "requestingState",
  requestedState: "requestedState",
  purpose: "purpose",
  offenceCategory: "offenceCategory",
  priority: "priority",
  urgencyReason: "urgencyReason",
  confidentiality: "confidentiality",
  teamId: "team",
  legalBasis: "legalBasis",
  reference: "reference",
};
type HeaderFieldLabel =
  | "title"
  | "foreignReference"
  | "summary"
  | "requestingAuthority"
  | "requestedAuthority"
  | "requestingState"
  | "requestedState"
  | "purpose"
  | "offenceCategory"
  | "priority"
  | "urgencyReason"
  | "confidentiality"
  | "team"
  | "legalBasis"
  | "reference";

const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

function member<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (list as readonly string[]).includes(value);
}

export function eventLines(
  type: string,
  payload: Record<string, unknown>,
  context: EventTextContext,
): string[] {
  const { t } = context;
  const lines: string[] = [];
  const push = (line: string | null | false | undefined) => {
    if (line) lines.push(line);
  };
  const channel = member(CORRESPONDENCE_CHANNELS, payload.channel)
    ? t("cases.timeline.channel", { channel: t(`cases.vocab.channels.${payload.channel}`) })
    : null;
  const person = str(payload.personId)
    ? t("cases.timeline.person", { person: context.personName(String(payload.personId)) })
    : null;
  switch (type) {
    case "opened": {
      const header = (payload.header ?? {}) as Record<string, unknown>;
      push(str(header.title));
      break;
    }
    case "received":
    case "sent":
      push(channel);
      break;
    case "assigned":
      push(
        str(payload.teamId) && t("cases.timeline.team", { team: context.teamName(String(payload.teamId)) }),
      );
      push(str(payload.officer) && t("cases.timeline.officer", { officer: payload.officer }));
      break;
    case "information_requested": {
      const items = Array.isArray(payload.items)
        ? payload.items.filter((item) => typeof item === "string")
        : [];
      for (const item of items) push(`• ${item}`);
      push(str(payload.dueOn) && t("cases.timeline.dueOn", { date: context.date(String(payload.dueOn)) }));
      break;
    }
    case "information_received":
      push(str(payload.note));
      break;
    case "consultation_held":
      push(
        str(payload.withState) &&
          t("cases.timeline.withState", { state: context.stateName(String(payload.withState)) }),
      );
      push(str(payload.summary));
      break;
    case "provisional_arrest":
      push(person);
      push(str(payload.place) && t("cases.timeline.place", { place: payload.place }));
      break;
    case "released":
      push(person);
      push(str(payload.reason));
      break;
    case "consent_recorded":
    case "surrendered":
      push(person);
      break;
    case "assurance_recorded":
      push(member(ASSURANCE_KINDS, payload.kind) && t(`cases.vocab.assuranceKinds.${payload.kind}`));
      push(str(payload.givenBy) && t("cases.timeline.givenBy", { by: payload.givenBy }));
      push(str(payload.text));
      break;
    case "decided": {
      push(member(DECISION_OUTCOMES, payload.outcome) && t(`cases.vocab.outcomes.${payload.outcome}`));
      const grounds = Array.isArray(payload.grounds) ? payload.grounds : [];
      for (const ground of grounds as Record<string, unknown>[]) {
        const code = str(ground.code);
        if (!code) continue;
        const rule = str(ground.ruleId);
        push(
          `• ${groundLabel(code, t)}${rule ? ` (${rule})` : ""}${str(ground.note) ? `: ${ground.note}` : ""}`,
        );
      }
      push(str(payload.decidedBy) && t("cases.timeline.decidedBy", { by: payload.decidedBy }));
      break;
    }
    case "measure_status_changed":
      push(
        str(payload.measureId) &&
          member(MEASURE_STATUSES, payload.status) &&
          t("cases.timeline.measureStatus", {
            measure: context.measureName(String(payload.measureId)),
            status: t(`cases.vocab.measureStatuses.${payload.status}`),
          }),
      );
      push(str(payload.executingAuthority));
      push(str(payload.result));
      break;
    case "asset_stage_changed":
      push(
        str(payload.assetId) &&
          member(ASSET_STAGES, payload.stage) &&
          t("cases.timeline.assetStage", {
            asset: context.assetName(String(payload.assetId)),
            stage: t(`cases.vocab.assetStages.${payload.stage}`),
          }),
      );
      push(str(payload.orderReference));
      break;
    case "surrender_date_set":
      push(
        str(payload.surrenderOn) &&
          t("cases.timeline.surrenderOn", { date: context.date(String(payload.surrenderOn)) }),
      );
      break;
    case "correspondence_logged":
      push(
        (payload.direction === "in" || payload.direction === "out") &&
          t(`cases.vocab.correspondenceDirections.${payload.direction}`),
      );
      push(channel);
      push(str(payload.counterpart));
      push(str(payload.summary));
      break;
    case "follow_up_opened":
      push(payload.task === "domestic_prosecution" && t("cases.vocab.followUpTasks.domestic_prosecution"));
      push(str(payload.ruleId));
      push(str(payload.note));
      break;
    case "document_added":
      push(str(payload.name));
      break;
    case "withdrawn":
    case "closed":
    case "reopened":
      push(str(payload.reason));
      break;
    case "header_amended": {
      const header = (payload.header ?? {}) as Record<string, unknown>;
      const fields = Object.keys(header).map((field) => {
        const known = HEADER_FIELDS[field];
        return known ? t(`cases.fields.${known}`) : field;
      });
      push(t("cases.timeline.fieldsChanged", { fields: fields.join(", ") }));
      break;
    }
    case "facts_amended":
      push(t("cases.timeline.factsReplaced"));
      break;
  }
  return lines;
}
