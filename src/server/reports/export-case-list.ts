import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { CaseVisibility } from "../../db/cases/case-visibility.repository.js";
import { type CaseListRow, listCases } from "../../db/cases/cases.repository.js";
import type { CaseListQuery } from "../../domain/cases/schemas.js";
import type { ConfidentialityLevel, Priority } from "../../domain/cases/vocabulary.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import type { Bilingual } from "../../domain/platform/schemas.js";
import { DIRECTION_LABELS, KIND_LABELS, STATUS_LABELS } from "../../domain/reports/labels.js";
import type { CaseListExportQuery } from "../../domain/reports/schemas.js";
import { loadCaseSubject } from "../cases/authorize.js";
import { caseVisibility } from "../cases/case.policy.js";
import { type Caller, runOperation, type Services } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { CSV_BOM, csvLine } from "./report-csv.js";
import type { ExportLanguage } from "./report-table.js";

/**
 * The case list as a file (CSV or XLSX), with the filters of GET /api/cases and its
 * need-to-know: only the cases the reader may see. The export is recorded first (one audit
 * entry with the filters, the format and how many cases it holds), then streamed in pages
 * of PAGE_SIZE read by reference, each page in a read of its own, so that a long export
 * holds neither everything in memory nor a database connection while the client reads.
 * A case changed during a long export shows as it was when its page was read.
 */

export const PAGE_SIZE = 500;

export type CaseListExport = {
  filename: string;
  contentType: string;
  /** How many cases the file holds. */
  total: number;
  stream: Readable;
};

const PRIORITY_LABELS: Record<Priority, Bilingual> = {
  normal: { en: "Normal", ru: "Обычный" },
  high: { en: "High", ru: "Высокий" },
  urgent: { en: "Urgent", ru: "Срочный" },
};
const CONFIDENTIALITY_LABELS: Record<ConfidentialityLevel, Bilingual> = {
  standard: { en: "Standard", ru: "Обычная" },
  restricted: { en: "Restricted", ru: "Ограниченный доступ" },
  secret: { en: "Secret", ru: "Секретно" },
};

const COLUMNS: {
  header: Bilingual;
  width: number;
  value: (row: CaseListRow, lang: ExportLanguage) => string | null;
  date?: true;
}[] = [
  { header: { en: "Reference", ru: "Номер" }, width: 16, value: (row) => row.reference },
  { header: { en: "Title", ru: "Наименование" }, width: 48, value: (row) => row.title },
  { header: { en: "Kind", ru: "Вид" }, width: 22, value: (row, lang) => KIND_LABELS[row.kind][lang] },
  {
    header: { en: "Direction", ru: "Направление" },
    width: 12,
    value: (row, lang) => DIRECTION_LABELS[row.direction][lang],
  },
  {
    header: { en: "Status", ru: "Статус" },
    width: 20,
    value: (row, lang) => STATUS_LABELS[row.status][lang],
  },
  {
    header: { en: "Priority", ru: "Приоритет" },
    width: 10,
    value: (row, lang) => PRIORITY_LABELS[row.priority][lang],
  },
  {
    header: { en: "Confidentiality", ru: "Конфиденциальность" },
    width: 16,
    value: (row, lang) => CONFIDENTIALITY_LABELS[row.confidentiality][lang],
  },
  {
    header: { en: "Requesting state", ru: "Запрашивающее государство" },
    width: 12,
    value: (row) => row.requestingState,
  },
  {
    header: { en: "Requested state", ru: "Запрашиваемое государство" },
    width: 12,
    value: (row) => row.requestedState,
  },
  { header: { en: "Team", ru: "Группа" }, width: 20, value: (row) => row.teamName },
  {
    header: { en: "Offence category", ru: "Категория преступления" },
    width: 12,
    value: (row) => row.offenceCategory,
  },
  { header: { en: "Opened on", ru: "Открыто" }, width: 12, value: (row) => row.openedOn, date: true },
  { header: { en: "Received on", ru: "Получено" }, width: 12, value: (row) => row.receivedOn, date: true },
  { header: { en: "Decided on", ru: "Решение" }, width: 12, value: (row) => row.decidedOn, date: true },
  { header: { en: "Closed on", ru: "Закрыто" }, width: 12, value: (row) => row.closedOn, date: true },
  {
    header: { en: "Next deadline", ru: "Ближайший срок" },
    width: 12,
    value: (row) => row.nextDeadlineOn,
    date: true,
  },
];

export async function exportCaseList({
  services,
  actor,
  origin,
  query,
}: Caller & { query: CaseListExportQuery }): Promise<CaseListExport> {
  const { format, lang, ...filters } = query;
  const listQuery: CaseListQuery = { ...filters, limit: 1, offset: 0 };
  const prepared = await runOperation(
    services,
    { eventType: "case.exported", objectType: "case", actor, origin },
    async (context) => {
      const subject = await loadCaseSubject(context);
      const visibility = caseVisibility(subject);
      const today = officeToday(context.services, context.now);
      const { total } = await listCases(context.tx, visibility, listQuery, today);
      context.note({ details: { filters, format, lang, total } });
      return { visibility, today, total };
    },
  );
  const pages = casePages(services, prepared.visibility, listQuery, prepared.today);
  const stamp = prepared.today;
  return {
    filename: `comity-cases-${stamp}-${lang}.${format}`,
    contentType:
      format === "csv"
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    total: prepared.total,
    stream: format === "csv" ? csvStream(pages, lang) : xlsxStream(pages, lang),
  };
}

/** The visible cases matching the filters, a page at a time, by reference. */
async function* casePages(
  services: Services,
  visibility: CaseVisibility,
  query: CaseListQuery,
  today: IsoDate,
): AsyncGenerator<CaseListRow[]> {
  let after: string | null = null;
  for (;;) {
    const { rows } = await listCases(
      services.database,
      visibility,
      { ...query, limit: PAGE_SIZE, offset: 0 },
      today,
      {
        afterReference: after,
        withTotal: false,
      },
    );
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE_SIZE) return;
    after = rows.at(-1)!.reference;
  }
}

function csvStream(pages: AsyncGenerator<CaseListRow[]>, lang: ExportLanguage): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield `${CSV_BOM}${csvLine(COLUMNS.map((column) => column.header[lang]))}\r\n`;
    for await (const rows of pages)
      yield rows.map((row) => `${csvLine(COLUMNS.map((column) => column.value(row, lang)))}\r\n`).join("");
  }
  return Readable.from(lines());
}

/** A day as Excel keeps it: a date at midnight UTC, shown 24.05.2025 or 24 May 2025. */
function excelDate(value: string | null): Date | null {
  return value === null ? null : new Date(`${value}T00:00:00Z`);
}

function xlsxStream(pages: AsyncGenerator<CaseListRow[]>, lang: ExportLanguage): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  workbook.creator = "Comity";
  const sheet = workbook.addWorksheet(lang === "en" ? "Cases" : "Дела", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = COLUMNS.map((column) => ({
    header: column.header[lang],
    width: column.width,
    ...(column.date ? { style: { numFmt: lang === "en" ? "d mmm yyyy" : "dd.mm.yyyy" } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  void (async () => {
    try {
      for await (const rows of pages) {
        for (const row of rows)
          sheet
            .addRow(
              COLUMNS.map((column) =>
                column.date ? excelDate(column.value(row, lang)) : column.value(row, lang),
              ),
            )
            .commit();
        // Let the client read what is written before the next page is fetched.
        if (output.writableNeedDrain) await new Promise((resolve) => output.once("drain", resolve));
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return output;
}
