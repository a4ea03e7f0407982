/**
 * RFC 4180 CSV: fields separated by commas, quoted with double quotes when they hold a
 * comma, a quote or a line break; a quote inside a quoted field is doubled. Rows keep
 * the line number they start on, so import errors can point at the line.
 */
export type CsvRow = { line: number; fields: string[] };

export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let atFieldStart = true;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRow = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === "")) rows.push({ line: rowLine, fields });
    fields = [];
    field = "";
    atFieldStart = true;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (c === ",") {
      fields.push(field);
      field = "";
      atFieldStart = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  if (quoted) throw new Error(`CSV: a quoted field that starts on line ${rowLine} is never closed`);
  if (field !== "" || fields.length > 0) endRow();
  return rows;
}

/** Rows as objects keyed by the header row's names. */
export function parseCsvRecords(text: string): {
  header: string[];
  records: { line: number; values: Record<string, string> }[];
} {
  const [head, ...rows] = parseCsv(text);
  if (!head) return { header: [], records: [] };
  const header = head.fields.map((name) => name.trim());
  return {
    header,
    records: rows.map((row) => ({
      line: row.line,
      values: Object.fromEntries(header.map((name, index) => [name, row.fields[index] ?? ""])),
    })),
  };
}

/** One CSV field; formula-leading characters are prefixed with ' (ASVS 1.2.10). */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
