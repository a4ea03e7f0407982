import type { CaseHeaderAmendment } from "../../domain/cases/model.js";
import type { ConfidentialityLevel, Priority } from "../../domain/cases/vocabulary.js";
import type { CaseView } from "./cases-api.js";

/** The header as the "Amend details" form edits it, and the amendment it sends. */
export type HeaderValues = {
  title: string;
  foreignReference: string;
  summary: string;
  requestingAuthority: string;
  requestedAuthority: string;
  purpose: string;
  offenceCategory: string;
  priority: Priority;
  urgencyReason: string;
  confidentiality: ConfidentialityLevel;
  teamId: string | null;
};

const TEXT_FIELDS = [
  "title",
  "foreignReference",
  "summary",
  "requestingAuthority",
  "requestedAuthority",
  "offenceCategory",
  "urgencyReason",
] as const;

export function headerValues(view: CaseView): HeaderValues {
  const { header } = view;
  return {
    title: header.title,
    foreignReference: header.foreignReference ?? "",
    summary: header.summary ?? "",
    requestingAuthority: header.requestingAuthority ?? "",
    requestedAuthority: header.requestedAuthority ?? "",
    purpose: header.purpose ?? "",
    offenceCategory: header.offenceCategory ?? "",
    priority: header.priority,
    urgencyReason: header.urgencyReason ?? "",
    confidentiality: header.confidentiality,
    teamId: header.teamId ?? null,
  };
}

/** Only the fields that changed, with emptied texts as null. */
export function headerAmendment(before: HeaderValues, after: HeaderValues): CaseHeaderAmendment {
  const amendment: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) {
    const value = after[field].trim();
    if (value !== before[field].trim())
      amendment[field] = value === "" ? (field === "title" ? "" : null) : value;
  }
  if (after.purpose !== before.purpose) amendment.purpose = after.purpose || null;
  if (after.priority !== before.priority) amendment.priority = after.priority;
  if (after.confidentiality !== before.confidentiality) amendment.confidentiality = after.confidentiality;
  if (after.teamId !== before.teamId) amendment.teamId = after.teamId;
  return amendment as CaseHeaderAmendment;
}
