import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { renderPdf } from "../platform/pdf.js";
import { figureText, type ReportTable } from "./report-table.js";

/**
 * A report as a PDF (A4, pdfmake): its title and period, the statement written from it,
 * a bar chart of its rows (an SVG drawn here, its text in Roboto like the rest, which has
 * Cyrillic), the table, the notes on published figures and what the report counts.
 */

export type ReportPdfInput = {
  table: ReportTable;
  statement: string | null;
  /** The office's day it is generated on, as text ("20 May 2026"). */
  generatedOn: string;
  /** Compress the PDF's streams (default true); tests read uncompressed text. */
  compress?: boolean;
};

const WORDS = {
  en: {
    kicker: "Statistics",
    statement: "Statement",
    chart: "Chart",
    table: "Table",
    about: "What the figures count",
    generated: (day: string) =>
      `Generated from Comity records on ${day}; aggregated figures, no case is named.`,
    page: (current: number, count: number) => `Page ${current} of ${count}`,
    more: (count: number) => `The chart shows the first ${count} rows; the table has them all.`,
  },
  ru: {
    kicker: "Статистика",
    statement: "Заявление",
    chart: "Диаграмма",
    table: "Таблица",
    about: "Что учитывают показатели",
    generated: (day: string) =>
      `Сформировано по данным Comity ${day}; сведения обобщены, дела не называются.`,
    page: (current: number, count: number) => `Стр. ${current} из ${count}`,
    more: (count: number) => `На диаграмме — первые ${count} строк; в таблице — все.`,
  },
};

const MUTED = "#555555";
const HEADER_FILL = "#EEF1F5";
const RULE = "#BBBBBB";
const CURRENT_BAR = "#2F5D8A";
const PREVIOUS_BAR = "#A9BCD0";
/** The chart draws at most this many rows. */
export const CHART_ROWS = 24;

export async function renderReportPdf(input: ReportPdfInput): Promise<Buffer> {
  return renderPdf(reportDocument(input));
}

/** The pdfmake document (exported for its unit test). */
export function reportDocument(input: ReportPdfInput): TDocumentDefinitions {
  const { table, statement } = input;
  const words = WORDS[table.lang];
  const landscape = table.header.length > 7;
  const width = landscape ? 842 - 2 * 48 : 595 - 2 * 48;
  const content: Content[] = [
    { text: words.kicker.toUpperCase(), style: "kicker" },
    { text: table.title, style: "title" },
    { text: table.period, style: "subtitle" },
    { canvas: [{ type: "line", x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.8 }], margin: [0, 6, 0, 4] },
  ];
  if (statement) content.push({ text: statement, style: "statement" });
  const chart = barChartSvg(table, width);
  if (chart) {
    content.push({ text: words.chart, style: "heading" });
    content.push({ svg: chart.svg, width });
    if (chart.truncated) content.push({ text: words.more(CHART_ROWS), style: "note" });
  }
  content.push({ text: words.table, style: "heading" });
  content.push(tableContent(table));
  for (const note of table.notes) content.push({ text: note, style: "note" });
  content.push({ text: words.about, style: "heading" });
  content.push({
    table: {
      widths: [150, "*"],
      body: table.query.map(([what, value]): TableCell[] => [{ text: what, bold: true }, { text: value }]),
    },
    layout: "noBorders",
    fontSize: 8.5,
  });

  return {
    pageSize: "A4",
    pageOrientation: landscape ? "landscape" : "portrait",
    pageMargins: [48, 48, 48, 60],
    compress: input.compress ?? true,
    language: table.lang,
    info: { title: `${table.title}: ${table.period}`, creator: "Comity", producer: "Comity (pdfmake)" },
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: words.generated(input.generatedOn), alignment: "left" },
        { text: words.page(currentPage, pageCount), alignment: "right", width: "auto" },
      ],
      fontSize: 7.5,
      color: MUTED,
      margin: [48, 24, 48, 0],
    }),
    content,
    styles: {
      kicker: { fontSize: 9, color: MUTED, characterSpacing: 1 },
      title: { fontSize: 16, bold: true, margin: [0, 2, 0, 2] },
      subtitle: { fontSize: 11 },
      statement: { fontSize: 10.5, lineHeight: 1.3, margin: [0, 6, 0, 4] },
      heading: { fontSize: 12, bold: true, margin: [0, 12, 0, 6] },
      tableHeader: { bold: true, fontSize: 8.5 },
      note: { fontSize: 8, color: MUTED, italics: true, margin: [0, 4, 0, 0] },
    },
    defaultStyle: { font: "Roboto", fontSize: 9, lineHeight: 1.15 },
  };
}

function tableContent(table: ReportTable): Content {
  const figureCount = table.header.length - 2;
  const right = (text: string, bold = false): TableCell => ({ text, alignment: "right", bold });
  const body: TableCell[][] = [
    [
      { text: table.header[0] ?? "", style: "tableHeader" },
      { text: table.header[1] ?? "", style: "tableHeader" },
      ...table.header.slice(2).map((text): TableCell => ({ text, style: "tableHeader", alignment: "right" })),
    ],
    ...table.rows.map((row): TableCell[] => [
      { text: row.key, color: MUTED },
      { text: row.label },
      ...row.figures.map((value) => right(figureText(value, table.lang))),
    ]),
    [
      { text: "" },
      { text: table.total.label, bold: true },
      ...table.total.figures.map((value) => right(figureText(value, table.lang), true)),
    ],
  ];
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      // Figures in equal columns, wide enough for "12 345" and a header of two or three lines.
      widths: ["auto", "*", ...Array.from({ length: figureCount }, () => (figureCount > 3 ? 60 : 85))],
      body,
    },
    layout: {
      fillColor: (rowIndex: number) => (rowIndex === 0 ? HEADER_FILL : null),
      hLineWidth: (index: number, node: { table: { body: unknown[] } }) =>
        index === 0 || index === 1 || index === node.table.body.length - 1 || index === node.table.body.length
          ? 0.6
          : 0.2,
      vLineWidth: () => 0,
      hLineColor: () => RULE,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
  };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/**
 * A horizontal bar chart of the rows' figures: the current period, and beside it the same
 * period a year earlier when compared. A suppressed figure ("<5", "x") has no bar, only its
 * mark. Null when there is nothing to draw (no rows, or every figure empty).
 */
export function barChartSvg(table: ReportTable, width: number): { svg: string; truncated: boolean } | null {
  const rows = table.rows.slice(0, CHART_ROWS);
  const numeric = (value: unknown): number | null => (typeof value === "number" ? value : null);
  const values = rows.flatMap((row) => [
    numeric(row.figures[table.chart.current]),
    table.chart.previous === null ? null : numeric(row.figures[table.chart.previous]),
  ]);
  const max = Math.max(0, ...values.map((value) => value ?? 0));
  if (rows.length === 0 || values.every((value) => value === null)) return null;
  const compared = table.chart.previous !== null;
  const labelWidth = Math.min(170, width * 0.32);
  const valueWidth = 44;
  const barArea = width - labelWidth - valueWidth - 8;
  const barHeight = compared ? 7 : 11;
  const rowHeight = compared ? 19 : 16;
  const legendHeight = compared ? 16 : 0;
  const height = legendHeight + rows.length * rowHeight + 4;
  const font = `font-family="Roboto" font-size="8"`;
  const parts: string[] = [];
  if (compared) {
    parts.push(
      `<rect x="${labelWidth}" y="2" width="9" height="7" fill="${CURRENT_BAR}"/>`,
      `<text x="${labelWidth + 13}" y="9" ${font} fill="#222222">${escapeXml(table.chart.currentLabel)}</text>`,
      `<rect x="${labelWidth + barArea / 2}" y="2" width="9" height="7" fill="${PREVIOUS_BAR}"/>`,
      `<text x="${labelWidth + barArea / 2 + 13}" y="9" ${font} fill="#222222">${escapeXml(table.chart.previousLabel ?? "")}</text>`,
    );
  }
  rows.forEach((row, index) => {
    const top = legendHeight + index * rowHeight;
    parts.push(
      `<text x="${labelWidth - 6}" y="${top + rowHeight / 2 + 3}" text-anchor="end" ${font} fill="#222222">${escapeXml(truncate(row.label, 34))}</text>`,
    );
    const bars: [unknown, string, number][] = [[row.figures[table.chart.current], CURRENT_BAR, top + 2]];
    if (table.chart.previous !== null)
      bars.push([row.figures[table.chart.previous], PREVIOUS_BAR, top + 2 + barHeight + 1]);
    for (const [value, colour, y] of bars) {
      const length =
        typeof value === "number" && max > 0 ? Math.max(value > 0 ? 1 : 0, (value / max) * barArea) : 0;
      if (length > 0)
        parts.push(
          `<rect x="${labelWidth}" y="${y}" width="${length.toFixed(2)}" height="${barHeight}" fill="${colour}"/>`,
        );
      const mark = figureText((value ?? null) as never, table.lang);
      if (mark !== "")
        parts.push(
          `<text x="${(labelWidth + length + 4).toFixed(2)}" y="${y + barHeight - 1}" ${font} fill="#333333">${escapeXml(mark)}</text>`,
        );
    }
  });
  parts.push(
    `<line x1="${labelWidth}" y1="${legendHeight}" x2="${labelWidth}" y2="${height - 2}" stroke="#888888" stroke-width="0.6"/>`,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join("")}</svg>`;
  return { svg, truncated: table.rows.length > CHART_ROWS };
}
