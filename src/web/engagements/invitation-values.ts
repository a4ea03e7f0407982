import type { EngagementDetail, OutcomeView } from "../../domain/engagements/schemas.js";
import type { InvitationAnswer } from "./engagements-api.js";

export type Invitation = Extract<OutcomeView, { kind: "invitation" }>;

export type AcceptValues = {
  kind: string;
  titleEn: string;
  titleRu: string;
  precision: "day" | "month" | "year";
  on: string;
  city: string;
  placeState: string | null;
  states: string[];
};

/** The planned engagement an invitation leads to, prefilled from what the invitation says. */
export function acceptValues(
  invitation: Invitation,
  engagement: Pick<EngagementDetail, "states" | "startOn">,
): AcceptValues {
  const expected = invitation.expectedOn ?? "";
  const precision = expected.length === 4 ? "year" : expected.length === 7 ? "month" : "day";
  const states = [
    ...new Set([...(invitation.counterpartState ? [invitation.counterpartState] : []), ...engagement.states]),
  ];
  return {
    kind: invitation.direction === "received" ? "outgoing_visit" : "incoming_visit",
    titleEn: invitation.eventEn,
    titleRu: invitation.eventRu ?? "",
    precision,
    on: expected,
    city: "",
    placeState: invitation.direction === "received" ? invitation.counterpartState : null,
    states,
  };
}

/** The answer "accepted" with its planned engagement, as the API takes it. */
export function acceptBody(values: AcceptValues): InvitationAnswer {
  const on = values.on.trim();
  const startOn =
    values.precision === "year" ? `${on}-01-01` : values.precision === "month" ? `${on}-01` : on;
  return {
    answer: "accepted",
    engagement: {
      kind: values.kind as "incoming_visit",
      titleEn: values.titleEn.trim(),
      titleRu: values.titleRu.trim(),
      status: "planned",
      startOn,
      precision: values.precision,
      city: values.city.trim() || null,
      placeState: values.placeState,
      states: values.states,
    },
  };
}
