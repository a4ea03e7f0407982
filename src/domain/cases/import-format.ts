import { z } from "zod";
import { parseCsvRecords } from "../platform/csv.js";
import { type CaseEventInput, caseEventInputSchema, caseFactsSchema, caseHeaderSchema } from "./model.js";
import { CASE_KINDS, CONFIDENTIALITY_LEVELS, DIRECTIONS, PERSON_ROLES, PRIORITIES } from "./vocabulary.js";

/**
 * The import format for cases kept elsewhere (docs/cases-import.md). An office arrives
 * with years of cases in spreadsheets; each case becomes an event stream whose dates are
 * the spreadsheet's dates, so that statistics over the past are exact.
 *
 * JSON: `{ "cases": [ { "header": ..., "facts": ..., "events": [ {type, payload} ] } ] }`
 * where the header names the legal basis by its registry code and the team by its name
 * (ids differ between installations). CSV: one row per case in the wide layout that
 * spreadsheets use (CASE_CSV_COLUMNS), turned into the same records.
 */

/** Events an import may carry: the server alone writes opened, document_added and follow_up_opened. */
export const IMPORTABLE_EVENT_TYPES_EXCLUDED = ["opened", "document_added", "follow_up_opened"] as const;

export const importLegalBasisSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("instrument"),
    instrumentCode: z.string().trim().toUpperCase().min(2).max(48),
    articles: z.string().trim().min(1).max(200).nullish(),
  }),
  z.strictObject({ type: z.literal("reciprocity"), note: z.string().trim().min(1).max(2000).nullish() }),
]);
export type ImportLegalBasis = z.infer<typeof importLegalBasisSchema>;

export const importCaseSchema = z.strictObject({
  header: caseHeaderSchema.omit({ legalBasis: true, teamId: true }).extend({
    legalBasis: importLegalBasisSchema.nullish(),
    /** The team's name, as in Administration > Teams. */
    team: z.string().trim().min(1).max(200).nullish(),
  }),
  facts: caseFactsSchema.default({
    offences: [],
    persons: [],
    measures: [],
    assets: [],
    notices: [],
    warrants: [],
  }),
  events: z.array(caseEventInputSchema).max(500).default([]),
});
export type ImportCase = {
  header: z.infer<typeof importCaseSchema>["header"];
  facts: z.infer<typeof caseFactsSchema>;
  events: CaseEventInput[];
};

export type ImportProblem = {
  /** 1-based position of the record in the file (the line, for CSV). */
  record: number;
  reference: string | null;
  field: string;
  message: string;
};

export type ParsedImport = {
  cases: ImportCase[];
  /** The record (the line, for CSV) of each case, in the same order: for the server's own problems. */
  records: number[];
  problems: ImportProblem[];
};

function problemsOf(
  error: z.ZodError,
  record: number,
  reference: string | null,
  prefix = "",
): ImportProblem[] {
  return error.issues.map((issue) => ({
    record,
    reference,
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    message: issue.message,
  }));
}

function referenceOf(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  const header = (value as { header?: unknown }).header;
  if (typeof header !== "object" || header === null) return null;
  const reference = (header as { reference?: unknown }).reference;
  return typeof reference === "string" ? reference : null;
}

/** Checks what the schema cannot: unique references in the file, server-only events. */
function checkCases(cases: { record: number; value: ImportCase }[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  for (const { record, value } of cases) {
    const reference = value.header.reference;
    const earlier = seen.get(reference.toUpperCase());
    if (earlier !== undefined) {
      problems.push({
        record,
        reference,
        field: "header.reference",
        message: `the reference is already used by record ${earlier} of this file`,
      });
    } else seen.set(reference.toUpperCase(), record);
    value.events.forEach((event, index) => {
      if ((IMPORTABLE_EVENT_TYPES_EXCLUDED as readonly string[]).includes(event.type)) {
        problems.push({
          record,
          reference,
          field: `events.${index}.type`,
          message: `"${event.type}" events are written by Comity itself and cannot be imported`,
        });
      }
    });
  }
  return problems;
}

export function parseCaseImportJson(text: string): ParsedImport {
  let document: unknown;
  try {
    document = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return {
      cases: [],
      records: [],
      problems: [
        { record: 0, reference: null, field: "", message: `not valid JSON: ${(error as Error).message}` },
      ],
    };
  }
  const list = (document as { cases?: unknown })?.cases;
  if (!Array.isArray(list)) {
    return {
      cases: [],
      records: [],
      problems: [
        { record: 0, reference: null, field: "cases", message: 'expected an object with a "cases" array' },
      ],
    };
  }
  const problems: ImportProblem[] = [];
  const cases: { record: number; value: ImportCase }[] = [];
  list.forEach((item, index) => {
    const parsed = importCaseSchema.safeParse(item);
    if (parsed.success) cases.push({ record: index + 1, value: parsed.data as ImportCase });
    else problems.push(...problemsOf(parsed.error, index + 1, referenceOf(item)));
  });
  problems.push(...checkCases(cases));
  return { cases: cases.map((entry) => entry.value), records: cases.map((entry) => entry.record), problems };
}

/** The wide CSV layout: one row per case, one main offence and one main person. */
export const CASE_CSV_COLUMNS = [
  "reference",
  "kind",
  "direction",
  "requesting_state",
  "requested_state",
  "requesting_authority",
  "requested_authority",
  "foreign_reference",
  "legal_basis",
  "title",
  "summary",
  "priority",
  "confidentiality",
  "team",
  "offence_category",
  "offence_article",
  "offence_description",
  "maximum_penalty_months",
  "person_name",
  "person_role",
  "person_nationalities",
  "person_birth_date",
  "received_on",
  "sent_on",
  "registered_on",
  "provisional_arrest_on",
  "decided_on",
  "decision",
  "refusal_grounds",
  "surrendered_on",
  "closed_on",
] as const;
export type CaseCsvColumn = (typeof CASE_CSV_COLUMNS)[number];

const REQUIRED_CSV_COLUMNS: readonly CaseCsvColumn[] = [
  "reference",
  "kind",
  "direction",
  "requesting_state",
  "requested_state",
  "title",
];

const blankToNull = (value: string | undefined): string | null => {
  const trimmed = (value ?? "").trim();
  return trimmed === "" ? null : trimmed;
};

/**
 * Turns one CSV row into an import record. The dates become events in date order; the
 * schema and the state machine then judge them like any other import.
 */
function caseFromRow(values: Record<string, string>): unknown {
  const get = (column: CaseCsvColumn) => blankToNull(values[column]);
  const basis = get("legal_basis");
  const direction = get("direction");
  const offenceArticle = get("offence_article");
  const personName = get("person_name");
  const penalty = get("maximum_penalty_months");
  const events: { type: string; payload: Record<string, unknown> }[] = [];
  const dated = (column: CaseCsvColumn, type: string, extra: Record<string, unknown> = {}) => {
    const on = get(column);
    if (on) events.push({ type, payload: { on, ...extra } });
  };
  dated(direction === "outgoing" ? "sent_on" : "received_on", direction === "outgoing" ? "sent" : "received");
  if (direction !== "outgoing") dated("registered_on", "registered");
  dated("provisional_arrest_on", "provisional_arrest", personName ? { personId: "p1" } : {});
  const decision = get("decision");
  if (get("decided_on") || decision) {
    const grounds = (get("refusal_grounds") ?? "")
      .split(";")
      .map((code) => code.trim())
      .filter(Boolean)
      .map((code) => ({ code }));
    events.push({ type: "decided", payload: { on: get("decided_on"), outcome: decision, grounds } });
  }
  dated("surrendered_on", "surrendered", personName ? { personId: "p1" } : {});
  dated("closed_on", "closed");
  // A stable sort by date: an arrest on a Red Notice comes before the formal request, and
  // events on the same day keep the order of a case's life written above.
  events.sort((a, b) => String(a.payload.on ?? "").localeCompare(String(b.payload.on ?? "")));
  return {
    header: {
      reference: get("reference"),
      kind: get("kind"),
      direction,
      requestingState: get("requesting_state")?.toUpperCase(),
      requestedState: get("requested_state")?.toUpperCase(),
      requestingAuthority: get("requesting_authority"),
      requestedAuthority: get("requested_authority"),
      foreignReference: get("foreign_reference"),
      legalBasis: basis
        ? basis.toLowerCase() === "reciprocity"
          ? { type: "reciprocity" }
          : { type: "instrument", instrumentCode: basis }
        : null,
      title: get("title"),
      summary: get("summary"),
      priority: get("priority") ?? undefined,
      confidentiality: get("confidentiality") ?? undefined,
      team: get("team"),
      offenceCategory: get("offence_category"),
    },
    facts: {
      offences: offenceArticle
        ? [
            {
              id: "o1",
              article: offenceArticle,
              description: get("offence_description") ?? offenceArticle,
              category: get("offence_category"),
              maximumPenaltyMonths: penalty === null ? null : Number(penalty),
            },
          ]
        : [],
      persons: personName
        ? [
            {
              id: "p1",
              role: get("person_role") ?? "sought",
              fullName: personName,
              nationalities: (get("person_nationalities") ?? "")
                .split(";")
                .map((code) => code.trim().toUpperCase())
                .filter(Boolean),
              birthDate: get("person_birth_date"),
            },
          ]
        : [],
    },
    events,
  };
}

/** CSV column names for the schema's fields, so that a problem names the column the user sees. */
const CSV_FIELD_OF: Record<string, CaseCsvColumn> = {
  "header.reference": "reference",
  "header.kind": "kind",
  "header.direction": "direction",
  "header.requestingState": "requesting_state",
  "header.requestedState": "requested_state",
  "header.requestingAuthority": "requesting_authority",
  "header.requestedAuthority": "requested_authority",
  "header.foreignReference": "foreign_reference",
  "header.legalBasis.instrumentCode": "legal_basis",
  "header.title": "title",
  "header.summary": "summary",
  "header.priority": "priority",
  "header.confidentiality": "confidentiality",
  "header.team": "team",
  "header.offenceCategory": "offence_category",
  "facts.offences.0.article": "offence_article",
  "facts.offences.0.description": "offence_description",
  "facts.offences.0.maximumPenaltyMonths": "maximum_penalty_months",
  "facts.persons.0.fullName": "person_name",
  "facts.persons.0.role": "person_role",
  "facts.persons.0.birthDate": "person_birth_date",
};

/** The CSV column a field of an import record comes from (events by their type), else the field. */
export function csvField(field: string, row: unknown): string {
  const direct = CSV_FIELD_OF[field];
  if (direct) return direct;
  if (field.startsWith("facts.persons.0.nationalities")) return "person_nationalities";
  const event = /^events\.(\d+)\.payload\.(\w+)/.exec(field) ?? /^events\.(\d+)/.exec(field);
  if (event) {
    const events = (row as { events: { type: string }[] }).events;
    const type = events[Number(event[1])]?.type;
    const column: Record<string, CaseCsvColumn> = {
      received: "received_on",
      sent: "sent_on",
      registered: "registered_on",
      provisional_arrest: "provisional_arrest_on",
      surrendered: "surrendered_on",
      closed: "closed_on",
    };
    if (type === "decided") {
      if (event[2] === "outcome") return "decision";
      if (event[2] === "grounds") return "refusal_grounds";
      return "decided_on";
    }
    if (type && column[type]) return column[type];
  }
  return field;
}

export function parseCaseImportCsv(text: string): ParsedImport {
  let parsed: ReturnType<typeof parseCsvRecords>;
  try {
    parsed = parseCsvRecords(text);
  } catch (error) {
    return {
      cases: [],
      records: [],
      problems: [{ record: 0, reference: null, field: "", message: (error as Error).message }],
    };
  }
  const missing = REQUIRED_CSV_COLUMNS.filter((column) => !parsed.header.includes(column));
  const unknown = parsed.header.filter((column) => !(CASE_CSV_COLUMNS as readonly string[]).includes(column));
  if (missing.length > 0 || unknown.length > 0) {
    return {
      cases: [],
      records: [],
      problems: [
        ...missing.map((column) => ({
          record: 1,
          reference: null,
          field: column,
          message: "this required column is missing from the header row",
        })),
        ...unknown.map((column) => ({
          record: 1,
          reference: null,
          field: column,
          message: `unknown column; the columns are: ${CASE_CSV_COLUMNS.join(", ")}`,
        })),
      ],
    };
  }
  const problems: ImportProblem[] = [];
  const cases: { record: number; value: ImportCase }[] = [];
  for (const row of parsed.records) {
    const candidate = caseFromRow(row.values);
    const reference = blankToNull(row.values.reference);
    const penalty = blankToNull(row.values.maximum_penalty_months);
    if (penalty !== null && !/^\d{1,4}$/.test(penalty)) {
      problems.push({
        record: row.line,
        reference,
        field: "maximum_penalty_months",
        message: "a whole number of months",
      });
      continue;
    }
    const result = importCaseSchema.safeParse(candidate);
    if (result.success) cases.push({ record: row.line, value: result.data as ImportCase });
    else
      problems.push(
        ...result.error.issues.map((issue) => {
          const field = issue.path.map(String).join(".");
          return { record: row.line, reference, field: csvField(field, candidate), message: issue.message };
        }),
      );
  }
  problems.push(...checkCases(cases));
  return { cases: cases.map((entry) => entry.value), records: cases.map((entry) => entry.record), problems };
}

/** The vocabulary a CSV author needs, for the documentation and the error messages. */
export const CASE_CSV_VOCABULARY = {
  kind: CASE_KINDS,
  direction: DIRECTIONS,
  priority: PRIORITIES,
  confidentiality: CONFIDENTIALITY_LEVELS,
  person_role: PERSON_ROLES,
  decision: ["granted", "partially_granted", "refused"],
} as const;
