import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ReportResult, reportResultSchema } from "./schemas.js";
import {
  isSmallCount,
  SUPPRESSED,
  type SuppressionLine,
  suppressCount,
  suppressReport,
  suppressValues,
  WITHHELD,
} from "./suppression.js";

function report(
  rows: { key: string; value: number; cells?: number[]; samePeriodLastYear?: number }[],
  total: number,
  options: { unit?: "cases" | "days"; columns?: string[]; lastYear?: number } = {},
): ReportResult {
  const columns = options.columns ?? [];
  return reportResultSchema.parse({
    query: {
      measure: options.unit === "days" ? "decision_days_median" : "requests",
      from: "2025-01-01",
      to: "2025-12-31",
      by: "partner",
      ...(columns.length > 0 ? { split: "kind" } : {}),
      compare: options.lastYear === undefined ? "none" : "previous_year",
    },
    periods: {
      current: { from: "2025-01-01", to: "2025-12-31" },
      samePeriodLastYear: null,
      wholeLastYear: null,
    },
    total: {
      value: total,
      samePeriodLastYear: options.lastYear ?? null,
      wholeLastYear: options.lastYear ?? null,
    },
    rows: rows.map((row) => ({
      key: row.key,
      label: { en: row.key, ru: row.key },
      value: row.value,
      samePeriodLastYear: row.samePeriodLastYear ?? null,
      wholeLastYear: row.samePeriodLastYear ?? null,
      cells: (row.cells ?? []).map((value, index) => ({ key: columns[index] ?? `c${index}`, value })),
    })),
    columns: columns.map((key) => ({ key, label: { en: key, ru: key } })),
    unit: options.unit ?? "cases",
    computedAt: "2026-01-10T10:00:00.000Z",
  });
}

describe("primary suppression", () => {
  it("shows 1 to 4 as <5, and keeps 0 and 5 and more", () => {
    expect([0, 1, 4, 5, 6, null].map(suppressCount)).toEqual([0, SUPPRESSED, SUPPRESSED, 5, 6, null]);
    expect(SUPPRESSED).toBe("<5");
  });
});

describe("secondary suppression", () => {
  it("withholds the smallest other count when a suppressed one could be worked out from the total", () => {
    // BY 40, AM 3, KR 12, PL 9: total 64. With AM alone hidden, 64 - 40 - 12 - 9 = 3.
    const published = suppressReport(
      report(
        [
          { key: "BY", value: 40 },
          { key: "AM", value: 3 },
          { key: "KR", value: 12 },
          { key: "PL", value: 9 },
        ],
        64,
      ),
    );
    expect(published.rows.map((row) => row.value)).toEqual([40, SUPPRESSED, 12, WITHHELD]);
    expect(published.total.value).toBe(64);
    expect(published.suppressed).toBe(2);
  });

  it("needs no second cell when two counts are already suppressed", () => {
    const published = suppressReport(
      report(
        [
          { key: "BY", value: 40 },
          { key: "AM", value: 3 },
          { key: "KR", value: 2 },
        ],
        45,
      ),
    );
    expect(published.rows.map((row) => row.value)).toEqual([40, SUPPRESSED, SUPPRESSED]);
  });

  it("withholds the total when no other count could hide the small one", () => {
    const published = suppressReport(
      report(
        [
          { key: "BY", value: 0 },
          { key: "AM", value: 3 },
        ],
        3,
      ),
    );
    // The total is itself a small count: it is suppressed as such, and protects the line.
    expect(published.total.value).toBe(SUPPRESSED);
    expect(published.rows.map((row) => row.value)).toEqual([0, SUPPRESSED]);
    // A shown total equal to a single hidden count is withheld (values as suppressValues sees them).
    expect(suppressValues([0, 3, 0, 3], [{ cells: [0, 1, 2], total: 3 }])).toEqual([
      "shown",
      "primary",
      "shown",
      "primary",
    ]);
    expect(suppressValues([0, 3, 7], [{ cells: [0, 1], total: 2 }])).toEqual([
      "shown",
      "primary",
      "secondary",
    ]);
  });

  it("protects the cells of a split table along rows, and the rows along the total", () => {
    // Rows BY (mla 30, extradition 2) = 32 and AM (mla 20, extradition 25) = 45; total 77.
    const published = suppressReport(
      report(
        [
          { key: "BY", value: 32, cells: [30, 2] },
          { key: "AM", value: 45, cells: [20, 25] },
        ],
        77,
        { columns: ["mla", "extradition"] },
      ),
    );
    expect(published.rows[0]!.cells.map((cell) => cell.value)).toEqual([WITHHELD, SUPPRESSED]);
    expect(published.rows[1]!.cells.map((cell) => cell.value)).toEqual([20, 25]);
    expect(published.rows.map((row) => row.value)).toEqual([32, 45]);
  });

  it("suppresses the previous year's figures as their own column", () => {
    const published = suppressReport(
      report(
        [
          { key: "BY", value: 10, samePeriodLastYear: 2 },
          { key: "AM", value: 10, samePeriodLastYear: 8 },
        ],
        20,
        { lastYear: 10 },
      ),
    );
    expect(published.rows.map((row) => row.samePeriodLastYear)).toEqual([SUPPRESSED, WITHHELD]);
    expect(published.rows.map((row) => row.value)).toEqual([10, 10]);
  });

  it("leaves figures in days as they are", () => {
    const published = suppressReport(report([{ key: "BY", value: 3 }], 3, { unit: "days" }));
    expect(published.rows[0]!.value).toBe(3);
    expect(published.suppressed).toBe(0);
  });

  it("never leaves a line with exactly one hidden count and a shown total (property)", () => {
    const table = fc.array(fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 5 }), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(table, (matrix) => {
        const width = matrix[0]!.length;
        const cells = matrix.map((row) => [...row, ...Array(width).fill(0)].slice(0, width));
        // values: every cell, then each row's total, then the grand total.
        const values: number[] = cells.flat();
        const rowTotals = cells.map((row) => values.push(row.reduce((sum, value) => sum + value, 0)) - 1);
        const grand = values.push(cells.flat().reduce((sum, value) => sum + value, 0)) - 1;
        const lines: SuppressionLine[] = [
          ...cells.map((_, row) => ({
            cells: cells[row]!.map((__, column) => row * width + column),
            total: rowTotals[row]!,
          })),
          { cells: rowTotals, total: grand },
        ];
        const state = suppressValues(values, lines);
        for (const [index, value] of values.entries())
          if (isSmallCount(value)) expect(state[index]).toBe("primary");
        for (const line of lines) {
          if (line.total !== null && state[line.total] !== "shown") continue;
          expect(line.cells.filter((index) => state[index] !== "shown").length).not.toBe(1);
        }
      }),
    );
  });
});
