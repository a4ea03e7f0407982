import type { EngagementDetail } from "../../domain/engagements/schemas.js";
import type { ParticipantRole } from "../../domain/engagements/vocabulary.js";
import { listKey } from "../forms/form-helpers.js";
import type { EngagementChanges, NewEngagement } from "./engagements-api.js";

/** How the form asks for the dates: one day, a range of days, a month or a year. */
export const DATE_MODES = ["day", "range", "month", "year"] as const;
export type DateMode = (typeof DATE_MODES)[number];

/** Who a participant is: a person of the directory, someone added on the spot, or a delegation as a whole. */
export const PARTICIPANT_MODES = ["directory", "new", "delegation"] as const;
export type ParticipantMode = (typeof PARTICIPANT_MODES)[number];

export type ParticipantValues = {
  key: string;
  side: string | null;
  role: ParticipantRole;
  mode: ParticipantMode;
  personId: string | null;
  /** The chosen person's name as the picker shows it (not sent). */
  personLabel: string | null;
  newPerson: { nameEn: string; nameRu: string; titleEn: string; titleRu: string; agencyId: string | null };
  agencyId: string | null;
  agencyLabel: string | null;
  note: string;
};

export type AgendaValues = { key: string; text: string };
export type SourceRowValues = { key: string; url: string; title: string; publishedOn: string };

export type EngagementFormValues = {
  kind: string;
  titleEn: string;
  titleRu: string;
  status: string;
  dateMode: DateMode;
  startOn: string;
  endOn: string;
  month: string;
  year: string;
  city: string;
  placeState: string | null;
  hostState: string | null;
  hostAgencyId: string | null;
  hostAgencyLabel: string | null;
  states: string[];
  participants: ParticipantValues[];
  agenda: AgendaValues[];
  summary: string;
  notes: string;
  sources: SourceRowValues[];
  confidentiality: string;
};

export function newParticipant(side: string | null, role: ParticipantRole = "member"): ParticipantValues {
  return {
    key: listKey(),
    side,
    role,
    mode: "directory",
    personId: null,
    personLabel: null,
    newPerson: { nameEn: "", nameRu: "", titleEn: "", titleRu: "", agencyId: null },
    agencyId: null,
    agencyLabel: null,
    note: "",
  };
}

export function newAgendaItem(): AgendaValues {
  return { key: listKey(), text: "" };
}

export function newSourceRow(): SourceRowValues {
  return { key: listKey(), url: "", title: "", publishedOn: "" };
}

export function emptyEngagementValues(today: string): EngagementFormValues {
  return {
    kind: "bilateral_meeting",
    titleEn: "",
    titleRu: "",
    status: "planned",
    dateMode: "day",
    startOn: today,
    endOn: "",
    month: today.slice(0, 7),
    year: today.slice(0, 4),
    city: "",
    placeState: null,
    hostState: null,
    hostAgencyId: null,
    hostAgencyLabel: null,
    states: [],
    participants: [],
    agenda: [],
    summary: "",
    notes: "",
    sources: [],
    confidentiality: "standard",
  };
}

const blank = (value: string) => value.trim() || null;

/** The first day and precision the dates mean; null parts are left for the schema to refuse. */
function datesOf(values: EngagementFormValues): Pick<NewEngagement, "startOn" | "endOn" | "precision"> {
  switch (values.dateMode) {
    case "range":
      return { startOn: values.startOn, endOn: values.endOn || null, precision: "day" };
    case "month":
      return {
        startOn: /^\d{4}-\d{2}$/.test(values.month) ? `${values.month}-01` : "",
        endOn: null,
        precision: "month",
      };
    case "year":
      return {
        startOn: /^\d{4}$/.test(values.year.trim()) ? `${values.year.trim()}-01-01` : "",
        endOn: null,
        precision: "year",
      };
    default:
      return { startOn: values.startOn, endOn: null, precision: "day" };
  }
}

function participantBody(participant: ParticipantValues): NonNullable<NewEngagement["participants"]>[number] {
  const common = {
    side: participant.side ?? "",
    role: participant.role,
    note: blank(participant.note),
  };
  if (participant.mode === "new") {
    const person = participant.newPerson;
    return {
      ...common,
      personId: null,
      agencyId: null,
      newPerson: {
        nameEn: person.nameEn.trim(),
        nameRu: person.nameRu.trim(),
        titleEn: blank(person.titleEn),
        titleRu: blank(person.titleRu),
        agencyId: person.agencyId,
      },
    };
  }
  if (participant.mode === "delegation")
    return { ...common, personId: null, newPerson: null, agencyId: participant.agencyId };
  return { ...common, personId: participant.personId ?? "", newPerson: null, agencyId: participant.agencyId };
}

/** Which rows of a list are sent (blank ones are left out), by their index in the form. */
function keptRows<T>(rows: readonly T[], isBlank: (row: T) => boolean): number[] {
  return rows.flatMap((row, index) => (isBlank(row) ? [] : [index]));
}

const blankAgenda = (item: AgendaValues) => !item.text.trim();
const blankSource = (source: SourceRowValues) =>
  !source.url.trim() && !source.title.trim() && !source.publishedOn;

/** The form's strings as the API's engagement (createEngagementSchema). */
export function engagementBody(values: EngagementFormValues): NewEngagement {
  return {
    kind: values.kind as NewEngagement["kind"],
    titleEn: values.titleEn.trim(),
    titleRu: values.titleRu.trim(),
    status: values.status as NewEngagement["status"],
    ...datesOf(values),
    city: blank(values.city),
    placeState: values.placeState,
    hostState: values.hostState,
    hostAgencyId: values.hostState ? values.hostAgencyId : null,
    states: values.states,
    participants: values.participants.map(participantBody),
    agenda: keptRows(values.agenda, blankAgenda).map((index) => values.agenda[index]?.text.trim() ?? ""),
    summary: blank(values.summary),
    notes: blank(values.notes),
    sources: keptRows(values.sources, blankSource).map((index) => {
      const source = values.sources[index];
      return {
        url: blank(source?.url ?? ""),
        title: blank(source?.title ?? ""),
        publishedOn: source?.publishedOn || null,
      };
    }),
    confidentiality: values.confidentiality as NewEngagement["confidentiality"],
  };
}

/**
 * A path of the schema or of the server ("participants.1.personId", "agenda.0",
 * "startOn") as the form's field: blank rows left out are counted back in, a month's or a
 * year's first day is the month or the year field.
 */
export function engagementFormPath(path: string, values: EngagementFormValues): string {
  const parts = path.split(".");
  const [head, indexText, ...rest] = parts;
  if (head === "startOn")
    return values.dateMode === "month" ? "month" : values.dateMode === "year" ? "year" : "startOn";
  if (head === "endOn") return values.dateMode === "range" ? "endOn" : "startOn";
  if (head === "hostAgencyName") return "hostAgencyId";
  if (head === "states") return "states";
  if ((head === "agenda" || head === "sources") && indexText !== undefined) {
    const kept =
      head === "agenda" ? keptRows(values.agenda, blankAgenda) : keptRows(values.sources, blankSource);
    const index = kept[Number(indexText)] ?? Number(indexText);
    return head === "agenda" ? `agenda.${index}.text` : [head, index, ...rest].join(".");
  }
  if (head === "participants" && indexText !== undefined) {
    const field = rest.join(".");
    const participant = values.participants[Number(indexText)];
    if (!field || field === "personId") {
      const target =
        participant?.mode === "new"
          ? "newPerson.nameEn"
          : participant?.mode === "delegation"
            ? "agencyId"
            : "personId";
      return `participants.${indexText}.${target}`;
    }
    if (field === "newPerson") return `participants.${indexText}.newPerson.nameEn`;
    if (field === "agencyName") return `participants.${indexText}.agencyId`;
    return `participants.${indexText}.${field}`;
  }
  return path;
}

export function remapEngagementErrors(
  errors: Record<string, string>,
  values: EngagementFormValues,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const key = engagementFormPath(path, values);
    if (!(key in out)) out[key] = message;
  }
  return out;
}

/** The stored engagement as the form's values (the edit page). */
export function valuesFromDetail(detail: EngagementDetail, language: string): EngagementFormValues {
  const russian = language === "ru";
  const dateMode: DateMode =
    detail.precision === "day" ? (detail.endOn > detail.startOn ? "range" : "day") : detail.precision;
  return {
    kind: detail.kind,
    titleEn: detail.titleEn,
    titleRu: detail.titleRu,
    status: detail.status,
    dateMode,
    startOn: detail.startOn,
    endOn: dateMode === "range" ? detail.endOn : "",
    month: detail.startOn.slice(0, 7),
    year: detail.startOn.slice(0, 4),
    city: detail.city ?? "",
    placeState: detail.placeState,
    hostState: detail.hostState,
    hostAgencyId: detail.hostAgency?.id ?? null,
    hostAgencyLabel: detail.hostAgency
      ? russian
        ? detail.hostAgency.nameRu
        : detail.hostAgency.nameEn
      : null,
    states: [...detail.states],
    participants: detail.participants.map((participant) => ({
      ...newParticipant(participant.side, participant.role),
      mode: participant.person ? "directory" : "delegation",
      personId: participant.person?.id ?? null,
      personLabel: participant.person
        ? russian
          ? participant.person.nameRu
          : participant.person.nameEn
        : null,
      agencyId: participant.agency?.id ?? null,
      agencyLabel: participant.agency
        ? russian
          ? participant.agency.nameRu
          : participant.agency.nameEn
        : null,
      note: participant.note ?? "",
    })),
    agenda: detail.agenda.map((text) => ({ key: listKey(), text })),
    summary: detail.summary ?? "",
    notes: detail.notes ?? "",
    sources: detail.sources.map((source) => ({
      key: listKey(),
      url: source.url ?? "",
      title: source.title ?? "",
      publishedOn: source.publishedOn ?? "",
    })),
    confidentiality: detail.confidentiality,
  };
}

const DATE_FIELDS = ["startOn", "endOn", "precision"] as const;

/** What the edit sends: the fields that differ from what was loaded; the dates always together. */
export function engagementChanges(next: NewEngagement, before: NewEngagement): EngagementChanges {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof NewEngagement)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) out[key] = next[key];
  }
  if (DATE_FIELDS.some((key) => key in out)) for (const key of DATE_FIELDS) out[key] = next[key];
  return out as EngagementChanges;
}
