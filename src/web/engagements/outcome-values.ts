import type { EngagementDetail } from "../../domain/engagements/schemas.js";
import type { OutcomeKind } from "../../domain/engagements/vocabulary.js";
import type { NewOutcome } from "./engagements-api.js";
import { ownerFields } from "./owners.js";

/** The kinds that write to the registry (they need registry.write as well). */
export const INSTRUMENT_OUTCOMES: readonly OutcomeKind[] = ["instrument_signed", "programme_adopted"];

export type SourceValues = { url: string; title: string; publishedOn: string };
export const EMPTY_SOURCE: SourceValues = { url: "", title: "", publishedOn: "" };

export type NewInstrumentValues = {
  code: string;
  kind: string;
  titleEn: string;
  titleRu: string;
  subjects: string[];
  binding: boolean;
  level: string;
  scope: string;
  termStart: string;
  termEnd: string;
  durationMonths: string;
};

export type OutcomeValues = {
  kind: OutcomeKind;
  date: string;
  source: SourceValues;
  note: string;
  instrumentMode: "existing" | "new";
  instrumentId: string | null;
  newInstrument: NewInstrumentValues;
  parties: string[];
  commitmentKind: string;
  textEn: string;
  textRu: string;
  action: { title: string; owner: string | null; dueOn: string };
  direction: string;
  counterpart: string;
  counterpartState: string | null;
  eventEn: string;
  eventRu: string;
  expectedOn: string;
  titleEn: string;
  titleRu: string;
  text: string;
  url: string;
  caseReference: string;
};

type Context = Pick<EngagementDetail, "startOn" | "states" | "sources">;

export function initialOutcomeValues(engagement: Context, kind: OutcomeKind = "commitment"): OutcomeValues {
  return {
    kind,
    date: engagement.startOn,
    source: { ...EMPTY_SOURCE },
    note: "",
    instrumentMode: "new",
    instrumentId: null,
    newInstrument: {
      code: "",
      kind: kind === "programme_adopted" ? "cooperation_programme" : "memorandum",
      titleEn: "",
      titleRu: "",
      subjects: [],
      binding: false,
      level: "interagency",
      scope: engagement.states.length > 2 ? "plurilateral" : "bilateral",
      termStart: "",
      termEnd: "",
      durationMonths: "",
    },
    parties: [...engagement.states],
    commitmentKind: "proposal",
    textEn: "",
    textRu: "",
    action: { title: "", owner: null, dueOn: "" },
    direction: "extended",
    counterpart: "",
    counterpartState: null,
    eventEn: "",
    eventRu: "",
    expectedOn: "",
    titleEn: "",
    titleRu: "",
    text: "",
    url: "",
    caseReference: "",
  };
}

const blank = (value: string) => value.trim() || null;

function sourceOf(values: SourceValues) {
  const source = {
    url: blank(values.url),
    title: blank(values.title),
    publishedOn: values.publishedOn || null,
  };
  return source.url || source.title || source.publishedOn ? source : null;
}

/**
 * The new instrument's source: the outcome's own, else the engagement's first. The
 * registry cites at least one source for every instrument.
 */
function instrumentSources(values: OutcomeValues, engagement: Context) {
  const source = sourceOf(values.source) ?? engagement.sources[0] ?? null;
  if (!source) return [];
  return [
    {
      kind: source.url ? ("url" as const) : ("document" as const),
      title: source.title ?? null,
      url: source.url ?? null,
      date: source.publishedOn ?? null,
    },
  ];
}

/** The form's strings as the API's outcome (outcomeInputSchema). */
export function outcomeBody(values: OutcomeValues, engagement: Context): NewOutcome {
  const common = { date: values.date || null, source: sourceOf(values.source), note: blank(values.note) };
  switch (values.kind) {
    case "instrument_signed":
    case "programme_adopted": {
      const parties = values.parties.map((code) => ({ type: "state" as const, code }));
      if (values.instrumentMode === "existing") {
        return { kind: values.kind, ...common, instrumentId: values.instrumentId ?? null, parties };
      }
      const instrument = values.newInstrument;
      const months = instrument.durationMonths.trim();
      return {
        kind: values.kind,
        ...common,
        parties,
        newInstrument: {
          code: instrument.code.trim(),
          kind: instrument.kind as "memorandum",
          titleEn: instrument.titleEn.trim(),
          titleRu: blank(instrument.titleRu),
          subjects: instrument.subjects as ["legal_training"],
          binding: instrument.binding,
          level: instrument.level as "interagency",
          scope: instrument.scope as "bilateral",
          termStart: instrument.termStart || null,
          termEnd: instrument.termEnd || null,
          durationMonths: months && /^\d+$/.test(months) ? Number(months) : null,
          sources: instrumentSources(values, engagement),
        },
      };
    }
    case "commitment":
      return {
        kind: "commitment",
        ...common,
        commitmentKind: values.commitmentKind as "proposal",
        textEn: values.textEn.trim(),
        textRu: blank(values.textRu),
        action: {
          title: values.action.title.trim(),
          dueOn: values.action.dueOn,
          ...ownerFields(values.action.owner),
        },
      };
    case "invitation":
      return {
        kind: "invitation",
        ...common,
        direction: values.direction as "extended",
        counterpart: values.counterpart.trim(),
        counterpartState: values.counterpartState,
        eventEn: values.eventEn.trim(),
        eventRu: blank(values.eventRu),
        expectedOn: blank(values.expectedOn),
      };
    case "statement":
      return {
        kind: "statement",
        ...common,
        titleEn: values.titleEn.trim(),
        titleRu: blank(values.titleRu),
        text: blank(values.text),
        url: blank(values.url),
      };
    case "case_discussed":
      return { kind: "case_discussed", ...common, caseReference: values.caseReference.trim() };
  }
}

/** A path of the schema or the server ("newInstrument.subjects.0", "action.ownerUserId") as the form's field. */
export function outcomeFormPath(path: string, values: Pick<OutcomeValues, "instrumentMode">): string {
  if (path === "instrumentId" || path === "instrumentCode")
    return values.instrumentMode === "new" ? "newInstrument.code" : "instrumentId";
  if (path.startsWith("newInstrument.sources")) return "source.title";
  if (path.startsWith("newInstrument.subjects")) return "newInstrument.subjects";
  if (path.startsWith("parties")) return "parties";
  if (path === "action.ownerUserId" || path === "action.ownerTeamId") return "action.owner";
  if (path === "newInstrument") return "newInstrument.code";
  return path;
}

export function remapOutcomeErrors(
  errors: Record<string, string>,
  values: Pick<OutcomeValues, "instrumentMode">,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const key = outcomeFormPath(path, values);
    if (!(key in out)) out[key] = message;
  }
  return out;
}
