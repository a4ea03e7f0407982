import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../domain/platform/csv.js";
import { type ReportResult, reportResultSchema } from "../../domain/reports/schemas.js";
import {
  SUPPRESSED,
  suppressReport,
  unsuppressedReport,
  WITHHELD,
} from "../../domain/reports/suppression.js";
import { reportCsv } from "./report-csv.js";
import { barChartSvg, renderReportPdf, reportDocument } from "./report-pdf.js";
import { formatPeriod, reportTable } from "./report-table.js";
import { reportXlsx } from "./report-xlsx.js";

const PARTNERS: [string, string, string, number, number, number][] = [
  ["BY", "Belarus", "Беларусь", 700, 520, 900],
  ["AM", "Armenia", "Армения", 410, 380, 600],
  ["KR", "South Korea", "Республика Корея", 380, 200, 350],
  ["PL", "Poland", "Польша", 12345, 9000, 15000],
  ["TR", "Türkiye", "Турция", 3, 7, 10],
  ["FR", "France", "Франция", 200, 210, 310],
];

function byPartner(compare: boolean): ReportResult {
  return reportResultSchema.parse({
    query: {
      measure: "decisions",
      from: "2022-01-01",
      to: "2022-08-31",
      by: "partner",
      kind: "mla",
      group: "cybercrime",
      compare: compare ? "previous_year" : "none",
    },
    periods: {
      current: { from: "2022-01-01", to: "2022-08-31" },
      samePeriodLastYear: compare ? { from: "2021-01-01", to: "2021-08-31" } : null,
      wholeLastYear: compare ? { from: "2021-01-01", to: "2021-12-31" } : null,
    },
    total: {
      value: PARTNERS.reduce((sum, row) => sum + row[3], 0),
      samePeriodLastYear: compare ? PARTNERS.reduce((sum, row) => sum + row[4], 0) : null,
      wholeLastYear: compare ? PARTNERS.reduce((sum, row) => sum + row[5], 0) : null,
    },
    rows: PARTNERS.map(([key, en, ru, value, same, whole]) => ({
      key,
      label: { en, ru },
      value,
      samePeriodLastYear: compare ? same : null,
      wholeLastYear: compare ? whole : null,
      cells: [],
    })),
    columns: [],
    unit: "cases",
    computedAt: "2022-09-01T08:00:00.000Z",
  });
}

const STATEMENT = {
  en: "Over the first eight months of 2022, 14,038 requests for legal assistance in cybercrime cases were considered.",
  ru: "За первые восемь месяцев 2022 года рассмотрено 14\u00a0038 запросов о правовой помощи по делам о киберпреступлениях.",
};

const scratch = mkdtempSync(path.join(tmpdir(), "comity-report-exports-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the table of an export", () => {
  it("labels columns in the chosen language, with the previous year beside this one", () => {
    const en = reportTable(unsuppressedReport(byPartner(true)), "en");
    expect(en.header).toEqual([
      "Code",
      "Partner state",
      "Decisions (1 January – 31 August 2022)",
      "Same period a year earlier (1 January – 31 August 2021)",
      "Whole of 2021",
    ]);
    const ru = reportTable(unsuppressedReport(byPartner(true)), "ru");
    expect(ru.header).toEqual([
      "Код",
      "Государство-партнёр",
      "Решения (1 января – 31 августа 2022 г.)",
      "Аналогичный период предыдущего года (1 января – 31 августа 2021 г.)",
      "Весь 2021 г.",
    ]);
    expect(ru.rows[1]).toEqual({ key: "AM", label: "Армения", figures: [410, 380, 600] });
    expect(ru.total).toEqual({ label: "Итого", figures: [14038, 10317, 17170] });
  });

  it("writes periods as people read them", () => {
    expect(formatPeriod("2022-01-01", "2022-12-31", "en")).toBe("2022");
    expect(formatPeriod("2022-01-01", "2022-12-31", "ru")).toBe("2022 г.");
    expect(formatPeriod("2025-11-03", "2026-05-17", "ru")).toBe("3 ноября 2025 г. – 17 мая 2026 г.");
  });
});

describe("CSV", () => {
  it("round-trips through the CSV parser, with a byte order mark and CRLF lines", () => {
    const csv = reportCsv(reportTable(unsuppressedReport(byPartner(true)), "ru"));
    const text = csv.toString("utf8");
    expect(text.startsWith("\ufeff")).toBe(true);
    expect(text).toContain("\r\n");
    const rows = parseCsv(text).map((row) => row.fields);
    expect(rows[0]).toEqual([
      "Код",
      "Государство-партнёр",
      "Решения (1 января – 31 августа 2022 г.)",
      "Аналогичный период предыдущего года (1 января – 31 августа 2021 г.)",
      "Весь 2021 г.",
    ]);
    expect(rows[4]).toEqual(["PL", "Польша", "12345", "9000", "15000"]);
    expect(rows.at(-1)).toEqual(["", "Итого", "14038", "10317", "17170"]);
    expect(rows).toHaveLength(PARTNERS.length + 2);
  });

  it("shows published small counts as <5 and the figure withheld to protect them as x", () => {
    const table = reportTable(suppressReport(byPartner(false)), "en", { published: true });
    const rows = parseCsv(reportCsv(table).toString("utf8")).map((row) => row.fields);
    expect(rows.find((row) => row[0] === "TR")).toEqual(["TR", "Türkiye", SUPPRESSED]);
    expect(rows.find((row) => row[0] === "FR")).toEqual(["FR", "France", WITHHELD]);
    expect(table.notes.join(" ")).toContain('shown as "<5"');
  });
});

describe("XLSX", () => {
  it("reads back with exceljs: numbers with a format, a frozen header, the query and the statement", async () => {
    const table = reportTable(unsuppressedReport(byPartner(true)), "ru");
    const buffer = await reportXlsx(table, {
      statement: STATEMENT.ru,
      created: new Date("2022-09-01T08:00:00Z"),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Отчёт")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).getCell(2).value).toBe("Государство-партнёр");
    expect(sheet.getRow(5).getCell(1).value).toBe("PL");
    expect(sheet.getRow(5).getCell(3).value).toBe(12345);
    expect(sheet.getRow(5).getCell(3).numFmt).toBe("#,##0");
    expect(sheet.getRow(8).getCell(2).value).toBe("Итого");
    expect(sheet.getRow(8).getCell(3).value).toBe(14038);
    const about = workbook.getWorksheet("Описание")!;
    const pairs = new Map<string, unknown>();
    about.eachRow((row) => pairs.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(pairs.get("Период")).toBe("1 января – 31 августа 2022 г.");
    expect(pairs.get("Вид запроса")).toBe("Правовая помощь");
    expect(pairs.get("Группа преступлений")).toBe("Киберпреступность");
    expect(pairs.get("Заявление")).toBe(STATEMENT.ru);
    expect(pairs.get("Для публикации")).toBe("Нет");
  });

  it("keeps <5 as text in a published workbook", async () => {
    const table = reportTable(suppressReport(byPartner(false)), "en", { published: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await reportXlsx(table, { statement: null, created: new Date() })) as unknown as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet("Report")!;
    const turkey = sheet.getRow(6);
    expect(turkey.getCell(1).value).toBe("TR");
    expect(turkey.getCell(3).value).toBe("<5");
  });
});

describe("PDF", () => {
  it("draws the rows as bars, with the previous year beside them and no bar for a suppressed count", () => {
    const compared = barChartSvg(reportTable(unsuppressedReport(byPartner(true)), "ru"), 500)!;
    expect(compared.svg).toContain("Республика Корея");
    expect(compared.svg.match(/<rect /g)).toHaveLength(2 + PARTNERS.length * 2);
    const published = barChartSvg(
      reportTable(suppressReport(byPartner(false)), "en", { published: true }),
      500,
    )!;
    expect(published.svg.match(/<rect /g)).toHaveLength(PARTNERS.length - 2);
    expect(published.svg).toContain("&#60;5");
  });

  it("renders a PDF that parses: header, pages, and pdftoppm draws it", async () => {
    for (const lang of ["en", "ru"] as const) {
      const table = reportTable(unsuppressedReport(byPartner(true)), lang);
      const definition = reportDocument({
        table,
        statement: STATEMENT[lang],
        generatedOn: "1 September 2022",
        compress: false,
      });
      expect(JSON.stringify(definition.content)).toContain(STATEMENT[lang].slice(0, 20));
      const pdf = await renderReportPdf({
        table,
        statement: STATEMENT[lang],
        generatedOn: "1 September 2022",
        compress: false,
      });
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
      const file = path.join(scratch, `report-${lang}.pdf`);
      writeFileSync(file, pdf);
      if (!existsSync("/usr/bin/pdftoppm")) continue;
      // pdftoppm exits non-zero on a PDF it cannot read, which fails the test.
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "60",
        "-f",
        "1",
        "-l",
        "1",
        file,
        path.join(scratch, `page-${lang}`),
      ]);
      const pages = readdirSync(scratch).filter((name) => name.startsWith(`page-${lang}`));
      expect(pages).toHaveLength(1);
      const png = readFileSync(path.join(scratch, pages[0]!));
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      if (process.env.COMITY_KEEP_PDF) writeFileSync(path.join(process.env.COMITY_KEEP_PDF, pages[0]!), png);
    }
  });
});
