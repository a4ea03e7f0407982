import type { TFunction } from "i18next";
import { type CaseEventInput, type CaseEventType, caseEventPayloads } from "../../domain/cases/model.js";
import {
  ASSET_EXTENTS,
  ASSET_STAGES,
  ASSURANCE_KINDS,
  CORRESPONDENCE_CHANNELS,
  MEASURE_STATUSES,
} from "../../domain/cases/vocabulary.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import { issueMessage } from "../forms/form-errors.js";
import { DECISION_OUTCOMES } from "./labels.js";

/**
 * The form of each event a user records, described as data: the modal renders the fields
 * and builds the payload that caseEventPayloads[type] checks. Amending the header and the
 * facts have forms of their own (header-amend-modal, facts-amend-modal).
 */

export type OptionList =
  | "channels"
  | "assuranceKinds"
  | "outcomes"
  | "measureStatuses"
  | "assetStages"
  | "assetExtents"
  | "correspondenceDirections";

export type FieldSpec =
  | { name: string; kind: "date"; required: boolean }
  | { name: string; kind: "text"; required: boolean; max: number }
  | { name: string; kind: "textarea"; required: boolean; max: number }
  | { name: string; kind: "select"; required: boolean; options: OptionList }
  | { name: string; kind: "state"; required: boolean }
  | { name: string; kind: "person"; required: boolean }
  | { name: string; kind: "measure"; required: boolean }
  | { name: string; kind: "asset"; required: boolean }
  | { name: string; kind: "team"; required: boolean }
  | { name: string; kind: "items"; required: boolean }
  | { name: string; kind: "grounds"; required: boolean }
  /** An amount in its currency ({amount: "1200000.00", currency: "RUB"}): both or neither. */
  | { name: string; kind: "money"; required: boolean };

export const OPTION_VALUES: Record<OptionList, readonly string[]> = {
  channels: CORRESPONDENCE_CHANNELS,
  assuranceKinds: ASSURANCE_KINDS,
  outcomes: DECISION_OUTCOMES,
  measureStatuses: MEASURE_STATUSES,
  assetStages: ASSET_STAGES,
  assetExtents: ASSET_EXTENTS,
  correspondenceDirections: ["in", "out"],
};

const on: FieldSpec = { name: "on", kind: "date", required: true };
const person: FieldSpec = { name: "personId", kind: "person", required: false };
const reason = (required: boolean): FieldSpec => ({ name: "reason", kind: "textarea", required, max: 2000 });

/** Events recorded through a form of fields (every client event but the two amendments). */
export const EVENT_FORMS = {
  received: [on, { name: "channel", kind: "select", required: false, options: "channels" }],
  registered: [on],
  sent: [on, { name: "channel", kind: "select", required: false, options: "channels" }],
  assigned: [
    on,
    { name: "teamId", kind: "team", required: false },
    { name: "officer", kind: "text", required: false, max: 300 },
  ],
  information_requested: [
    on,
    { name: "items", kind: "items", required: true },
    { name: "dueOn", kind: "date", required: false },
  ],
  information_received: [on, { name: "note", kind: "textarea", required: false, max: 4000 }],
  consultation_held: [
    on,
    { name: "withState", kind: "state", required: true },
    { name: "summary", kind: "textarea", required: true, max: 4000 },
  ],
  provisional_arrest: [on, person, { name: "place", kind: "text", required: false, max: 300 }],
  released: [on, person, reason(true)],
  consent_recorded: [on, person],
  assurance_recorded: [
    on,
    { name: "kind", kind: "select", required: true, options: "assuranceKinds" },
    { name: "givenBy", kind: "text", required: true, max: 300 },
    { name: "text", kind: "textarea", required: true, max: 8000 },
  ],
  decided: [
    on,
    { name: "outcome", kind: "select", required: true, options: "outcomes" },
    { name: "grounds", kind: "grounds", required: false },
    { name: "decidedBy", kind: "text", required: false, max: 300 },
  ],
  measure_status_changed: [
    on,
    { name: "measureId", kind: "measure", required: true },
    { name: "status", kind: "select", required: true, options: "measureStatuses" },
    { name: "executingAuthority", kind: "text", required: false, max: 300 },
    { name: "result", kind: "textarea", required: false, max: 4000 },
  ],
  asset_stage_changed: [
    on,
    { name: "assetId", kind: "asset", required: true },
    { name: "stage", kind: "select", required: true, options: "assetStages" },
    { name: "orderReference", kind: "text", required: false, max: 200 },
    { name: "amount", kind: "money", required: false },
    { name: "extent", kind: "select", required: false, options: "assetExtents" },
  ],
  surrender_date_set: [on, { name: "surrenderOn", kind: "date", required: true }],
  surrendered: [on, person],
  correspondence_logged: [
    on,
    { name: "direction", kind: "select", required: true, options: "correspondenceDirections" },
    { name: "channel", kind: "select", required: true, options: "channels" },
    { name: "counterpart", kind: "text", required: false, max: 300 },
    { name: "summary", kind: "textarea", required: true, max: 4000 },
  ],
  withdrawn: [on, reason(true)],
  closed: [on, reason(false)],
  reopened: [on, reason(true)],
} as const satisfies Partial<Record<CaseEventType, readonly FieldSpec[]>>;

export type FormEventType = keyof typeof EVENT_FORMS;
export const FORM_EVENT_TYPES = Object.keys(EVENT_FORMS) as FormEventType[];

export function isFormEventType(type: string): type is FormEventType {
  return type in EVENT_FORMS;
}

/** One ground of a decision as the form holds it. */
export type GroundRow = { key: string; ruleId: string; code: string | null; note: string };

/** An amount as the form holds it: the figure as typed and the currency code. */
export type MoneyRow = { amount: string; currency: string };

export type EventFormValues = Record<string, string | string[] | GroundRow[] | MoneyRow | null>;

export type EventDefaults = {
  today: IsoDate;
  /** The person sought, when there is one: the usual subject of custody events. */
  personId: string | null;
  /** The foreign state: the usual other side of a consultation. */
  partnerState: string | null;
};

export function initialEventValues(type: FormEventType, defaults: EventDefaults): EventFormValues {
  const values: EventFormValues = {};
  for (const field of EVENT_FORMS[type] as readonly FieldSpec[]) {
    switch (field.kind) {
      case "date":
        values[field.name] = field.name === "on" ? defaults.today : "";
        break;
      case "person":
        values[field.name] = defaults.personId;
        break;
      case "state":
        values[field.name] = defaults.partnerState;
        break;
      case "items":
        values[field.name] = [""];
        break;
      case "grounds":
        values[field.name] = [];
        break;
      case "money":
        values[field.name] = { amount: "", currency: "" };
        break;
      case "select":
        values[field.name] = field.required && field.options === "correspondenceDirections" ? "in" : null;
        break;
      default:
        values[field.name] = field.kind === "text" || field.kind === "textarea" ? "" : null;
    }
  }
  return values;
}

function trimmed(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  return text === "" ? null : text;
}

/**
 * An amount as the API takes it: digits with a dot ("1 200 000,50" is 1200000.50), the
 * currency in capitals; neither given is no amount, one alone is sent so the schema names
 * the missing one.
 */
export function moneyOf(value: MoneyRow | null | undefined): { amount: string; currency: string } | null {
  const amount = (value?.amount ?? "").replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  const currency = (value?.currency ?? "").trim().toUpperCase();
  if (amount === "" && currency === "") return null;
  return { amount, currency };
}

/** The payload the server expects: empty optional fields are null, a required empty one stays "" so the schema names it. */
export function payloadOf(type: FormEventType, values: EventFormValues): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of EVENT_FORMS[type] as readonly FieldSpec[]) {
    const value = values[field.name];
    switch (field.kind) {
      case "items":
        payload[field.name] = (Array.isArray(value) ? (value as string[]) : [])
          .map((item) => item.trim())
          .filter(Boolean);
        break;
      case "grounds": {
        const outcome = values.outcome;
        const rows =
          outcome === "refused" || outcome === "partially_granted" ? ((value as GroundRow[]) ?? []) : [];
        payload[field.name] = rows.map((row) => ({
          ruleId: trimmed(row.ruleId),
          code: row.code ?? "",
          note: trimmed(row.note),
        }));
        break;
      }
      case "money":
        payload[field.name] = moneyOf(value as MoneyRow | null);
        break;
      default: {
        const text = trimmed(value);
        if (field.required) payload[field.name] = text ?? "";
        else if (text !== null) payload[field.name] = text;
        else payload[field.name] = null;
      }
    }
  }
  return payload;
}

/** A payload path ("items.2", "grounds.0.code", "payload.on") as the form's field. */
export function eventFieldPath(path: string): string {
  const clean = path.replace(/^(body\.)?payload\./, "");
  const item = /^items\.\d+$/.exec(clean);
  if (item) return "items";
  return clean;
}

export type EventCheck = { ok: true; event: CaseEventInput } | { ok: false; errors: Record<string, string> };

export function checkEvent(type: FormEventType, values: EventFormValues, t: TFunction): EventCheck {
  const payload = payloadOf(type, values);
  const parsed = caseEventPayloads[type].safeParse(payload);
  if (parsed.success) return { ok: true, event: { type, payload: parsed.data } as CaseEventInput };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = eventFieldPath(issue.path.map(String).join("."));
    if (!(path in errors)) errors[path] = issueMessage(issue, t);
  }
  return { ok: false, errors };
}
