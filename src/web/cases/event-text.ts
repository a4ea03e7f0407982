import type { TFunction } from "i18next";
import type { CaseEventInput, CaseHeaderAmendment } from "../../domain/cases/model.js";
import type { CorrespondenceChannel } from "../../domain/cases/vocabulary.js";
import { groundLabel } from "./labels.js";

/** Names of the case's persons, measures, assets and teams, and the formats of the interface. */
export type EventTextContext = {
  t: TFunction;
  date: (iso: string) => string;
  stateName: (code: string) => string;
  personName: (id: string) => string;
  measureName: (id: string) => string;
  assetName: (id: string) => string;
  teamName: (id: string) => string;
  /** An amount in its currency ("1,200,000.00 RUB"); the plain figure and code without it. */
  money?: (amount: string, currency: string) => string;
};

/** Header fields as the labels of cases.fields (the team and the authorities chosen from the directory by their ids). */
const HEADER_FIELDS: Record<keyof CaseHeaderAmendment, HeaderFieldLabel> = {
  title: "title",
  foreignReference: "foreignReference",
  summary: "summary",
  requestingAuthority: "requestingAuthority",
  requestedAuthority: "requestedAuthority",
  requestingAgencyId: "requestingAuthority",
  requestedAgencyId: "requestedAuthority",
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

/** An event's payload as short lines for the timeline, in the interface language. */
export function eventLines(event: CaseEventInput, context: EventTextContext): string[] {
  const { t } = context;
  const lines: string[] = [];
  const push = (line: string | null | false | undefined) => {
    if (line) lines.push(line);
  };
  const channel = (value: CorrespondenceChannel | null | undefined) =>
    value ? t("cases.timeline.channel", { channel: t(`cases.vocab.channels.${value}`) }) : null;
  const person = (id: string | null | undefined) =>
    id ? t("cases.timeline.person", { person: context.personName(id) }) : null;
  switch (event.type) {
    case "opened":
      push(event.payload.header.title);
      break;
    case "received":
    case "sent":
      push(channel(event.payload.channel));
      break;
    case "assigned": {
      const { teamId, officer } = event.payload;
      push(teamId && t("cases.timeline.team", { team: context.teamName(teamId) }));
      push(officer && t("cases.timeline.officer", { officer }));
      break;
    }
    case "information_requested": {
      for (const item of event.payload.items) push(`• ${item}`);
      const { dueOn } = event.payload;
      push(dueOn && t("cases.timeline.dueOn", { date: context.date(dueOn) }));
      break;
    }
    case "information_received":
      push(event.payload.note);
      break;
    case "consultation_held":
      push(t("cases.timeline.withState", { state: context.stateName(event.payload.withState) }));
      push(event.payload.summary);
      break;
    case "provisional_arrest": {
      const { personId, place } = event.payload;
      push(person(personId));
      push(place && t("cases.timeline.place", { place }));
      break;
    }
    case "released":
      push(person(event.payload.personId));
      push(event.payload.reason);
      break;
    case "consent_recorded":
    case "surrendered":
      push(person(event.payload.personId));
      break;
    case "assurance_recorded":
      push(t(`cases.vocab.assuranceKinds.${event.payload.kind}`));
      push(t("cases.timeline.givenBy", { by: event.payload.givenBy }));
      push(event.payload.text);
      break;
    case "decided": {
      const { outcome, grounds, decidedBy } = event.payload;
      push(t(`cases.vocab.outcomes.${outcome}`));
      for (const ground of grounds)
        push(
          `• ${groundLabel(ground.code, t)}${ground.ruleId ? ` (${ground.ruleId})` : ""}${ground.note ? `: ${ground.note}` : ""}`,
        );
      push(decidedBy && t("cases.timeline.decidedBy", { by: decidedBy }));
      break;
    }
    case "measure_status_changed":
      push(
        t("cases.timeline.measureStatus", {
          measure: context.measureName(event.payload.measureId),
          status: t(`cases.vocab.measureStatuses.${event.payload.status}`),
        }),
      );
      push(event.payload.executingAuthority);
      push(event.payload.result);
      break;
    case "asset_stage_changed":
      push(
        t("cases.timeline.assetStage", {
          asset: context.assetName(event.payload.assetId),
          stage: t(`cases.vocab.assetStages.${event.payload.stage}`),
        }),
      );
      push(event.payload.orderReference);
      if (event.payload.amount) {
        const { amount, currency } = event.payload.amount;
        const money = context.money ? context.money(amount, currency) : `${amount} ${currency}`;
        push(
          event.payload.extent
            ? t(`cases.timeline.assetAmountExtent.${event.payload.extent}`, { amount: money })
            : t("cases.timeline.assetAmount", { amount: money }),
        );
      } else if (event.payload.extent) {
        push(t(`cases.vocab.assetExtents.${event.payload.extent}`));
      }
      break;
    case "surrender_date_set":
      push(t("cases.timeline.surrenderOn", { date: context.date(event.payload.surrenderOn) }));
      break;
    case "correspondence_logged":
      push(t(`cases.vocab.correspondenceDirections.${event.payload.direction}`));
      push(channel(event.payload.channel));
      push(event.payload.counterpart);
      push(event.payload.summary);
      break;
    case "follow_up_opened":
      push(t(`cases.vocab.followUpTasks.${event.payload.task}`));
      push(event.payload.ruleId);
      push(event.payload.note);
      break;
    case "document_added":
      push(event.payload.name);
      break;
    case "withdrawn":
    case "closed":
    case "reopened":
      push(event.payload.reason);
      break;
    case "header_amended": {
      const fields = new Set(
        (Object.keys(event.payload.header) as (keyof CaseHeaderAmendment)[]).map((field) =>
          t(`cases.fields.${HEADER_FIELDS[field]}`),
        ),
      );
      push(t("cases.timeline.fieldsChanged", { fields: [...fields].join(", ") }));
      break;
    }
    case "facts_amended":
      push(t("cases.timeline.factsReplaced"));
      break;
  }
  return lines;
}
