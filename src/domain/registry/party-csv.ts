import { isStateCode } from "../directory/state-codes.js";
import { csvField, parseCsvRecords } from "../platform/csv.js";
import {
  type IsoDate,
  isIsoDate,
  isoDateOrNull,
  isPartialIsoDate,
  type PartialIsoDate,
} from "../platform/dates.js";
import type { PartyRef } from "./model.js";
import { PARTY_ACTIONS, type PartyActionKind } from "./vocabulary.js";

/**
 * Party actions as CSV, one row per action, in the format of the depositary-derived
 * lists shipped with Comity (state,action,date,source_url,as_of,verified) with the
 * instrument's code in front. A registry team loads a depositary's current list with it.
 */
export const PARTY_CSV_COLUMNS = [
  "instrument",
  "state",
  "action",
  "date",
  "source_url",
  "as_of",
  "verified",
] as const;

export type PartyCsvLookups = {
  instrumentCodes: ReadonlySet<string>;
  stateCodes: ReadonlySet<string>;
  organisationCodes: ReadonlySet<string>;
};

export type ParsedPartyAction = {
  line: number;
  instrumentCode: string;
  party: Extract<PartyRef, { type: "state" } | { type: "organisation" }>;
  action: PartyActionKind;
  date: IsoDate | null;
  sourceUrl: string | null;
  /** "As of" may be a year or a month when the source says no more ("as of 2006"). */
  asOf: PartialIsoDate | null;
  verified: boolean;
};

export type CsvProblem = { line: number; field: string; message: string };

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

const actions: readonly string[] = PARTY_ACTIONS;

/** Validates every row; the caller writes nothing unless `problems` is empty. */
export function parsePartyActionCsv(
  text: string,
  options: { instrument?: string | undefined },
  lookups: PartyCsvLookups,
): { rows: ParsedPartyAction[]; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  let parsed: ReturnType<typeof parseCsvRecords>;
  try {
    parsed = parseCsvRecords(text);
  } catch (error) {
    return { rows: [], problems: [{ line: 1, field: "file", message: (error as Error).message }] };
  }
  const required = PARTY_CSV_COLUMNS.filter((column) => column !== "instrument" || !options.instrument);
  const missing = required.filter((column) => !parsed.header.includes(column));
  if (missing.length > 0) {
    return {
      rows: [],
      problems: [{ line: 1, field: "header", message: `missing column(s): ${missing.join(", ")}` }],
    };
  }
  if (parsed.records.length === 0) problems.push({ line: 1, field: "file", message: "no rows" });
  const rows: ParsedPartyAction[] = [];
  for (const { line, values } of parsed.records) {
    const problem = (field: string, message: string) => problems.push({ line, field, message });
    const before = problems.length;
    const instrumentCode = (values.instrument?.trim() || options.instrument || "").toUpperCase();
    if (!lookups.instrumentCodes.has(instrumentCode))
      problem("instrument", `no instrument with code "${instrumentCode}"`);
    const code = (values.state ?? "").trim().toUpperCase();
    const party: ParsedPartyAction["party"] | null =
      isStateCode(code) && lookups.stateCodes.has(code)
        ? { type: "state", code }
        : lookups.organisationCodes.has(code)
          ? { type: "organisation", code }
          : null;
    if (!party) problem("state", `"${code}" is neither an ISO 3166-1 alpha-2 state nor a known organisation`);
    const action = (values.action ?? "").trim().toLowerCase();
    if (!actions.includes(action)) problem("action", `"${action}" is not one of ${PARTY_ACTIONS.join(", ")}`);
    const date = (values.date ?? "").trim();
    if (date && !isIsoDate(date)) problem("date", `"${date}" is not a date as YYYY-MM-DD`);
    const sourceUrl = (values.source_url ?? "").trim();
    if (sourceUrl && !isHttpUrl(sourceUrl)) problem("source_url", `"${sourceUrl}" is not an http(s) address`);
    if (!sourceUrl) problem("source_url", "every fact needs its source");
    const asOf = (values.as_of ?? "").trim();
    if (asOf && !isPartialIsoDate(asOf))
      problem("as_of", `"${asOf}" is not a date as YYYY-MM-DD (or YYYY-MM, YYYY)`);
    const verified = (values.verified ?? "").trim().toLowerCase();
    if (verified !== "true" && verified !== "false") problem("verified", 'must be "true" or "false"');
    if (problems.length > before || !party) continue;
    rows.push({
      line,
      instrumentCode,
      party,
      action: action as PartyActionKind,
      date: isoDateOrNull(date),
      sourceUrl: sourceUrl || null,
      asOf: isPartialIsoDate(asOf) ? asOf : null,
      verified: verified === "true",
    });
  }
  return { rows: problems.length > 0 ? [] : rows, problems };
}

export type PartyCsvRow = {
  instrumentCode: string;
  partyCode: string;
  action: string;
  date: string | null;
  sourceUrl: string | null;
  asOf: string | null;
  verified: boolean;
};

export function partyActionsToCsv(rows: readonly PartyCsvRow[]): string {
  const lines = [PARTY_CSV_COLUMNS.join(",")];
  for (const row of rows) {
    lines.push(
      [
        row.instrumentCode,
        row.partyCode,
        row.action,
        row.date,
        row.sourceUrl,
        row.asOf,
        row.verified ? "true" : "false",
      ]
        .map((value) => csvField(value))
        .join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}
