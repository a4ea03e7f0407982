import type { InstrumentDetail } from "../../domain/registry/schemas.js";
import { listKey } from "../forms/form-helpers.js";
import { type CitationValues, EMPTY_CITATION, fromCitation, toCitation } from "./citation-fields.js";
import type { NewInstrument } from "./registry-api.js";

/** The instrument form's values: strings as typed, converted to the API's shape on submit. */
export type InstrumentFormValues = {
  code: string;
  kind: string;
  titleEn: string;
  titleRu: string;
  titleOriginal: string;
  originalLanguage: string;
  shortTitle: string;
  identifiers: { key: string; scheme: string; value: string }[];
  subjects: string[];
  binding: boolean;
  level: string;
  scope: string;
  organisation: string;
  openedForSignature: string;
  place: string;
  entryIntoForce: string;
  entryIntoForceDelayDays: string;
  termStart: string;
  termEnd: string;
  durationMonths: string;
  depositaryUrl: string;
  texts: { key: string; language: string; url: string; title: string }[];
  sources: (CitationValues & { key: string })[];
  intendedStates: string[];
  notes: string;
};

export const EMPTY_INSTRUMENT: InstrumentFormValues = {
  code: "",
  kind: "treaty",
  titleEn: "",
  titleRu: "",
  titleOriginal: "",
  originalLanguage: "",
  shortTitle: "",
  identifiers: [],
  subjects: [],
  binding: true,
  level: "interstate",
  scope: "bilateral",
  organisation: "",
  openedForSignature: "",
  place: "",
  entryIntoForce: "",
  entryIntoForceDelayDays: "",
  termStart: "",
  termEnd: "",
  durationMonths: "",
  depositaryUrl: "",
  texts: [],
  sources: [{ ...EMPTY_CITATION, key: "source-first" }],
  intendedStates: [],
  notes: "",
};

const orNull = (value: string) => value.trim() || null;
const dateOrNull = (value: string) => value || null;
/** Numbers stay as typed when they are not whole numbers, so that the schema reports them. */
function integerOrNull(value: string): number | null {
  const text = value.trim();
  if (!text) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : Number.NaN;
}

type Detail = Pick<
  InstrumentDetail,
  | "code"
  | "kind"
  | "titleEn"
  | "titleRu"
  | "titleOriginal"
  | "originalLanguage"
  | "shortTitle"
  | "identifiers"
  | "subjects"
  | "binding"
  | "level"
  | "scope"
  | "organisation"
  | "openedForSignature"
  | "place"
  | "entryIntoForce"
  | "entryIntoForceDelayDays"
  | "termStart"
  | "termEnd"
  | "durationMonths"
  | "depositaryUrl"
  | "texts"
  | "sources"
  | "intendedParties"
  | "notes"
>;

export function valuesFromDetail(detail: Detail): InstrumentFormValues {
  return {
    code: detail.code,
    kind: detail.kind,
    titleEn: detail.titleEn,
    titleRu: detail.titleRu ?? "",
    titleOriginal: detail.titleOriginal ?? "",
    originalLanguage: detail.originalLanguage ?? "",
    shortTitle: detail.shortTitle ?? "",
    identifiers: detail.identifiers.map((identifier) => ({ key: listKey(), ...identifier })),
    subjects: [...detail.subjects],
    binding: detail.binding,
    level: detail.level,
    scope: detail.scope,
    organisation: detail.organisation ?? "",
    openedForSignature: detail.openedForSignature ?? "",
    place: detail.place ?? "",
    entryIntoForce: detail.entryIntoForce ?? "",
    entryIntoForceDelayDays:
      detail.entryIntoForceDelayDays === null ? "" : String(detail.entryIntoForceDelayDays),
    termStart: detail.termStart ?? "",
    termEnd: detail.termEnd ?? "",
    durationMonths: detail.durationMonths === null ? "" : String(detail.durationMonths),
    depositaryUrl: detail.depositaryUrl ?? "",
    texts: detail.texts.map((text) => ({
      key: listKey(),
      language: text.language,
      url: text.url,
      title: text.title ?? "",
    })),
    sources: detail.sources.map((source) => ({ ...fromCitation(source), key: listKey() })),
    intendedStates: detail.intendedParties
      .filter((party) => party.type === "state" && party.code)
      .map((party) => party.code ?? ""),
    notes: detail.notes ?? "",
  };
}

/** Intended parties that are not states (agencies, organisations) are kept as they are. */
type OtherParty = { type: "agency"; id: string } | { type: "organisation"; code: string };

export function otherIntendedParties(detail: Pick<InstrumentDetail, "intendedParties"> | null): OtherParty[] {
  if (!detail) return [];
  return detail.intendedParties.flatMap((party): OtherParty[] => {
    if (party.type === "agency" && party.agencyId) return [{ type: "agency", id: party.agencyId }];
    if (party.type === "organisation" && party.code) return [{ type: "organisation", code: party.code }];
    return [];
  });
}

/** Everything but the code: the body of a PATCH, before only the changed fields are kept. */
export function instrumentFields(
  values: InstrumentFormValues,
  keep: OtherParty[] = [],
): Omit<NewInstrument, "code"> {
  return {
    kind: values.kind as NewInstrument["kind"],
    titleEn: values.titleEn.trim(),
    titleRu: orNull(values.titleRu),
    titleOriginal: orNull(values.titleOriginal),
    originalLanguage: orNull(values.originalLanguage.toLowerCase()),
    shortTitle: orNull(values.shortTitle),
    identifiers: values.identifiers.map((identifier) => ({
      scheme: identifier.scheme as "other",
      value: identifier.value.trim(),
    })),
    subjects: values.subjects as NewInstrument["subjects"],
    binding: values.binding,
    level: values.level as NewInstrument["level"],
    scope: values.scope as NewInstrument["scope"],
    organisation: orNull(values.organisation),
    openedForSignature: dateOrNull(values.openedForSignature),
    place: orNull(values.place),
    entryIntoForce: dateOrNull(values.entryIntoForce),
    entryIntoForceDelayDays: integerOrNull(values.entryIntoForceDelayDays),
    termStart: dateOrNull(values.termStart),
    termEnd: dateOrNull(values.termEnd),
    durationMonths: integerOrNull(values.durationMonths),
    depositaryUrl: orNull(values.depositaryUrl),
    texts: values.texts.map((text) => ({
      language: text.language.trim().toLowerCase(),
      url: text.url.trim(),
      title: orNull(text.title),
    })),
    sources: values.sources.map(toCitation),
    intendedParties: [...values.intendedStates.map((code) => ({ type: "state" as const, code })), ...keep],
    notes: orNull(values.notes),
  };
}

export function newInstrumentBody(values: InstrumentFormValues): NewInstrument {
  return { code: values.code.trim().toUpperCase(), ...instrumentFields(values) };
}
