import type { ReportResult } from "./schemas.js";
import { SUPPRESSION_THRESHOLD } from "./vocabulary.js";

/**
 * Suppression of small counts in published figures (docs/statistics.md, "Suppression in
 * published figures"). A handful of cases between two states in one category can name a
 * person to anyone who follows the news, so a figure meant for publication never shows a
 * count from 1 to SUPPRESSION_THRESHOLD - 1:
 *
 * - primary suppression: such a count is shown as "<5"; 0 stays 0 (that nothing happened
 *   names nobody);
 * - secondary suppression: where a suppressed count could be worked out by subtraction
 *   (it is the only one hidden in a row or column whose total is shown), a second count of
 *   that line is withheld too, shown as "x": the smallest count above zero, so that as
 *   little as possible is lost; when the line has no other count above zero, its total is
 *   withheld instead. Withholding a count can leave another line with a single hidden
 *   count, so the rule is applied until no line has one.
 *
 * Figures in days (medians, percentiles) are not counts and are published as they are.
 */

/** "<5": a count from 1 to the threshold minus one. */
export const SUPPRESSED = `<${SUPPRESSION_THRESHOLD}` as const;
/** "x": a count withheld so that a suppressed one cannot be worked out from a total. */
export const WITHHELD = "x" as const;

export type PublishedValue = number | null | typeof SUPPRESSED | typeof WITHHELD;

/** A line of an additive table: cells that sum to a total (an index into the same list, or none). */
export type SuppressionLine = { cells: readonly number[]; total: number | null };

export type Suppression = "shown" | "primary" | "secondary";

/** Whether a count is below the threshold and above zero. */
export function isSmallCount(value: number | null): boolean {
  return value !== null && value >= 1 && value < SUPPRESSION_THRESHOLD;
}

/**
 * Which of `values` to hide, given the lines (rows, columns) that sum to a shown total.
 * Deterministic: ties between candidates for secondary suppression go to the later cell
 * (the "other" row and the last columns come last, and are the least telling).
 */
export function suppressValues(
  values: readonly (number | null)[],
  lines: readonly SuppressionLine[],
): Suppression[] {
  const state: Suppression[] = values.map((value) => (isSmallCount(value) ? "primary" : "shown"));
  const hidden = (index: number) => state[index] !== "shown";
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.total === null || hidden(line.total)) continue;
      const hiddenCells = line.cells.filter(hidden);
      if (hiddenCells.length !== 1) continue;
      let candidate: number | null = null;
      for (const index of line.cells) {
        const value = values[index];
        if (hidden(index) || value === null || value === undefined || value <= 0) continue;
        if (candidate === null || value <= (values[candidate] as number)) candidate = index;
      }
      state[candidate ?? line.total] = "secondary";
      changed = true;
    }
  }
  return state;
}

function published(value: number | null, suppression: Suppression): PublishedValue {
  if (suppression === "primary") return SUPPRESSED;
  if (suppression === "secondary") return WITHHELD;
  return value;
}

/** A report's figures as they are published: numbers, "<5" or "x". */
export type PublishedFigure = {
  value: PublishedValue;
  samePeriodLastYear: PublishedValue;
  wholeLastYear: PublishedValue;
};

export type PublishedRow = PublishedFigure & {
  key: string;
  label: { en: string; ru: string };
  cells: {
    key: string;
    value: PublishedValue;
    samePeriodLastYear?: PublishedValue;
    wholeLastYear?: PublishedValue;
  }[];
};

/** A report with its figures as published; `suppressed` counts the figures hidden. */
export type PublishedReport = Omit<ReportResult, "rows" | "total"> & {
  rows: PublishedRow[];
  total: PublishedFigure;
  suppressed: number;
};

/** The report as it stands, in the published shape (for exports that are not for publication). */
export function unsuppressedReport(result: ReportResult): PublishedReport {
  return { ...result, suppressed: 0 };
}

type FigureKey = "value" | "samePeriodLastYear" | "wholeLastYear";

/**
 * The report for publication. Each column of figures (this period, the same period last
 * year, the whole of last year) is a line: its rows sum to its total. With a second
 * breakdown (`split`), each row's cells sum to the row's figure, a line of its own.
 */
export function suppressReport(result: ReportResult): PublishedReport {
  if (result.unit !== "cases") return unsuppressedReport(result);
  const rows = result.rows;
  const out: PublishedReport = {
    ...result,
    rows: rows.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell })) })),
    total: { ...result.total },
    suppressed: 0,
  };
  const keys: FigureKey[] = ["value", "samePeriodLastYear", "wholeLastYear"];
  for (const key of keys) {
    // values: the rows' figures, then the total, then (for `value` with a split) every cell.
    const values: (number | null)[] = rows.map((row) => row[key]);
    const totalIndex = values.push(result.total[key]) - 1;
    const lines: SuppressionLine[] = [{ cells: rows.map((_, index) => index), total: totalIndex }];
    // A cell has this figure when it is the current one, or the cell carries last year's.
    const cellIndex: (number | null)[][] = rows.map((row) =>
      row.cells.map((cell) => {
        const value = cell[key];
        return value === undefined ? null : values.push(value) - 1;
      }),
    );
    cellIndex.forEach((indices, rowIndex) => {
      const present = indices.filter((index): index is number => index !== null);
      if (present.length > 0) lines.push({ cells: present, total: rowIndex });
    });
    const state = suppressValues(values, lines);
    out.suppressed += state.filter((suppression) => suppression !== "shown").length;
    rows.forEach((row, rowIndex) => {
      const target = out.rows[rowIndex] as PublishedRow;
      target[key] = published(row[key], state[rowIndex] as Suppression);
      row.cells.forEach((cell, cellPosition) => {
        const index = cellIndex[rowIndex]?.[cellPosition];
        if (index === null || index === undefined) return;
        const targetCell = target.cells[cellPosition] as PublishedRow["cells"][number];
        targetCell[key] = published(cell[key] ?? null, state[index] as Suppression);
      });
    });
    out.total[key] = published(result.total[key], state[totalIndex] as Suppression);
  }
  return out;
}

/** A single published count: "<5" for 1 to 4, the count otherwise (no line to protect). */
export function suppressCount(value: number | null): PublishedValue {
  return isSmallCount(value) ? SUPPRESSED : value;
}
