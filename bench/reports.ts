/**
 * The reports benchmark (`--only reports`): the issue's figures at 1,000,000 cases.
 *
 * 1. BENCH_REPORT_CASES (default 1,000,000) synthetic cases with their events and
 *    statistic rows, written by the loader of `comity seed --synthetic`
 *    (src/server/reports/seed-synthetic-cases.ts) into the server's database while it
 *    runs: the seed figure, load and VACUUM ANALYZE.
 * 2. The administrator invites a supervisor (member of the six teams, clearance secret)
 *    and an analyst, each signed in through the real API (password and TOTP).
 * 3. For each scenario, the SQL the server runs for a request, recorded on its way to the
 *    database (the application built in this process on a recording pool, the request
 *    injected with the same session cookie), and each SELECT run with EXPLAIN ANALYZE:
 *    the median of three runs per statement, added up per request, the median of up to
 *    five requests of the scenario.
 * 4. autocannon, 10 connections, BENCH_SECONDS each, random parameters from a pool:
 *    (c) requests in cybercrime cases by partner over an eight-month window, as the
 *    analyst (target >= 650 req/s); (e) the home dashboard as the supervisor (target p95
 *    <= 150 ms); a year-over-year report by partner (target p95 <= 300 ms); a page of the
 *    cases behind a figure (drill-down) as the supervisor.
 *
 * Any answer other than 2xx fails the run. BENCH_ONLY=text runs only the scenarios whose
 * name contains it; BENCH_REPORTS_SQL runs SQL after the load (to try an index).
 */

import { sql } from "drizzle-orm";
import pg from "pg";
import { createDatabase } from "../src/db/client.js";
import { buildApp } from "../src/server/app.js";
import type { Services } from "../src/server/platform/operation.js";
import { officeToday } from "../src/server/platform/today.js";
import { type SyntheticSeedResult, seedSyntheticCases } from "../src/server/reports/seed-synthetic-cases.js";
import {
  type ApiSession,
  CONNECTIONS,
  DURATION,
  type HttpFigures,
  inviteAndSignIn,
  log,
  measurePaths,
  random,
} from "./shared.js";

const CASES = Number(process.env.BENCH_REPORT_CASES ?? 1_000_000);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export type SqlFigures = {
  /** Statements the request sends (SELECTs explained; writes such as the audit entry counted apart). */
  /** Every statement the request sends, BEGIN and COMMIT included: its round trips. */
  statements: number;
  selects: number;
  writes: number;
  /** Sum of the SELECTs' execution and planning times, median of the requests tried. */
  ms: number;
  /** The slowest of the requests tried. */
  maxMs: number;
  /** The slowest statement of the median request: its plan, outermost first. */
  slowest: { ms: number; plan: string };
};

export type ReportsFigures = {
  data: {
    cases: number;
    events: number;
    statistics: number;
    megabytes: { cases: number; caseEvents: number; caseStatistics: number };
    /** The press release's figure, from the data: cybercrime requests in the first eight months of last year. */
    sample: string;
  };
  /** Null when the cases came with BENCH_REPORTS_DATA_DIR (seeded before, not measured here). */
  seed:
    | (SyntheticSeedResult["timings"] & { totalMs: number; workers: number; databaseCpuMs: number | null })
    | null;
  /** The issue's target of each scenario that has one. */
  targets: Record<string, string>;
  sql: Record<string, SqlFigures>;
  http: Record<string, HttpFigures>;
};

type Scenario = {
  name: string;
  target: string;
  session: ApiSession;
  paths: string[];
};

/** Every node of a plan, outermost first, as "Node Type on relation using index". */
function planNodes(node: Record<string, unknown>, out: string[] = []): string[] {
  const type = String(node["Node Type"]);
  const relation = node["Relation Name"] ? ` on ${node["Relation Name"]}` : "";
  const index = node["Index Name"] ? ` using ${node["Index Name"]}` : "";
  out.push(`${type}${relation}${index}`);
  for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) planNodes(child, out);
  return out;
}

/** The nodes in order of first appearance, each once, with how many times it appears. */
function summary(nodes: string[]): string {
  const counts = new Map<string, number>();
  for (const node of nodes) counts.set(node, (counts.get(node) ?? 0) + 1);
  return [...counts].map(([node, count]) => (count > 1 ? `${node} (×${count})` : node)).join(" > ");
}

type Recorded = { text: string; values: unknown[] };

/**
 * The application as the server builds it, in this process, on a pool that records every
 * statement: what a request sends to the database, exactly.
 */
async function recordingApp(services: Services) {
  const options = (services.database.$client as unknown as { options: pg.PoolConfig }).options;
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 4 });
  const recorded: Recorded[] = [];
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const [first, second] = args;
      if (typeof first === "string")
        recorded.push({ text: first, values: Array.isArray(second) ? second : [] });
      else if (first && typeof first === "object" && "text" in first) {
        const config = first as { text: string; values?: unknown[] };
        recorded.push({ text: config.text, values: config.values ?? (Array.isArray(second) ? second : []) });
      }
      return query(...args);
    };
  });
  const app = await buildApp(
    { ...services, database: createDatabase(pool) },
    { logger: false, webDir: null },
  );
  await app.ready();
  return {
    async statementsOf(cookie: string, path: string): Promise<Recorded[]> {
      recorded.length = 0;
      const response = await app.inject({ method: "GET", url: path, headers: { cookie } });
      if (response.statusCode !== 200)
        throw new Error(`GET ${path}: ${response.statusCode} ${response.body.slice(0, 400)}`);
      return [...recorded];
    },
    async explain(statement: Recorded): Promise<{ ms: number; plan: string }> {
      const client = await pool.connect();
      try {
        const times: number[] = [];
        let plan = "";
        // Once to warm the cache, then three measured runs.
        for (let run = 0; run < 4; run++) {
          const result = await client.query(
            `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`,
            statement.values,
          );
          const [document] = result.rows[0]["QUERY PLAN"] as [
            { Plan: Record<string, unknown>; "Execution Time": number; "Planning Time": number },
          ];
          if (run === 0) continue;
          times.push(document["Execution Time"] + document["Planning Time"]);
          plan = summary(
            planNodes(document.Plan).filter(
              (node) => / on | using /.test(node) || /Aggregate|Sort/.test(node),
            ),
          );
        }
        return { ms: median(times), plan };
      } finally {
        client.release();
      }
    },
    async close() {
      await app.close();
      await pool.end();
    },
  };
}

const isSelect = (text: string) => /^\s*(SELECT|WITH)\b/i.test(text) && !/^\s*select set_config/i.test(text);
const isWrite = (text: string) => /^\s*(INSERT|UPDATE|DELETE)\b/i.test(text);

export async function runReportsBench(
  services: Services,
  administrator: ApiSession,
): Promise<ReportsFigures> {
  const { database } = services;
  const today = officeToday(services);

  // --- the seed ----------------------------------------------------------------------------------------
  log(`seeding ${CASES.toLocaleString("en")} synthetic cases (comity seed --synthetic's loader)...`);
  let lastDecile = -1;
  const seeded = await seedSyntheticCases({
    services,
    actor: { kind: "cli", osUser: "bench" },
    count: CASES,
    onProgress: log,
    onCases: (done, total) => {
      const decile = Math.floor((10 * done) / total);
      if (decile !== lastDecile) log(`cases ${done.toLocaleString("en")}/${total.toLocaleString("en")}`);
      lastDecile = decile;
    },
  });
  if (!seeded.written) {
    if (!process.env.BENCH_REPORTS_DATA_DIR)
      throw new Error("the database already held synthetic cases: the reports benchmark needs its own");
    log("the copied data folder holds synthetic cases: the seed is not measured");
  }
  if (process.env.BENCH_REPORTS_SQL) {
    log(`running BENCH_REPORTS_SQL: ${process.env.BENCH_REPORTS_SQL}`);
    for (const statement of process.env.BENCH_REPORTS_SQL.split(";").map((text) => text.trim()))
      if (statement) await database.$client.query(statement);
    await database.execute(sql`ANALYZE case_statistics`);
  }
  const sizes = await database.execute<{
    cases: string;
    events: string;
    statistics: string;
    caseCount: string;
    eventCount: string;
    statisticCount: string;
  }>(
    sql`SELECT pg_total_relation_size('cases') AS cases, pg_total_relation_size('case_events') AS events,
               pg_total_relation_size('case_statistics') AS statistics,
               (SELECT count(*) FROM cases) AS "caseCount", (SELECT count(*) FROM case_events) AS "eventCount",
               (SELECT count(*) FROM case_statistics) AS "statisticCount"`,
  );
  const megabytes = (bytes: string) => Math.round(Number(bytes) / 1_048_576);

  // --- accounts -----------------------------------------------------------------------------------------
  const { teams } = await administrator.call<{ teams: { id: string; name: string }[] }>("GET", "/api/teams");
  const supervisor = await inviteAndSignIn(administrator, {
    username: "bench-report-supervisor",
    displayName: "Benchmark supervisor",
    role: "supervisor",
    clearance: "secret",
  });
  for (const team of teams)
    await administrator.call("POST", `/api/teams/${team.id}/members`, { userId: supervisor.userId });
  const analyst = await inviteAndSignIn(administrator, {
    username: "bench-analyst",
    displayName: "Benchmark analyst",
    role: "analyst",
    clearance: "standard",
  });

  // --- parameter pools ------------------------------------------------------------------------------------
  const thisYear = Number(today.slice(0, 4));
  const rand = random(650);
  const pad = (value: number) => String(value).padStart(2, "0");
  /** An eight-month window: the first eight months of a year, or eight months from any month. */
  const window = () => {
    if (rand() < 0.5) {
      const year = 2016 + Math.floor(rand() * (thisYear - 2016));
      return { from: `${year}-01-01`, to: `${year}-08-31` };
    }
    const start = Math.floor(rand() * (12 * (thisYear - 2015) - 8));
    const fromYear = 2015 + Math.floor(start / 12);
    const fromMonth = (start % 12) + 1;
    const last = new Date(Date.UTC(fromYear, fromMonth - 1 + 8, 0));
    return {
      from: `${fromYear}-${pad(fromMonth)}-01`,
      to: `${last.getUTCFullYear()}-${pad(last.getUTCMonth() + 1)}-${pad(last.getUTCDate())}`,
    };
  };
  const query = (parameters: Record<string, string>) => new URLSearchParams(parameters).toString();
  const countsPaths = Array.from(
    { length: 2000 },
    () =>
      `/api/reports/stats?${query({ measure: "requests", group: "cybercrime", ...window(), by: "partner" })}`,
  );
  const kinds = ["mla", "extradition", "asset_recovery", "transfer_of_proceedings", "preservation_of_data"];
  const yearOverYearPaths = Array.from({ length: 500 }, () => {
    const year = 2016 + Math.floor(rand() * (thisYear - 2016));
    const kind = kinds[Math.floor(rand() * kinds.length)]!;
    return `/api/reports/stats?${query({ measure: "requests", kind, from: `${year}-01-01`, to: `${year}-08-31`, by: "partner", compare: "previous_year" })}`;
  });
  const partners = ["BY", "KZ", "AM", "UZ", "KR", "PL", "TR", "FR", "DE", "CN"];
  const drillDownPaths = Array.from({ length: 500 }, () => {
    const partner = partners[Math.floor(rand() * partners.length)]!;
    return `/api/reports/cases?${query({ measure: "requests", group: "cybercrime", ...window(), by: "partner", row: partner, limit: "50" })}`;
  });
  const scenarios: Scenario[] = [
    {
      name: "(c) GET /api/reports/stats requests, cybercrime, 8 months, by partner (analyst)",
      target: ">= 650 req/s",
      session: analyst.session,
      paths: countsPaths,
    },
    {
      name: "(e) GET /api/dashboard (supervisor of six teams)",
      target: "p95 <= 150 ms",
      session: supervisor.session,
      paths: ["/api/dashboard"],
    },
    {
      name: "GET /api/reports/stats year over year by partner (analyst)",
      target: "p95 <= 300 ms",
      session: analyst.session,
      paths: yearOverYearPaths,
    },
    {
      name: "GET /api/reports/cases drill-down, 50 cases (supervisor)",
      target: "",
      session: supervisor.session,
      paths: drillDownPaths,
    },
  ];
  const only = process.env.BENCH_ONLY;
  const wanted = scenarios.filter((scenario) => !only || scenario.name.includes(only));

  // --- raw SQL -----------------------------------------------------------------------------------------------
  log("recording and explaining the SQL of each scenario...");
  const recording = await recordingApp(services);
  const sqlFigures: Record<string, SqlFigures> = {};
  try {
    for (const scenario of wanted) {
      const requests: {
        ms: number;
        statements: number;
        selects: number;
        writes: number;
        slowest: { ms: number; plan: string };
      }[] = [];
      for (const path of scenario.paths.slice(0, 5)) {
        const statements = await recording.statementsOf(scenario.session.cookie, path);
        if (process.env.BENCH_REPORTS_STATEMENTS && path === scenario.paths[0])
          log(
            `${scenario.name}: ${statements.length} statements\n${statements
              .map((statement) => `  ${statement.text.replace(/\s+/g, " ").slice(0, 160)}`)
              .join("\n")}`,
          );
        let total = 0;
        let slowest = { ms: -1, plan: "" };
        const selects = statements.filter((statement) => isSelect(statement.text));
        for (const statement of selects) {
          const explained = await recording.explain(statement);
          total += explained.ms;
          if (explained.ms > slowest.ms) slowest = explained;
        }
        requests.push({
          ms: total,
          statements: statements.length,
          selects: selects.length,
          writes: statements.filter((statement) => isWrite(statement.text)).length,
          slowest,
        });
      }
      requests.sort((left, right) => left.ms - right.ms);
      const middle = requests[Math.floor(requests.length / 2)]!;
      sqlFigures[scenario.name] = {
        statements: middle.statements,
        selects: middle.selects,
        writes: middle.writes,
        ms: Math.round(middle.ms * 10) / 10,
        maxMs: Math.round(requests.at(-1)!.ms * 10) / 10,
        slowest: { ms: Math.round(middle.slowest.ms * 10) / 10, plan: middle.slowest.plan },
      };
    }
  } finally {
    await recording.close();
  }

  // --- HTTP ------------------------------------------------------------------------------------------------------
  const http: Record<string, HttpFigures> = {};
  for (const scenario of wanted) {
    log(`autocannon ${DURATION} s: ${scenario.name}...`);
    http[scenario.name] = await measurePaths(scenario.session.base, scenario.session.cookie, scenario.paths);
  }

  const sample = await analyst.session.call<{
    total: { value: number };
    rows: { key: string; value: number }[];
  }>(
    "GET",
    `/api/reports/stats?${query({ measure: "requests", group: "cybercrime", from: `${thisYear - 1}-01-01`, to: `${thisYear - 1}-08-31`, by: "partner", top: "6" })}`,
  );
  return {
    data: {
      cases: Number(sizes.rows[0]!.caseCount),
      events: Number(sizes.rows[0]!.eventCount),
      statistics: Number(sizes.rows[0]!.statisticCount),
      megabytes: {
        cases: megabytes(sizes.rows[0]!.cases),
        caseEvents: megabytes(sizes.rows[0]!.events),
        caseStatistics: megabytes(sizes.rows[0]!.statistics),
      },
      sample: `${sample.total.value.toLocaleString("en")} requests in cybercrime cases from 1 January to 31 August ${thisYear - 1}; most: ${sample.rows
        .slice(0, 6)
        .map((row) => `${row.key} ${row.value}`)
        .join(", ")}`,
    },
    seed: seeded.written
      ? {
          ...seeded.timings,
          totalMs: seeded.timings.transactionMs + seeded.timings.vacuumAnalyzeMs,
          workers: seeded.workers,
          databaseCpuMs: seeded.databaseCpuMs,
        }
      : null,
    targets: Object.fromEntries(wanted.map((scenario) => [scenario.name, scenario.target])),
    sql: sqlFigures,
    http,
  };
}

export function reportsFailures(figures: ReportsFigures): string[] {
  return Object.entries(figures.http)
    .filter(([, figure]) => figure.non2xx > 0 || figure.errors > 0)
    .map(
      ([name, figure]) =>
        `${name}: ${figure.non2xx} non-2xx, ${figure.errors} errors${figure.firstFailure ? `; first: ${figure.firstFailure}` : ""}`,
    );
}

export function reportsReport(figures: ReportsFigures): string {
  const { data, seed } = figures;
  const s = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;
  const lines = [
    `\nReports: ${data.cases.toLocaleString("en")} cases, ${data.events.toLocaleString("en")} events, ${data.statistics.toLocaleString("en")} statistic rows; cases ${data.megabytes.cases} MB, case_events ${data.megabytes.caseEvents} MB, case_statistics ${data.megabytes.caseStatistics} MB (with indexes)`,
    seed
      ? `Seed: ${s(seed.totalMs)} (transaction ${s(seed.transactionMs)}: loading ${s(seed.loadMs)}, of which COPY into cases ${s(seed.copyMs.cases)}, case_events ${s(seed.copyMs.events)}, case_statistics ${s(seed.copyMs.statistics)}, and waiting for prepared cases ${s(seed.waitMs)}; indexes and foreign keys ${s(seed.indexesMs)}; VACUUM ANALYZE ${s(seed.vacuumAnalyzeMs)}; ${seed.workers} worker thread(s); CPU time during the transaction: Node ${s(seed.nodeCpuMs)}, PostgreSQL backend ${seed.databaseCpuMs === null ? "unknown" : s(seed.databaseCpuMs)})`
      : `Seed: not measured (the cases of ${process.env.BENCH_REPORTS_DATA_DIR})`,
    `The data say: ${data.sample}\n`,
    `| Scenario (${CONNECTIONS} connections, ${DURATION} s) | target | req/s | p50 ms | p95 ms | p99 ms | raw SQL ms (SELECTs) | non-2xx |`,
    "|---|---|---:|---:|---:|---:|---:|---:|",
    ...Object.entries(figures.http).map(([name, figure]) => {
      const statements = figures.sql[name];
      const raw = statements ? `${statements.ms} (${statements.selects})` : "";
      return `| ${name} | ${figures.targets[name] ?? ""} | ${figure.requestsPerSecond} | ${figure.p50} | ${figure.p95} | ${figure.p99} | ${raw} | ${figure.non2xx + figure.errors} |`;
    }),
    "",
    "| Scenario | statements | SELECTs | writes | SQL ms (median) | SQL ms (slowest request) | slowest statement ms | its plan |",
    "|---|---:|---:|---:|---:|---:|---:|---|",
    ...Object.entries(figures.sql).map(
      ([name, figure]) =>
        `| ${name} | ${figure.statements} | ${figure.selects} | ${figure.writes} | ${figure.ms} | ${figure.maxMs} | ${figure.slowest.ms} | ${figure.slowest.plan} |`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
