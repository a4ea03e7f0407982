import { csvField } from "../../domain/platform/csv.js";
import type { ReportTable } from "./report-table.js";

/**
 * A report table as CSV (RFC 4180): UTF-8 with a byte order mark, so that Excel reads the
 * Cyrillic right; lines end with CRLF; the header row is in the export's language. Figures
 * are written for machines (3012, 34.5: no grouping, a decimal point), "<5" and "x" as they
 * are when published. Text that a spreadsheet would run as a formula is quoted (csvField).
 */
export const CSV_BOM = "\ufeff";

export function csvLine(fields: readonly (string | number | null)[]): string {
  return fields.map((field) => csvField(field)).join(",");
}

export function reportCsv(table: ReportTable): Buffer {
  const lines = [
    csvLine(table.header),
    ...table.rows.map((row) => csvLine([row.key, row.label, ...row.figures])),
    csvLine(["", table.total.label, ...table.total.figures]),
  ];
  return Buffer.from(`${CSV_BOM}${lines.join("\r\n")}\r\n`, "utf8");
}
