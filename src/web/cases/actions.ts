import type { CaseEventType } from "../../domain/cases/model.js";
import type { CaseView } from "./cases-api.js";

/** The events that move or record the request's handling, in the order of a case's life. */
const LIFECYCLE = [
  "received",
  "registered",
  "sent",
  "assigned",
  "information_requested",
  "information_received",
  "consultation_held",
  "assurance_recorded",
  "provisional_arrest",
  "consent_recorded",
  "released",
  "decided",
  "measure_status_changed",
  "asset_stage_changed",
  "surrender_date_set",
  "surrendered",
  "withdrawn",
  "closed",
  "reopened",
] as const satisfies readonly CaseEventType[];

/** Filing and corrections: they do not move the case. */
const FILING = [
  "correspondence_logged",
  "header_amended",
  "facts_amended",
] as const satisfies readonly CaseEventType[];

export type ActionType = (typeof LIFECYCLE)[number] | (typeof FILING)[number];

/** The actions to offer: those the server allows now, less those the case has nothing for. */
export function actionsFor(view: Pick<CaseView, "allowedEventTypes" | "facts">): {
  lifecycle: ActionType[];
  filing: ActionType[];
} {
  const allowed = new Set<string>(view.allowedEventTypes);
  const possible = (type: ActionType) => {
    if (!allowed.has(type)) return false;
    if (type === "measure_status_changed") return view.facts.measures.length > 0;
    if (type === "asset_stage_changed") return view.facts.assets.length > 0;
    return true;
  };
  return { lifecycle: LIFECYCLE.filter(possible), filing: FILING.filter(possible) };
}
