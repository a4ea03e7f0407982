import type { z } from "zod";
import type { caseHeaderSchema } from "../../domain/cases/model.js";
import { createCaseBodySchema } from "../../domain/cases/schemas.js";
import type {
  CaseKind,
  ConfidentialityLevel,
  Direction,
  ExtraditionPurpose,
  Priority,
} from "../../domain/cases/vocabulary.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import type { NewCase } from "./cases-api.js";
import { EMPTY_FACTS, type FactsValues, factsFormPath, factsOf } from "./facts-values.js";

/** The wizard's values, across its four steps. */
export type WizardValues = {
  kind: CaseKind;
  direction: Direction;
  requestingState: string | null;
  requestedState: string | null;
  reference: string;
  foreignReference: string;
  title: string;
  summary: string;
  requestingAuthority: string;
  requestedAuthority: string;
  /** Incoming: the day the request reached us. */
  receivedOn: string;
  purpose: ExtraditionPurpose | "";
  offenceCategory: string;
  priority: Priority;
  urgencyReason: string;
  confidentiality: ConfidentialityLevel;
  teamId: string | null;
  /** The legal basis chosen: an instrument's id, "reciprocity", or null for "not yet known". */
  basis: string | null;
  basisArticles: string;
  reciprocityNote: string;
  facts: FactsValues;
};

export const RECIPROCITY = "reciprocity";
export const WIZARD_STEPS = ["request", "basis", "facts", "review"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export function initialWizardValues(today: IsoDate): WizardValues {
  return {
    kind: "mla",
    direction: "incoming",
    requestingState: null,
    requestedState: null,
    reference: "",
    foreignReference: "",
    title: "",
    summary: "",
    requestingAuthority: "",
    requestedAuthority: "",
    receivedOn: today,
    purpose: "",
    offenceCategory: "",
    priority: "normal",
    urgencyReason: "",
    confidentiality: "standard",
    teamId: null,
    basis: null,
    basisArticles: "",
    reciprocityNote: "",
    facts: EMPTY_FACTS,
  };
}

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** The header and the body as the wizard builds them: what the schema checks before they leave. */
type HeaderInput = z.input<typeof caseHeaderSchema>;
type BodyInput = z.input<typeof createCaseBodySchema>;

function legalBasisOf(values: WizardValues): HeaderInput["legalBasis"] {
  if (values.basis === null) return null;
  if (values.basis === RECIPROCITY) return { type: "reciprocity", note: text(values.reciprocityNote) };
  return { type: "instrument", instrumentId: values.basis, articles: text(values.basisArticles) };
}

export function headerOf(values: WizardValues): HeaderInput {
  return {
    kind: values.kind,
    direction: values.direction,
    reference: values.reference.trim(),
    foreignReference: text(values.foreignReference),
    requestingState: values.requestingState ?? "",
    requestedState: values.requestedState ?? "",
    requestingAuthority: text(values.requestingAuthority),
    requestedAuthority: text(values.requestedAuthority),
    legalBasis: legalBasisOf(values),
    purpose: values.kind === "extradition" && values.purpose ? values.purpose : null,
    offenceCategory: text(values.offenceCategory),
    priority: values.priority,
    urgencyReason: values.priority === "normal" ? null : text(values.urgencyReason),
    confidentiality: values.confidentiality,
    teamId: values.teamId,
    title: values.title.trim(),
    summary: text(values.summary),
  };
}

export function newCaseBody(values: WizardValues): BodyInput {
  const body: BodyInput = { header: headerOf(values), facts: factsOf(values.facts) };
  if (values.direction === "incoming" && values.receivedOn) body.receivedOn = values.receivedOn;
  return body;
}

/**
 * A path of the body ("header.title", "facts.assets.0.value.amount", "receivedOn") as the
 * wizard's field ("title", "facts.assets.0.amount", "receivedOn").
 */
export function wizardPath(path: string): string {
  const clean = path.replace(/^body\./, "");
  if (clean.startsWith("header.legalBasis")) {
    return clean.endsWith("articles")
      ? "basisArticles"
      : clean.endsWith("note")
        ? "reciprocityNote"
        : "basis";
  }
  if (clean.startsWith("header.")) return clean.slice("header.".length).split(".")[0] ?? clean;
  if (clean.startsWith("facts.")) return factsFormPath(clean.slice("facts.".length));
  return clean;
}

/** The step that holds a field, so that the wizard can go back to the first field in error. */
export function stepOfField(path: string): WizardStep {
  if (path.startsWith("facts.")) return "facts";
  if (path === "basis" || path === "basisArticles" || path === "reciprocityNote") return "basis";
  return "request";
}

export type BodyCheck = { ok: true; body: NewCase } | { ok: false; issues: z.core.$ZodIssue[] };

export function checkBody(values: WizardValues): BodyCheck {
  const parsed = createCaseBodySchema.safeParse(newCaseBody(values));
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, issues: parsed.error.issues };
}

/** What a complete request still lacks: shown on the review step, and not blocking. */
export const COMPLETENESS_ITEMS = [
  "title",
  "legalBasis",
  "offence",
  "personSought",
  "measure",
  "asset",
] as const;
export type CompletenessItem = (typeof COMPLETENESS_ITEMS)[number];

export function missingItems(values: WizardValues): CompletenessItem[] {
  const missing: CompletenessItem[] = [];
  const { facts, kind } = values;
  if (!values.title.trim()) missing.push("title");
  if (values.basis === null) missing.push("legalBasis");
  const needsOffence = kind === "extradition" || kind === "transfer_of_proceedings";
  if (needsOffence && facts.offences.length === 0) missing.push("offence");
  if (kind === "extradition" && !facts.persons.some((person) => person.role === "sought"))
    missing.push("personSought");
  const needsMeasure = kind === "mla" || kind === "preservation_of_data";
  if (needsMeasure && facts.measures.length === 0) missing.push("measure");
  if (kind === "asset_recovery" && facts.assets.length === 0) missing.push("asset");
  return missing;
}

/** The step where a missing item is added. */
export function stepOfItem(item: CompletenessItem): WizardStep {
  if (item === "title") return "request";
  if (item === "legalBasis") return "basis";
  return "facts";
}

/** A random UUID (v4), also where crypto.randomUUID is missing (plain HTTP outside localhost). */
export function randomKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
