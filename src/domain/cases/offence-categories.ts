import { parseCsvRecords } from "../platform/csv.js";

/**
 * Offence categories and INTERPOL notice types, parsed from the CSV files of data/cases
 * (the server reads them; see data/cases/SOURCE.md for their origin). A case's
 * `offenceCategory` and each offence's `category` hold one of these codes: an ICCS
 * section or division ("01", "0101") or an EAW list offence ("eaw:12"). Reports group
 * by ICCS; the checker uses the EAW list, where surrender needs no double criminality.
 *
 * A file that does not parse is a packaging error, not user input: the parsers throw
 * with the file and line, so a broken vocabulary stops the server at start.
 */

export type OffenceCategoryScheme = "iccs" | "eaw";

export type OffenceCategory = {
  /** "0101" (ICCS division), "01" (ICCS section) or "eaw:12". */
  code: string;
  scheme: OffenceCategoryScheme;
  labelEn: string;
  /** Comity's own translation; the English label when a row has none. */
  labelRu: string;
  /** ICCS: 1 for a section, 2 for a division. The EAW list is flat: 1. */
  level: 1 | 2;
  parent: string | null;
  /** Confirmed against the source; unverified entries are shown as such. */
  verified: boolean;
};

export type NoticeKind = "notice" | "special_notice" | "diffusion";

export type NoticeType = {
  /** The `type` of a notice on a case: red, yellow, ..., diffusion. */
  code: string;
  nameEn: string;
  nameRu: string;
  kind: NoticeKind;
  purposeEn: string;
  /** Our suggestion for the web app, not an INTERPOL value. */
  colourHint: string | null;
  publicExtractPossible: boolean;
  notes: string | null;
};

export class VocabularyFileError extends Error {
  override readonly name = "VocabularyFileError";
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}, line ${line}: ${message}`);
  }
}

type CsvRecord = { line: number; values: Record<string, string> };

function readRecords(file: string, text: string, columns: readonly string[]): CsvRecord[] {
  let parsed: ReturnType<typeof parseCsvRecords>;
  try {
    parsed = parseCsvRecords(text);
  } catch (error) {
    throw new VocabularyFileError(file, 1, (error as Error).message);
  }
  const missing = columns.filter((column) => !parsed.header.includes(column));
  if (missing.length > 0) throw new VocabularyFileError(file, 1, `missing column(s) ${missing.join(", ")}`);
  return parsed.records.map(({ line, values }) => ({
    line,
    values: Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim()])),
  }));
}

function required(file: string, record: CsvRecord, column: string): string {
  const value = record.values[column] ?? "";
  if (value === "") throw new VocabularyFileError(file, record.line, `"${column}" is empty`);
  return value;
}

function yesNo(file: string, record: CsvRecord, column: string): boolean {
  const value = required(file, record, column);
  if (value !== "yes" && value !== "no")
    throw new VocabularyFileError(file, record.line, `"${column}" must be yes or no, not "${value}"`);
  return value === "yes";
}

const ICCS_FILE = "iccs_level1_level2.csv";
const EAW_FILE = "eaw_art2_2_offences.csv";
const NOTICES_FILE = "notices.csv";

/** The source's own flags: only a code and label seen in a retrieved source count as verified. */
const ICCS_CONFIRMATION: Record<string, boolean> = {
  yes: true,
  no: false,
  "check-code": false,
  "check-label": false,
};

function parseIccs(text: string): OffenceCategory[] {
  const records = readRecords(ICCS_FILE, text, [
    "code",
    "level",
    "parent",
    "label_en",
    "confirmed_in_source",
  ]);
  const categories: OffenceCategory[] = [];
  const sections = new Set<string>();
  const seen = new Set<string>();
  for (const record of records) {
    const fail = (message: string): never => {
      throw new VocabularyFileError(ICCS_FILE, record.line, message);
    };
    const code = required(ICCS_FILE, record, "code");
    const level = required(ICCS_FILE, record, "level");
    const parent = record.values.parent || null;
    if (seen.has(code)) fail(`code ${code} appears twice`);
    seen.add(code);
    if (level === "1") {
      if (!/^\d{2}$/.test(code)) fail(`a section code has two digits, not "${code}"`);
      if (parent !== null) fail(`section ${code} has no parent`);
      sections.add(code);
    } else if (level === "2") {
      if (!/^\d{4}$/.test(code)) fail(`a division code has four digits, not "${code}"`);
      if (parent !== code.slice(0, 2)) fail(`division ${code} belongs to section ${code.slice(0, 2)}`);
      // Sections come first in the file, so a division's section is already known.
      if (!sections.has(code.slice(0, 2))) fail(`section ${code.slice(0, 2)} is not listed before ${code}`);
    } else {
      fail(`level must be 1 or 2, not "${level}"`);
    }
    const confirmation = required(ICCS_FILE, record, "confirmed_in_source");
    const verified = ICCS_CONFIRMATION[confirmation];
    if (verified === undefined) fail(`unknown confirmed_in_source "${confirmation}"`);
    const labelEn = required(ICCS_FILE, record, "label_en");
    categories.push({
      code,
      scheme: "iccs",
      labelEn,
      labelRu: record.values.label_ru || labelEn,
      level: level === "1" ? 1 : 2,
      parent,
      verified: verified === true,
    });
  }
  return categories;
}

function parseEaw(text: string): OffenceCategory[] {
  const records = readRecords(EAW_FILE, text, ["no", "offence_en"]);
  const categories: OffenceCategory[] = [];
  for (const [index, record] of records.entries()) {
    const number = required(EAW_FILE, record, "no");
    // Numbered 1 to 32 in the Framework Decision's order: the number is the code.
    if (number !== String(index + 1))
      throw new VocabularyFileError(EAW_FILE, record.line, `expected item ${index + 1}, found "${number}"`);
    const labelEn = required(EAW_FILE, record, "offence_en");
    categories.push({
      code: `eaw:${number}`,
      scheme: "eaw",
      labelEn,
      labelRu: record.values.offence_ru || labelEn,
      level: 1,
      parent: null,
      // The shared file has no flag; the copy in data/cases adds one.
      verified: record.values.verified === undefined ? false : yesNo(EAW_FILE, record, "verified"),
    });
  }
  return categories;
}

/** ICCS sections and divisions, then the EAW list, each in its file's order. */
export function parseOffenceCategories(iccsCsv: string, eawCsv: string): OffenceCategory[] {
  return [...parseIccs(iccsCsv), ...parseEaw(eawCsv)];
}

const NOTICE_KINDS: readonly string[] = ["notice", "special_notice", "diffusion"];

export function parseNoticeTypes(csv: string): NoticeType[] {
  const records = readRecords(NOTICES_FILE, csv, [
    "code",
    "name_en",
    "colour_hex_hint",
    "kind",
    "purpose_en",
    "public_extract_possible",
    "notes",
  ]);
  const seen = new Set<string>();
  return records.map((record) => {
    const fail = (message: string): never => {
      throw new VocabularyFileError(NOTICES_FILE, record.line, message);
    };
    const code = required(NOTICES_FILE, record, "code");
    // The same pattern as a notice's `type` on a case (noticeSchema), so every code is usable there.
    if (!/^[a-z_]{2,30}$/.test(code))
      fail(`a code is 2 to 30 lower-case letters or underscores, not "${code}"`);
    if (seen.has(code)) fail(`code ${code} appears twice`);
    seen.add(code);
    const kind = required(NOTICES_FILE, record, "kind");
    if (!NOTICE_KINDS.includes(kind)) fail(`kind must be one of ${NOTICE_KINDS.join(", ")}, not "${kind}"`);
    const colourHint = record.values.colour_hex_hint || null;
    if (colourHint !== null && !/^#[0-9A-Fa-f]{6}$/.test(colourHint))
      fail(`colour_hex_hint must be #RRGGBB, not "${colourHint}"`);
    const nameEn = required(NOTICES_FILE, record, "name_en");
    return {
      code,
      nameEn,
      nameRu: record.values.name_ru || nameEn,
      kind: kind as NoticeKind,
      purposeEn: required(NOTICES_FILE, record, "purpose_en"),
      colourHint,
      publicExtractPossible: yesNo(NOTICES_FILE, record, "public_extract_possible"),
      notes: record.values.notes || null,
    };
  });
}
