import type { TFunction } from "i18next";
import { ApiError } from "../api/client.js";

/** What POST /api/engagements/import takes at most (engagements-import.routes.ts). */
export const IMPORT_MAX_RECORDS = 5000;
export const IMPORT_MAX_BYTES = 16 * 1024 * 1024;

export type ImportRecord = Record<string, unknown>;
export type ImportBody = { records: ImportRecord[] };

/** Why a file cannot be sent at all; each is explained by `fileProblemText`. */
export type ImportFileProblem =
  | { kind: "empty" }
  | { kind: "unreadable" }
  | { kind: "notJson"; detail: string }
  | { kind: "notList" }
  | { kind: "unknownProperty"; property: string }
  | { kind: "noRecords" }
  | { kind: "tooMany"; count: number }
  | { kind: "tooLarge" }
  /** 1-based numbers of the entries that are not objects. */
  | { kind: "notObjects"; records: number[] };

export type ParsedImport = { ok: true; body: ImportBody } | { ok: false; problem: ImportFileProblem };

const isObject = (value: unknown): value is ImportRecord =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The entries of a file: a list, `{"engagements": [...]}` (with a "note") or the API's `{"records": [...]}`. */
function entriesOf(file: unknown): unknown[] | ImportFileProblem {
  if (Array.isArray(file)) return file;
  if (!isObject(file)) return { kind: "notList" };
  const key = Array.isArray(file.engagements)
    ? "engagements"
    : Array.isArray(file.records)
      ? "records"
      : null;
  if (key === null) return { kind: "notList" };
  const unknown = Object.keys(file).find((property) => property !== key && property !== "note");
  if (unknown !== undefined) return { kind: "unknownProperty", property: unknown };
  const entries = file[key];
  return Array.isArray(entries) ? entries : { kind: "notList" };
}

/**
 * The text of an import file as the request's body, or why it cannot be sent. Only the
 * file's shape is checked here; the records themselves are checked by the server, which
 * answers every problem at once by record and field.
 */
export function parseImportFile(text: string): ParsedImport {
  if (text.trim() === "") return { ok: false, problem: { kind: "empty" } };
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { kind: "notJson", detail: error instanceof Error ? error.message : "" } };
  }
  const entries = entriesOf(file);
  if (!Array.isArray(entries)) return { ok: false, problem: entries };
  if (entries.length === 0) return { ok: false, problem: { kind: "noRecords" } };
  if (entries.length > IMPORT_MAX_RECORDS)
    return { ok: false, problem: { kind: "tooMany", count: entries.length } };
  const records: ImportRecord[] = [];
  const notObjects: number[] = [];
  for (const [index, entry] of entries.entries()) {
    if (isObject(entry)) records.push(entry);
    else notObjects.push(index + 1);
  }
  if (notObjects.length > 0) return { ok: false, problem: { kind: "notObjects", records: notObjects } };
  const body = { records };
  if (new TextEncoder().encode(JSON.stringify(body)).length > IMPORT_MAX_BYTES)
    return { ok: false, problem: { kind: "tooLarge" } };
  return { ok: true, body };
}

/** A file problem in the interface language. */
export function fileProblemText(problem: ImportFileProblem, t: TFunction): string {
  switch (problem.kind) {
    case "notJson":
      return t("engagements.import.fileProblems.notJson");
    case "unknownProperty":
      return t("engagements.import.fileProblems.unknownProperty", { property: problem.property });
    case "tooMany":
      return t("engagements.import.fileProblems.tooMany", {
        count: problem.count,
        max: IMPORT_MAX_RECORDS,
      });
    case "notObjects":
      return t("engagements.import.fileProblems.notObjects", {
        count: problem.records.length,
        records: problem.records.slice(0, 20).join(", ") + (problem.records.length > 20 ? ", …" : ""),
      });
    default:
      return t(`engagements.import.fileProblems.${problem.kind}`);
  }
}

/** One problem the server found: its record (1-based; null for the file), the record's source key, the field. */
export type ImportProblemRow = {
  record: number | null;
  sourceKey: string | null;
  field: string;
  message: string;
};

/** Codes whose fields name records: the import's own check (422) and the body's schema (400). */
const RECORD_CODES = new Set(["invalid_import", "invalid_input"]);

/**
 * The server's problems (`records.3.participants.1.personId`) as rows of a table: record 4,
 * its source key as the file gives it, field `participants.1.personId`; in record order.
 * Empty for any other failure, which the page explains in a sentence.
 */
export function importProblemRows(error: unknown, records: readonly ImportRecord[]): ImportProblemRow[] {
  if (!(error instanceof ApiError) || !RECORD_CODES.has(error.code)) return [];
  const rows = error.fields.map((problem): ImportProblemRow => {
    const path = problem.path.replace(/^body(\.|$)/, "");
    const match = /^records\.(\d+)(?:\.(.*))?$/.exec(path);
    if (!match)
      return {
        record: null,
        sourceKey: null,
        field: path === "records" ? "" : path,
        message: problem.message,
      };
    const index = Number(match[1]);
    const key = records[index]?.sourceKey;
    return {
      record: index + 1,
      sourceKey: typeof key === "string" && key.trim() !== "" ? key.trim() : null,
      field: match[2] ?? "",
      message: problem.message,
    };
  });
  return rows
    .map((row, order) => ({ row, order }))
    .sort((a, b) => (a.row.record ?? 0) - (b.row.record ?? 0) || a.order - b.order)
    .map(({ row }) => row);
}

/** How many records have problems (the file's own problems are not a record's). */
export function recordsWithProblems(rows: readonly ImportProblemRow[]): number {
  return new Set(rows.flatMap((row) => (row.record === null ? [] : [row.record]))).size;
}
