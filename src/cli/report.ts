import type { Command } from "commander";
import { csvField } from "../domain/platform/csv.js";
import type { Locale } from "../domain/platform/schemas.js";
import { DIMENSION_LABELS, MEASURE_LABELS } from "../domain/reports/labels.js";
import { type ReportQuery, type ReportResult, reportQuerySchema } from "../domain/reports/schemas.js";
import { REPORT_DIMENSIONS, REPORT_MEASURES } from "../domain/reports/vocabulary.js";
import { reportQueryProblems } from "../server/reports/compute-report.js";
import { getReportStatement } from "../server/reports/get-report-statement.js";
import { rebuildStatistics } from "../server/reports/rebuild-statistics.js";
import { runReport } from "../server/reports/run-report.js";
import { printJson, progress, progressBar } from "./output.js";
import { cliActor, cliCaller, withRuntime } from "./with-runtime.js";

/**
 * `comity report`: the figures of docs/statistics.md on the command line, the same as the
 * API's (the same operation, audited as the operator), as a table, JSON or CSV; and the
 * rebuild of the statistic rows from the event streams.
 * Exit codes: 0 done, 1 a bad option or a report that cannot be made.
 */

/** The options every report command shares: the query (measure, period, breakdown, filters). */
export type ReportQueryOptions = {
  from?: string;
  to?: string;
  measure?: string;
  by?: string;
  split?: string;
  compare?: string;
  top?: string;
  kind?: string;
  direction?: string;
  category?: string;
  group?: string;
  partner?: string;
  region?: string;
  basis?: string;
  outcome?: string;
  ground?: string;
};

/** Adds the shared query options to a command (`report stats`, `report statement`, ...). */
export function addReportQueryOptions(command: Command): Command {
  return command
    .requiredOption("--from <date>", "first day of the period (YYYY-MM-DD)")
    .requiredOption("--to <date>", "last day of the period (YYYY-MM-DD)")
    .option("--measure <measure>", `what to count: ${REPORT_MEASURES.join(", ")}`, "requests")
    .option("--by <dimension>", `rows: ${REPORT_DIMENSIONS.join(", ")}`)
    .option("--split <dimension>", "columns: a second dimension")
    .option("--compare <compare>", "previous-year: the same period last year and the whole of last year")
    .option("--top <n>", "the N largest rows, the rest summed in 'other'")
    .option(
      "--kind <kind>",
      "mla, extradition, asset_recovery, transfer_of_proceedings, preservation_of_data",
    )
    .option("--direction <direction>", "in (incoming) or out (outgoing)")
    .option("--category <code>", "offence categories starting with this code (09, 0903, eaw:11)")
    .option("--group <group>", "an offence group (cybercrime, corruption, fraud, ...)")
    .option("--partner <code>", "the partner state (ISO 3166-1 alpha-2)")
    .option("--region <region>", "the partner's region (Africa, Americas, Asia, Europe, Oceania)")
    .option("--basis <basis>", "an instrument id, reciprocity or none")
    .option("--outcome <outcome>", "decisions with this outcome: granted, partially_granted, refused")
    .option("--ground <ground>", "decisions citing this ground (political_offence, own_national, ...)");
}

const DIRECTION_WORDS: Record<string, string> = { in: "incoming", out: "outgoing" };
const COMPARE_WORDS: Record<string, string> = { "previous-year": "previous_year", none: "none" };

/**
 * The shared options as a report query, checked with the API's schema; problems name
 * the option (`--to: the period ends before it begins`).
 */
export function parseReportQueryOptions(
  options: ReportQueryOptions,
): { ok: true; query: ReportQuery } | { ok: false; problems: string[] } {
  const parsed = reportQuerySchema.safeParse({
    measure: options.measure ?? "requests",
    from: options.from,
    to: options.to,
    by: options.by,
    split: options.split,
    compare: options.compare === undefined ? undefined : (COMPARE_WORDS[options.compare] ?? options.compare),
    top: options.top,
    kind: options.kind,
    direction:
      options.direction === undefined ? undefined : (DIRECTION_WORDS[options.direction] ?? options.direction),
    category: options.category,
    group: options.group,
    partner: options.partner?.toUpperCase(),
    region: options.region,
    basis: options.basis,
    outcome: options.outcome,
    ground: options.ground,
  });
  if (parsed.success) {
    // A breakdown or a filter the measure does not have: as the API refuses it.
    const problems = reportQueryProblems(parsed.data).map(
      (problem) => `--${problem.path.split(".").at(-1)}: ${problem.message}`,
    );
    return problems.length > 0 ? { ok: false, problems } : { ok: true, query: parsed.data };
  }
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => `--${String(issue.path[0] ?? "options")}: ${issue.message}`),
  };
}

function figureText(value: number | null): string {
  return value === null ? "-" : String(value);
}

/** The report as a table on stdout, with its title, period and total. */
export function printReport(result: ReportResult, lang: Locale): void {
  const { query } = result;
  const compared = query.compare === "previous_year";
  const heading = query.by ? DIMENSION_LABELS[query.by][lang] : "";
  const header = [
    heading,
    MEASURE_LABELS[query.measure][lang],
    ...(compared
      ? [
          lang === "ru" ? "Тот же период год назад" : "Same period last year",
          lang === "ru" ? "Весь прошлый год" : "Whole last year",
        ]
      : []),
    ...result.columns.map((column) => column.label[lang]),
  ];
  const lines: string[][] = result.rows.map((row) => [
    row.label[lang],
    figureText(row.value),
    ...(compared ? [figureText(row.samePeriodLastYear), figureText(row.wholeLastYear)] : []),
    ...row.cells.map((cell) => figureText(cell.value)),
  ]);
  lines.push([
    lang === "ru" ? "Всего" : "Total",
    figureText(result.total.value),
    ...(compared
      ? [figureText(result.total.samePeriodLastYear), figureText(result.total.wholeLastYear)]
      : []),
    ...result.columns.map(() => ""),
  ]);
  const widths = header.map((cell, index) =>
    Math.max(cell.length, ...lines.map((line) => (line[index] ?? "").length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!)))
      .join("  ")
      .trimEnd();
  const { current, samePeriodLastYear, wholeLastYear } = result.periods;
  process.stdout.write(`${MEASURE_LABELS[query.measure][lang]}, ${current.from} – ${current.to}\n`);
  if (samePeriodLastYear && wholeLastYear)
    process.stdout.write(
      `${lang === "ru" ? "Сравнение" : "Compared with"}: ${samePeriodLastYear.from} – ${samePeriodLastYear.to}; ${wholeLastYear.from} – ${wholeLastYear.to}\n`,
    );
  process.stdout.write(`${format(header)}\n${format(widths.map((width) => "-".repeat(width)))}\n`);
  for (const line of lines.slice(0, -1)) process.stdout.write(`${format(line)}\n`);
  process.stdout.write(`${format(widths.map((width) => "-".repeat(width)))}\n${format(lines.at(-1)!)}\n`);
}

/** The report as CSV: a row per table row and one for the total, columns by key. */
export function reportCsv(result: ReportResult, lang: Locale): string {
  const compared = result.query.compare === "previous_year";
  const header = [
    "key",
    "label",
    "value",
    ...(compared ? ["same_period_last_year", "whole_last_year"] : []),
    ...result.columns.map((column) => column.key),
  ];
  const rows = [
    ...result.rows.map((row) => [
      row.key,
      row.label[lang],
      row.value,
      ...(compared ? [row.samePeriodLastYear, row.wholeLastYear] : []),
      ...row.cells.map((cell) => cell.value),
    ]),
    [
      "total",
      lang === "ru" ? "Всего" : "Total",
      result.total.value,
      ...(compared ? [result.total.samePeriodLastYear, result.total.wholeLastYear] : []),
      ...result.columns.map(() => null),
    ],
  ];
  return `${[header, ...rows].map((row) => row.map((cell) => csvField(cell)).join(",")).join("\r\n")}\r\n`;
}

export function registerReport(program: Command): void {
  const report = program
    .command("report")
    .description("Statistics over the cases' events (docs/statistics.md)");

  addReportQueryOptions(
    report
      .command("stats")
      .description("A measure over a period, broken down and filtered, as the API's GET /api/reports/stats"),
  )
    .option("--lang <lang>", "labels in en or ru", "en")
    .option("--json", "print the result as JSON (the API's response)")
    .option("--csv", "print the table as CSV")
    .action(async (options: ReportQueryOptions & { lang: string; json?: boolean; csv?: boolean }) => {
      const parsed = parseReportQueryOptions(options);
      if (options.lang !== "en" && options.lang !== "ru") {
        progress(`--lang: en or ru, not "${options.lang}"`);
        process.exitCode = 1;
        return;
      }
      if (!parsed.ok) {
        for (const problem of parsed.problems) progress(problem);
        process.exitCode = 1;
        return;
      }
      const result = await withRuntime({ migrate: false }, (runtime) =>
        runReport({ ...cliCaller(runtime.services), query: parsed.query }),
      );
      if (options.json) return printJson(result);
      if (options.csv) return void process.stdout.write(reportCsv(result, options.lang));
      printReport(result, options.lang);
    });

  addReportQueryOptions(
    report
      .command("statement")
      .description(
        "The paragraph a press office would write from the figures, as the API's GET /api/reports/statement",
      ),
  )
    .option("--lang <lang>", "the language of the paragraph: en or ru", "en")
    .option("--json", "print the statement with its figures as JSON (the API's response)")
    .action(async (options: ReportQueryOptions & { lang: string; json?: boolean }) => {
      const parsed = parseReportQueryOptions(options);
      if (options.lang !== "en" && options.lang !== "ru") {
        progress(`--lang: en or ru, not "${options.lang}"`);
        process.exitCode = 1;
        return;
      }
      if (!parsed.ok) {
        for (const problem of parsed.problems) progress(problem);
        process.exitCode = 1;
        return;
      }
      const lang = options.lang;
      const statement = await withRuntime({ migrate: false }, (runtime) =>
        getReportStatement({ ...cliCaller(runtime.services), query: parsed.query, lang }),
      );
      if (options.json) return printJson(statement);
      process.stdout.write(`${statement.text}\n`);
    });

  report
    .command("rebuild")
    .description(
      "Recompute every case's statistic rows from its events (after a restore, or to check them); the server keeps them current",
    )
    .option("--json", "print the counts as JSON")
    .action(async (options: { json?: boolean }) => {
      const result = await withRuntime({}, (runtime) =>
        rebuildStatistics({
          services: runtime.services,
          actor: cliActor(),
          onProgress: progressBar("Rebuilding statistics"),
        }),
      );
      if (options.json) return printJson(result);
      progress(
        `Rebuilt ${result.rows} statistic row(s) for ${result.cases} case(s)${result.failed.length > 0 ? `; ${result.failed.length} case(s) could not be replayed: ${result.failed.join(", ")}` : ""}.`,
      );
      if (result.failed.length > 0) process.exitCode = 1;
    });
}
