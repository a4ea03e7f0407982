import ExcelJS from "exceljs";
import type { ReportTable, TableFigure } from "./report-table.js";

/**
 * A report as an Excel workbook (exceljs): the table on the first sheet, its header row
 * frozen, figures as numbers with a number format (so that they sum), "<5" and "x" as text
 * when published; and a second sheet with what the table is (measure, period, breakdowns,
 * comparison, filters, publication) and the statement written from it.
 */

const SHEETS = {
  en: { table: "Report", about: "About", statement: "Statement", notes: "Notes" },
  ru: { table: "Отчёт", about: "Описание", statement: "Заявление", notes: "Примечания" },
};

/** Counts with a thousands separator; days with one decimal. */
const NUMBER_FORMATS = { cases: "#,##0", days: "0.0" } as const;

function cellValue(value: TableFigure): string | number | null {
  return value;
}

export async function reportXlsx(
  table: ReportTable,
  options: { statement: string | null; created: Date },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Comity";
  workbook.created = options.created;
  workbook.title = table.title;
  const names = SHEETS[table.lang];

  const sheet = workbook.addWorksheet(names.table, { views: [{ state: "frozen", ySplit: 1 }] });
  const figureColumns = table.header.length - 2;
  sheet.columns = [
    { width: 10 },
    { width: Math.min(60, Math.max(16, ...table.rows.map((row) => row.label.length + 2))) },
    ...Array.from({ length: figureColumns }, (_, index) => ({
      width: Math.min(40, Math.max(12, (table.header[index + 2]?.length ?? 0) * 0.8)),
    })),
  ];
  const header = sheet.addRow(table.header);
  header.font = { bold: true };
  header.alignment = { vertical: "top", wrapText: true };
  header.eachCell((cell, column) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEF1F5" } };
    if (column > 2) cell.alignment = { vertical: "top", horizontal: "right", wrapText: true };
  });
  const addFigures = (values: (string | number | null)[], bold: boolean) => {
    const row = sheet.addRow(values);
    if (bold) row.font = { bold: true };
    for (let column = 3; column <= table.header.length; column++) {
      const cell = row.getCell(column);
      if (typeof cell.value === "number") cell.numFmt = NUMBER_FORMATS[table.unit];
      cell.alignment = { horizontal: "right" };
    }
  };
  for (const row of table.rows) addFigures([row.key, row.label, ...row.figures.map(cellValue)], false);
  addFigures([null, table.total.label, ...table.total.figures.map(cellValue)], true);

  const about = workbook.addWorksheet(names.about);
  about.columns = [{ width: 28 }, { width: 90 }];
  const title = about.addRow([table.title]);
  title.font = { bold: true, size: 13 };
  about.addRow([table.period]);
  about.addRow([]);
  for (const [what, value] of table.query) {
    const row = about.addRow([what, value]);
    row.getCell(1).font = { bold: true };
  }
  if (options.statement) {
    about.addRow([]);
    const row = about.addRow([names.statement, options.statement]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
  }
  if (table.notes.length > 0) {
    about.addRow([]);
    const row = about.addRow([names.notes, table.notes.join(" ")]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
