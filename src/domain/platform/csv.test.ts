import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvField, parseCsv, parseCsvRecords } from "./csv.js";

describe("CSV", () => {
  it("parses quotes, doubled quotes, commas and line breaks in fields, and keeps line numbers", () => {
    const rows = parseCsv('a,b\n"x, y","say ""hi"""\n"multi\nline",z\r\nlast,row');
    expect(rows).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"'] },
      { line: 3, fields: ["multi\nline", "z"] },
      { line: 5, fields: ["last", "row"] },
    ]);
  });

  it("maps records by header and strips a byte-order mark", () => {
    expect(parseCsvRecords("\uFEFFcode,name\nRU,Russia\n").records).toEqual([
      { line: 2, values: { code: "RU", name: "Russia" } },
    ]);
  });

  it("refuses an unclosed quote", () => {
    expect(() => parseCsv('a,"b\nc')).toThrow(/never closed/);
  });

  it("escapes formula-leading fields on export (ASVS 1.2.10)", () => {
    for (const dangerous of ["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx"])
      expect(csvField(dangerous).replace(/^"/, "")).toMatch(/^'/);
    expect(csvField(-2)).toBe("-2");
  });

  it("property: fields written with csvField parse back unchanged (apart from the formula guard)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.string().filter((text) => !/^[=+\-@\t\r]/.test(text)),
            { minLength: 2, maxLength: 4 },
          ),
          { minLength: 1, maxLength: 5 },
        ),
        (table) => {
          const width = table[0]!.length;
          const rows = table.map((row) => [...row, ...Array(width).fill("")].slice(0, width));
          const text = rows.map((row) => row.map(csvField).join(",")).join("\n");
          const parsed = parseCsv(text).map((row) => row.fields);
          expect(parsed).toEqual(rows.filter((row) => !(row.length === 1 && row[0] === "")));
        },
      ),
    );
  });
});
