import ExcelJS from "exceljs";
import { parseIsoDate, yearPeriod } from "../../domain/platform/dates.js";
import type { Bilingual } from "../../domain/platform/schemas.js";
import type { ReportQuery } from "../../domain/reports/schemas.js";
import {
  type PublishedValue,
  SUPPRESSED,
  suppressReport,
  WITHHELD,
} from "../../domain/reports/suppression.js";
import { SUPPRESSION_THRESHOLD } from "../../domain/reports/vocabulary.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { loadReportReader } from "./authorize.js";
import { computeReport } from "./compute-report.js";
import { CONTENT_TYPES, type ExportedFile } from "./export-report.js";
import { CSV_BOM, csvLine } from "./report-csv.js";
import type { ExportLanguage } from "./report-table.js";

export type ExportQuestionnaireOptions = Caller & {
  year: number;
  format: "csv" | "xlsx";
  lang: ExportLanguage;
};

/**
 * The de-identified statistics a treaty-review questionnaire asks for (the UNODC and
 * Council of Europe questionnaires on the implementation of UNTOC, UNCAC and the Budapest
 * Convention ask much the same): for one calendar year, requests received and sent by kind,
 * decisions by outcome, refusals by ground, the median days from receipt or sending to a
 * decision, and requests by partner state, each split into incoming and outgoing. Counts
 * only, never a case, and always suppressed as published figures are (docs/statistics.md).
 */

type Section = { code: string; label: Bilingual; query: Omit<ReportQuery, "from" | "to" | "compare"> };

export const QUESTIONNAIRE_SECTIONS: readonly Section[] = [
  {
    code: "requests_by_kind",
    label: { en: "Requests by kind", ru: "Запросы по видам" },
    query: { measure: "requests", by: "kind", split: "direction" },
  },
  {
    code: "decisions_by_outcome",
    label: { en: "Decisions by outcome", ru: "Решения по результатам" },
    query: { measure: "decisions", by: "outcome", split: "direction" },
  },
  {
    code: "refusals_by_ground",
    label: { en: "Refusals by ground", ru: "Отказы по основаниям" },
    query: { measure: "refusals", by: "ground", split: "direction" },
  },
  {
    code: "median_days_to_decision_by_kind",
    label: {
      en: "Median days from receipt or sending to decision, by kind",
      ru: "Медианный срок от поступления или направления до решения, дней, по видам",
    },
    query: { measure: "decision_days_median", by: "kind", split: "direction" },
  },
  {
    code: "requests_by_partner",
    label: { en: "Requests by partner state", ru: "Запросы по государствам-партнёрам" },
    query: { measure: "requests", by: "partner", split: "direction" },
  },
];

const WORDS = {
  en: {
    header: ["Section", "Code", "Label", "Incoming", "Outgoing", "Total"],
    total: "Total",
    sheet: "Questionnaire",
    about: "About",
    title: (year: number) => `Statistics on international cooperation in criminal matters, ${year}`,
    notes: [
      "De-identified figures: counts of requests, never a case, a person or a reference.",
      `Counts from 1 to ${SUPPRESSION_THRESHOLD - 1} are shown as "${SUPPRESSED}"; "${WITHHELD}" marks a figure withheld so that such a count cannot be worked out from a total.`,
      "Incoming: requests made to us; outgoing: our requests to other states. In the median section, Total is the median over both directions.",
      "A refusal citing several grounds is counted under each of them.",
    ],
  },
  ru: {
    header: ["Раздел", "Код", "Наименование", "Входящие", "Исходящие", "Всего"],
    total: "Итого",
    sheet: "Анкета",
    about: "Описание",
    title: (year: number) => `Статистика международного сотрудничества по уголовным делам за ${year} год`,
    notes: [
      "Обезличенные данные: только число запросов, без дел, лиц и номеров.",
      `Значения от 1 до ${SUPPRESSION_THRESHOLD - 1} показаны как «${SUPPRESSED}»; «${WITHHELD}» — значение скрыто, чтобы такое число нельзя было вычислить из итога.`,
      "Входящие — запросы к нам; исходящие — наши запросы другим государствам. В разделе о медианном сроке «Всего» — медиана по обоим направлениям.",
      "Отказ по нескольким основаниям учтён по каждому из них.",
    ],
  },
} as const;

type Line = { section: string; code: string; label: string; figures: PublishedValue[] };

export async function exportQuestionnaire({
  services,
  actor,
  origin,
  year,
  format,
  lang,
}: ExportQuestionnaireOptions): Promise<ExportedFile> {
  const lines = await runOperation(
    services,
    { eventType: "reports.questionnaire_exported", objectType: "report", actor, origin },
    async (context) => {
      await loadReportReader(context);
      const period = yearPeriod(year);
      const out: Line[] = [];
      for (const section of QUESTIONNAIRE_SECTIONS) {
        const result = await computeReport(
          context.tx,
          {
            ...section.query,
            from: parseIsoDate(period.from),
            to: parseIsoDate(period.to),
            compare: "none",
          } as ReportQuery,
          context.now,
        );
        const figures = suppressReport(result);
        const byDirection = (cells: { key: string; value: PublishedValue }[], key: string) =>
          cells.find((cell) => cell.key === key)?.value ?? (result.unit === "cases" ? 0 : null);
        for (const row of figures.rows)
          out.push({
            section: section.label[lang],
            code: row.key,
            label: row.label[lang],
            figures: [byDirection(row.cells, "incoming"), byDirection(row.cells, "outgoing"), row.value],
          });
        out.push({
          section: section.label[lang],
          code: "",
          label: WORDS[lang].total,
          figures: [null, null, figures.total.value],
        });
      }
      context.note({ details: { year, format, lang, lines: out.length } });
      return out;
    },
  );
  const filename = `comity-questionnaire-${year}-${lang}.${format}`;
  const body = format === "csv" ? questionnaireCsv(lines, lang) : await questionnaireXlsx(lines, lang, year);
  return { body, filename, contentType: CONTENT_TYPES[format] };
}

function questionnaireCsv(lines: readonly Line[], lang: ExportLanguage): Buffer {
  const text = [
    csvLine(WORDS[lang].header),
    ...lines.map((line) => csvLine([line.section, line.code, line.label, ...line.figures])),
  ].join("\r\n");
  return Buffer.from(`${CSV_BOM}${text}\r\n`, "utf8");
}

async function questionnaireXlsx(
  lines: readonly Line[],
  lang: ExportLanguage,
  year: number,
): Promise<Buffer> {
  const words = WORDS[lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Comity";
  const sheet = workbook.addWorksheet(words.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [{ width: 44 }, { width: 20 }, { width: 44 }, { width: 12 }, { width: 12 }, { width: 12 }];
  const header = sheet.addRow([...words.header]);
  header.font = { bold: true };
  for (const line of lines) {
    const row = sheet.addRow([line.section, line.code, line.label, ...line.figures]);
    if (line.code === "") row.font = { bold: true };
    for (let column = 4; column <= 6; column++) {
      const cell = row.getCell(column);
      if (typeof cell.value === "number") cell.numFmt = Number.isInteger(cell.value) ? "#,##0" : "0.0";
      cell.alignment = { horizontal: "right" };
    }
  }
  const about = workbook.addWorksheet(words.about);
  about.columns = [{ width: 120 }];
  about.addRow([words.title(year)]).font = { bold: true, size: 13 };
  for (const note of words.notes) about.addRow([note]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
