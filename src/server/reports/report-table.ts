import { dateInWords, MONTH_NAMES } from "../../domain/platform/month-names.js";
import type { Bilingual } from "../../domain/platform/schemas.js";
import {
  DIMENSION_LABELS,
  DIRECTION_LABELS,
  GROUP_LABELS,
  groundLabel,
  KIND_LABELS,
  MEASURE_LABELS,
  OUTCOME_LABELS,
  REGION_LABELS,
} from "../../domain/reports/labels.js";
import { formatNumber } from "../../domain/reports/statement.js";
import {
  type PublishedReport,
  type PublishedValue,
  SUPPRESSED,
  WITHHELD,
} from "../../domain/reports/suppression.js";
import { SUPPRESSION_THRESHOLD } from "../../domain/reports/vocabulary.js";
import { reportTitle } from "./compute-report.js";

/**
 * A report as a table in one language, the common model of its CSV, XLSX and PDF exports:
 * the header row, a row per key (its code, its label, its figures), the total row, and
 * the description of the query (measure, period, breakdowns, comparison, filters) that the
 * XLSX and the PDF print beside the table. Figures stay numbers (or "<5" and "x" when
 * published), so each format writes them its own way.
 */

export type ExportLanguage = "en" | "ru";

export type TableFigure = PublishedValue;

export type ReportTable = {
  lang: ExportLanguage;
  /** "Requests by partner state". */
  title: string;
  /** "1 January – 31 August 2022". */
  period: string;
  /** Code, label, then one header per figure column. */
  header: string[];
  rows: { key: string; label: string; figures: TableFigure[] }[];
  total: { label: string; figures: TableFigure[] };
  /** Counts of cases, or days. */
  unit: "cases" | "days";
  /** The figure column the chart draws, and the one it draws beside it (last year), if any. */
  chart: { current: number; previous: number | null; currentLabel: string; previousLabel: string | null };
  /** (what, value) pairs: measure, period, breakdowns, comparison, filters, publication. */
  query: [string, string][];
  /** Notes under the table: what "<5" and "x" mean when the figures are published. */
  notes: string[];
  published: boolean;
};

/** Labels of the filters the server resolves from its data (a state, a category, an instrument). */
export type FilterLabels = { partner?: Bilingual; category?: Bilingual; basis?: Bilingual };

const WORDS = {
  en: {
    code: "Code",
    total: "Total",
    all: "All cases",
    samePeriod: (period: string) => `Same period a year earlier (${period})`,
    wholeYear: (year: string) => `Whole of ${year}`,
    measure: "Measure",
    period: "Period",
    by: "Breakdown",
    split: "Second breakdown",
    compare: "Comparison",
    compared: "The same period a year earlier and the whole previous year",
    notCompared: "None",
    top: "Rows shown",
    topValue: (top: number) => `The ${top} largest, the rest as "Other"`,
    published: "For publication",
    yes: "Yes",
    no: "No",
    computedAt: "Computed at",
    suppressedNote: `Published figures: counts from 1 to ${SUPPRESSION_THRESHOLD - 1} are shown as "${SUPPRESSED}"; "${WITHHELD}" marks a figure withheld so that such a count cannot be worked out from a total.`,
    daysNote: "Figures are numbers of days.",
    basis: { reciprocity: "Reciprocity", none: "No legal basis recorded" },
  },
  ru: {
    code: "Код",
    total: "Итого",
    all: "Все дела",
    samePeriod: (period: string) => `Аналогичный период предыдущего года (${period})`,
    wholeYear: (year: string) => `Весь ${year} г.`,
    measure: "Показатель",
    period: "Период",
    by: "Разбивка",
    split: "Вторая разбивка",
    compare: "Сравнение",
    compared: "С аналогичным периодом и всем предыдущим годом",
    notCompared: "Нет",
    top: "Строки",
    topValue: (top: number) => `${top} наибольших, остальные — в строке «Прочие»`,
    published: "Для публикации",
    yes: "Да",
    no: "Нет",
    computedAt: "Рассчитано",
    suppressedNote: `Публикуемые данные: значения от 1 до ${SUPPRESSION_THRESHOLD - 1} показаны как «${SUPPRESSED}»; «${WITHHELD}» — значение скрыто, чтобы такое число нельзя было вычислить из итога.`,
    daysNote: "Значения — число дней.",
    basis: { reciprocity: "Взаимность", none: "Правовое основание не указано" },
  },
} as const;

function parts(date: string): [number, number, number] {
  return date.split("-").map(Number) as [number, number, number];
}

/** A day in text: "3 February 2026", «3 февраля 2026 г.». */
export function formatDay(date: string, lang: ExportLanguage): string {
  return dateInWords(date, lang);
}

/**
 * A period in text: "2022" (a whole year), "1 January – 31 August 2022", "1 November 2025 –
 * 17 May 2026"; «2022 г.», «1 января – 31 августа 2022 г.».
 */
export function formatPeriod(from: string, to: string, lang: ExportLanguage): string {
  const [fromYear, fromMonth, fromDay] = parts(from);
  const [toYear] = parts(to);
  if (fromYear === toYear && from.endsWith("-01-01") && to.endsWith("-12-31"))
    return lang === "en" ? `${fromYear}` : `${fromYear} г.`;
  if (from === to) return formatDay(from, lang);
  if (fromYear !== toYear) return `${formatDay(from, lang)} – ${formatDay(to, lang)}`;
  return `${fromDay} ${(lang === "en" ? MONTH_NAMES.en : MONTH_NAMES.ruGenitive)[fromMonth - 1]} – ${formatDay(to, lang)}`;
}

/** A figure as text in a language: 3,012 / 3012, 12 345; "<5" and "x" as they are; nothing for null. */
export function figureText(value: TableFigure, lang: ExportLanguage): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  return formatNumber(value, lang);
}

export type ReportTableOptions = {
  /** Labels of the filters that name a state, a category or an instrument. */
  labels?: FilterLabels;
  /** The figures went through suppression (publish=true): the table says so. */
  published?: boolean;
};

export function reportTable(
  report: PublishedReport,
  lang: ExportLanguage,
  { labels = {}, published = false }: ReportTableOptions = {},
): ReportTable {
  const words = WORDS[lang];
  const { query, periods } = report;
  const period = formatPeriod(periods.current.from, periods.current.to, lang);
  const measure = MEASURE_LABELS[query.measure][lang];
  const compared = periods.samePeriodLastYear !== null;
  const byLabel = query.by ? DIMENSION_LABELS[query.by][lang] : "";

  const figureHeaders: string[] = [];
  if (query.split) figureHeaders.push(...report.columns.map((column) => column.label[lang]));
  const currentColumn = figureHeaders.length;
  figureHeaders.push(query.split ? words.total : compared ? `${measure} (${period})` : measure);
  let previousColumn: number | null = null;
  let previousLabel: string | null = null;
  if (compared && periods.samePeriodLastYear && periods.wholeLastYear) {
    previousColumn = figureHeaders.length;
    previousLabel = formatPeriod(periods.samePeriodLastYear.from, periods.samePeriodLastYear.to, lang);
    figureHeaders.push(words.samePeriod(previousLabel));
    figureHeaders.push(words.wholeYear(periods.wholeLastYear.from.slice(0, 4)));
  }

  const figuresOf = (figure: {
    value: TableFigure;
    samePeriodLastYear: TableFigure;
    wholeLastYear: TableFigure;
    cells?: { value: TableFigure }[];
  }): TableFigure[] => [
    ...(query.split ? report.columns.map((_, index) => figure.cells?.[index]?.value ?? null) : []),
    figure.value,
    ...(compared ? [figure.samePeriodLastYear, figure.wholeLastYear] : []),
  ];

  return {
    lang,
    title: reportTitle(query)[lang],
    period,
    header: [words.code, byLabel || measure, ...figureHeaders],
    rows: report.rows.map((row) => ({ key: row.key, label: row.label[lang], figures: figuresOf(row) })),
    total: {
      label: report.unit === "days" ? words.all : words.total,
      figures: figuresOf({ ...report.total, cells: [] }),
    },
    unit: report.unit,
    chart: { current: currentColumn, previous: previousColumn, currentLabel: period, previousLabel },
    query: describeQuery(report, lang, labels, published),
    notes: [
      ...(report.unit === "days" ? [words.daysNote] : []),
      ...(published && report.unit === "cases" ? [words.suppressedNote] : []),
    ],
    published,
  };
}

function describeQuery(
  report: PublishedReport,
  lang: ExportLanguage,
  labels: FilterLabels,
  published: boolean,
): [string, string][] {
  const words = WORDS[lang];
  const { query, periods } = report;
  const pairs: [string, string][] = [
    [words.measure, MEASURE_LABELS[query.measure][lang]],
    [words.period, formatPeriod(periods.current.from, periods.current.to, lang)],
  ];
  if (query.by) pairs.push([words.by, DIMENSION_LABELS[query.by][lang]]);
  if (query.split) pairs.push([words.split, DIMENSION_LABELS[query.split][lang]]);
  pairs.push([words.compare, periods.samePeriodLastYear ? words.compared : words.notCompared]);
  if (query.top !== undefined) pairs.push([words.top, words.topValue(query.top)]);
  const filter = (dimension: keyof typeof DIMENSION_LABELS, value: string) =>
    pairs.push([DIMENSION_LABELS[dimension][lang], value]);
  if (query.kind) filter("kind", KIND_LABELS[query.kind][lang]);
  if (query.direction) filter("direction", DIRECTION_LABELS[query.direction][lang]);
  if (query.group) filter("group", GROUP_LABELS[query.group][lang]);
  if (query.category) filter("category", labels.category?.[lang] ?? query.category);
  if (query.partner) filter("partner", labels.partner?.[lang] ?? query.partner);
  if (query.region) filter("region", REGION_LABELS[query.region][lang]);
  if (query.basis)
    filter(
      "basis",
      query.basis === "reciprocity" || query.basis === "none"
        ? words.basis[query.basis]
        : (labels.basis?.[lang] ?? query.basis),
    );
  if (query.outcome) filter("outcome", OUTCOME_LABELS[query.outcome][lang]);
  if (query.ground) filter("ground", groundLabel(query.ground)[lang]);
  pairs.push([words.published, published ? words.yes : words.no]);
  pairs.push([words.computedAt, `${report.computedAt.replace("T", " ").slice(0, 16)} UTC`]);
  return pairs;
}
