/**
 * The cases benchmark (`--only cases`): the time to open a case, to read one (which runs
 * the admissibility checker and the clock engine) and to list 50 cases, at 100,000 cases.
 *
 * 1. The administrator makes six teams over HTTP.
 * 2. 100,000 synthetic cases (BENCH_CASES overrides the count) with their event streams
 *    and statistic rows, written by the loader of `comity seed --synthetic`
 *    (src/server/reports/seed-synthetic-cases.ts, generator src/server/cases/
 *    synthetic-cases.ts): each stream replayed through the state machine and projected as
 *    the import does, its deadlines from the same rules, COPY in one transaction, then
 *    VACUUM ANALYZE. Not through importCases: an import dates every `opened` event on the
 *    day of the import, so all the cases would share one `opened_on`, which no office with
 *    ten years of cases has and which would distort the default sort (newest first).
 * 3. The administrator invites a supervisor (every team, clearance secret) and a case
 *    officer who is a member of the extradition unit only (clearance standard): the
 *    administrator reads no case (docs/roles.md).
 * 4. EXPLAIN ANALYZE of the list queries as the server builds them (listCases), to see
 *    that they use indexes at this size.
 * 5. HTTP with autocannon: POST /api/cases, GET /api/cases/:reference, GET /api/cases
 *    (first page; filters; full text; due soon; as the case officer). Any response other
 *    than 2xx fails the benchmark.
 *
 * BENCH_CASES_SQL='CREATE INDEX ...' runs SQL after the load and before measuring, to try
 * an index without a migration. BENCH_ONLY=text runs only the HTTP scenarios whose name
 * contains it.
 */
import { sql } from "drizzle-orm";
import { listCases } from "../src/db/cases/cases.repository.js";
import type { Database, Executor } from "../src/db/client.js";
import { states as statesTable } from "../src/db/directory/states.table.js";
import { instrumentCodes } from "../src/db/registry/instruments.repository.js";
import { caseListQuerySchema } from "../src/domain/cases/schemas.js";
import type { IsoDate } from "../src/domain/platform/dates.js";
import { caseVisibility, type UserCaseSubject } from "../src/server/cases/case.policy.js";
import {
  type GeneratorContext,
  newCase,
  partnersFrom,
  TEAM_NAMES,
  type TeamName,
} from "../src/server/cases/synthetic-cases.js";
import type { Services } from "../src/server/platform/operation.js";
import { officeToday } from "../src/server/platform/today.js";
import { seedSyntheticCases } from "../src/server/reports/seed-synthetic-cases.js";
import {
  type ApiSession,
  CONNECTIONS,
  DURATION,
  type HttpFigures,
  inviteAndSignIn,
  log,
  measure,
  measurePaths,
  random,
} from "./shared.js";

const CASES = Number(process.env.BENCH_CASES ?? 100_000);

export type ExplainFigures = {
  /** What the plan reads, outermost first: "Index Scan Backward using cases_opened_on". */
  plan: string;
  /** Server-side execution time of the page and of its count, from EXPLAIN ANALYZE. */
  pageMs: number;
  countMs: number;
  countPlan: string;
  /** A sequential scan of the cases table in either query. */
  seqScanOnCases: boolean;
};

export type CasesFigures = {
  data: {
    cases: number;
    events: number;
    partners: number;
    teams: number;
    withNextDeadline: number;
    byStatus: Record<string, number>;
    tableMegabytes: number;
  };
  load: {
    /** The load's transaction, from the first COPY to the commit, indexes rebuilt. */
    ms: number;
    casesPerSecond: number;
    rowsPerSecond: number;
    /** Time the writer waited for cases being prepared (the database idle). */
    waitMs: number;
    /** Rebuilding the indexes and validating the foreign keys. */
    indexesMs: number;
    vacuumAnalyzeMs: number;
    statistics: number;
  };
  explain: Record<string, ExplainFigures>;
  http: Record<string, HttpFigures>;
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

type BuiltQuery = { sql: string; params: unknown[] };

/**
 * The SELECTs listCases sends for `path` (the page, then its count), recorded on their way
 * to the database, so that what is explained is exactly the server's SQL.
 */
export async function listQueries(
  database: Database,
  subject: UserCaseSubject,
  path: string,
  today: IsoDate,
): Promise<BuiltQuery[]> {
  const query = caseListQuerySchema.parse(Object.fromEntries(new URL(path, "http://x").searchParams));
  const built: { toSQL(): BuiltQuery }[] = [];
  const recording = new Proxy(database, {
    get(target, property, receiver) {
      if (property !== "select") return Reflect.get(target, property, receiver);
      return (...args: Parameters<Database["select"]>) => {
        const selection = target.select(...args);
        // The query is what `from` returns; the SELECT list alone has no SQL yet.
        return {
          from: (...from: Parameters<typeof selection.from>) => {
            const query = selection.from(...from);
            built.push(query as unknown as (typeof built)[number]);
            return query;
          },
        };
      };
    },
  });
  await listCases(recording as Executor, caseVisibility(subject), query, today);
  return built.map((query) => query.toSQL());
}

/** EXPLAIN ANALYZE of the page and the count that listCases sends for `path`. */
async function explainList(
  database: Database,
  subject: UserCaseSubject,
  path: string,
  today: IsoDate,
): Promise<ExplainFigures> {
  const explain = async ({ sql: text, params }: BuiltQuery) => {
    // Twice: the first warms the cache, the second is measured.
    await database.$client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, params);
    const result = await database.$client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${text}`, params);
    const [document] = result.rows[0]["QUERY PLAN"] as [
      { Plan: Record<string, unknown>; "Execution Time": number },
    ];
    return { nodes: planNodes(document.Plan), ms: document["Execution Time"] };
  };
  const [pageQuery, countQuery] = await listQueries(database, subject, path, today);
  const page = await explain(pageQuery!);
  const count = await explain(countQuery!);
  const interesting = (nodes: string[]) =>
    nodes.filter((node) => / on cases\b| using /.test(node) || /Sort|Limit|Aggregate/.test(node)).join(" > ");
  return {
    plan: interesting(page.nodes),
    pageMs: Math.round(page.ms * 10) / 10,
    countMs: Math.round(count.ms * 10) / 10,
    countPlan: interesting(count.nodes),
    seqScanOnCases: [...page.nodes, ...count.nodes].some((node) => node.startsWith("Seq Scan on cases")),
  };
}

export async function runCasesBench(services: Services, administrator: ApiSession): Promise<CasesFigures> {
  const { database } = services;
  const today = officeToday(services);

  // --- teams, partners, instruments ----------------------------------------------------------------
  const teamIds = {} as Record<TeamName, string>;
  for (const name of TEAM_NAMES) {
    const team = await administrator.call<{ id: string }>("POST", "/api/teams", {
      name,
      description: "Benchmark team",
    });
    teamIds[name] = team.id;
  }
  const stateRows = await database
    .select({
      code: statesTable.code,
      nameEn: statesTable.nameEn,
      nameRu: statesTable.nameRu,
      independent: statesTable.independent,
    })
    .from(statesTable);
  const context: GeneratorContext = {
    today,
    partners: partnersFrom(stateRows),
    teamIds,
    instruments: await instrumentCodes(database),
  };

  // --- the load ------------------------------------------------------------------------------------------
  log(`writing ${CASES.toLocaleString("en")} synthetic cases (the loader of comity seed --synthetic)...`);
  let lastDecile = -1;
  const loaded = await seedSyntheticCases({
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
  if (process.env.BENCH_CASES_SQL) {
    log(`running BENCH_CASES_SQL: ${process.env.BENCH_CASES_SQL}`);
    // One statement at a time: some (ALTER SYSTEM, CREATE INDEX CONCURRENTLY) refuse a transaction block.
    for (const statement of process.env.BENCH_CASES_SQL.split(";").map((text) => text.trim()))
      if (statement) await database.$client.query(statement);
    await database.execute(sql`ANALYZE cases`);
  }
  const statusRows = await database.execute<{ status: string; count: string }>(
    sql`SELECT status, count(*) AS count FROM cases GROUP BY status ORDER BY count(*) DESC`,
  );
  const size = await database.execute<{ bytes: string }>(
    sql`SELECT pg_total_relation_size('cases') AS bytes`,
  );
  // Cases picked the same way on every run: by a hash of their reference.
  const sampled = await database.execute<{ reference: string; status: string; kind: string; state: string }>(
    sql`SELECT reference, status, kind,
               CASE WHEN direction = 'incoming' THEN requesting_state ELSE requested_state END AS state
          FROM cases ORDER BY md5(reference) LIMIT 5000`,
  );
  const references = sampled.rows.map((row) => row.reference);
  /** (status, kind, state) of some cases, for filters that find something. */
  const filterSamples = sampled.rows.slice(0, 500);

  // --- accounts that read cases ------------------------------------------------------------------------
  const supervisor = await inviteAndSignIn(administrator, {
    username: "bench-supervisor",
    displayName: "Benchmark supervisor",
    role: "supervisor",
    clearance: "secret",
  });
  const officer = await inviteAndSignIn(administrator, {
    username: "bench-officer",
    displayName: "Benchmark case officer",
    role: "case_officer",
    clearance: "standard",
  });
  await administrator.call("POST", `/api/teams/${teamIds["Extradition unit"]}/members`, {
    userId: officer.userId,
  });
  const supervisorSubject: UserCaseSubject = { role: "supervisor", clearance: "secret", teamIds: new Set() };
  const officerSubject: UserCaseSubject = {
    role: "case_officer",
    clearance: "standard",
    teamIds: new Set([teamIds["Extradition unit"]]),
  };

  // --- the scenarios ------------------------------------------------------------------------------------
  const pathRand = random(11);
  const randomReferences = Array.from(
    { length: 5000 },
    () => `/api/cases/${references[Math.floor(pathRand() * references.length)]}`,
  );
  const filterPaths = filterSamples.map(
    (sample) => `/api/cases?limit=50&status=${sample.status}&kind=${sample.kind}&state=${sample.state}`,
  );
  const searches = [
    "fraud",
    "мошенничество",
    "Ivanov",
    "Иванов",
    "money laundering",
    "взятки",
    "Sberbank",
    "Telegram",
    "extradition Kazakhstan",
    "Sokha Vannak",
    "EXT-IN-2025",
    "bank records",
    "наркотических",
    "Karimov",
    "trafficking in persons",
  ].map((q) => `/api/cases?limit=50&q=${encodeURIComponent(q)}`);
  const lists: { name: string; session: ApiSession; subject: UserCaseSubject; paths: string[] }[] = [
    {
      name: "GET /api/cases?limit=50 (first page, newest first)",
      session: supervisor.session,
      subject: supervisorSubject,
      paths: ["/api/cases?limit=50"],
    },
    {
      name: "GET /api/cases?limit=50&status&kind&state (filters)",
      session: supervisor.session,
      subject: supervisorSubject,
      paths: filterPaths,
    },
    {
      name: "GET /api/cases?limit=50&q= (full text, en/ru)",
      session: supervisor.session,
      subject: supervisorSubject,
      paths: searches,
    },
    {
      name: "GET /api/cases?limit=50&dueWithinDays=30&sort=nextDeadlineOn (due soon)",
      session: supervisor.session,
      subject: supervisorSubject,
      paths: ["/api/cases?limit=50&dueWithinDays=30&sort=nextDeadlineOn"],
    },
    {
      name: "GET /api/cases?limit=50 as a case officer (one team)",
      session: officer.session,
      subject: officerSubject,
      paths: ["/api/cases?limit=50"],
    },
    {
      name: "GET /api/cases?limit=50&q= as a case officer (one team)",
      session: officer.session,
      subject: officerSubject,
      paths: searches,
    },
  ];

  log("EXPLAIN ANALYZE of the list queries...");
  const explain: Record<string, ExplainFigures> = {};
  for (const list of lists) {
    // The slowest of a few of its paths: a plan that is fine for one filter may not be for another.
    let worst: ExplainFigures | null = null;
    for (const path of list.paths.slice(0, 5)) {
      const figure = await explainList(database, list.subject, path, today);
      if (!worst || figure.pageMs + figure.countMs > worst.pageMs + worst.countMs) worst = figure;
    }
    explain[list.name] = worst!;
  }

  const http: Record<string, HttpFigures> = {};
  const only = process.env.BENCH_ONLY;
  const wanted = (name: string) => !only || name.includes(only);
  const createName = "POST /api/cases (open a case; checker and clocks run)";
  if (wanted(createName)) {
    log(`autocannon ${DURATION} s: ${createName}...`);
    const bodyRand = random(5);
    let serial = 0;
    http[createName] = await measure(supervisor.session.base, supervisor.session.headers, () => {
      serial += 1;
      return {
        method: "POST",
        path: "/api/cases",
        headers: {
          "content-type": "application/json",
          "idempotency-key": `bench-${process.pid}-${serial}`,
        },
        body: JSON.stringify(newCase(context, serial, bodyRand)),
      };
    });
  }
  const readName = "GET /api/cases/:reference (checker and deadlines)";
  if (wanted(readName)) {
    log(`autocannon ${DURATION} s: ${readName}...`);
    http[readName] = await measurePaths(supervisor.session.base, supervisor.session.cookie, randomReferences);
  }
  for (const list of lists.filter((list) => wanted(list.name))) {
    log(`autocannon ${DURATION} s: ${list.name}...`);
    http[list.name] = await measurePaths(list.session.base, list.session.cookie, list.paths);
  }

  const loadMs = loaded.timings.transactionMs;
  return {
    data: {
      cases: loaded.cases,
      events: loaded.events,
      partners: context.partners.length,
      teams: TEAM_NAMES.length,
      withNextDeadline: loaded.withNextDeadline,
      byStatus: Object.fromEntries(statusRows.rows.map((row) => [row.status, Number(row.count)])),
      tableMegabytes: Math.round(Number(size.rows[0]!.bytes) / 1_048_576),
    },
    load: {
      ms: Math.round(loadMs),
      casesPerSecond: Math.round(loaded.cases / (loadMs / 1000)),
      rowsPerSecond: Math.round((loaded.cases + loaded.events + loaded.statistics) / (loadMs / 1000)),
      waitMs: Math.round(loaded.timings.waitMs),
      indexesMs: Math.round(loaded.timings.indexesMs),
      vacuumAnalyzeMs: Math.round(loaded.timings.vacuumAnalyzeMs),
      statistics: loaded.statistics,
    },
    explain,
    http,
  };
}

/** The scenarios that answered anything but 2xx, or not at all. */
export function casesFailures(figures: CasesFigures): string[] {
  return Object.entries(figures.http)
    .filter(([, figure]) => figure.non2xx > 0 || figure.errors > 0)
    .map(
      ([name, figure]) =>
        `${name}: ${figure.non2xx} non-2xx, ${figure.errors} errors${figure.firstFailure ? `; first: ${figure.firstFailure}` : ""}`,
    );
}

export function casesReport(figures: CasesFigures): string {
  const { data, load } = figures;
  const statuses = Object.entries(data.byStatus)
    .map(([status, count]) => `${status} ${count.toLocaleString("en")}`)
    .join(", ");
  const lines = [
    `\nCases: ${data.cases.toLocaleString("en")} cases, ${data.events.toLocaleString("en")} events, ${data.partners} partner states, ${data.teams} teams; ${data.withNextDeadline.toLocaleString("en")} with an open deadline; table with indexes ${data.tableMegabytes} MB`,
    `Statuses: ${statuses}`,
    `Load: ${(load.ms / 1000).toFixed(1)} s (${load.casesPerSecond.toLocaleString("en")} cases/s, ${load.rowsPerSecond.toLocaleString("en")} rows/s with events and ${load.statistics.toLocaleString("en")} statistic rows; the writer waited ${(load.waitMs / 1000).toFixed(1)} s for prepared cases; indexes ${(load.indexesMs / 1000).toFixed(1)} s); VACUUM ANALYZE ${(load.vacuumAnalyzeMs / 1000).toFixed(1)} s\n`,
    "| List query (EXPLAIN ANALYZE, slowest of up to 5 paths) | page ms | count ms | plan of the page | plan of the count |",
    "|---|---:|---:|---|---|",
    ...Object.entries(figures.explain).map(
      ([name, figure]) =>
        `| ${name} | ${figure.pageMs} | ${figure.countMs} | ${figure.plan} | ${figure.countPlan} |`,
    ),
    "",
    `| HTTP (${CONNECTIONS} connections, ${DURATION} s) | req/s | p50 ms | p97.5 ms | p99 ms | errors | non-2xx |`,
    "|---|---:|---:|---:|---:|---:|---:|",
    ...Object.entries(figures.http).map(
      ([name, figure]) =>
        `| ${name} | ${figure.requestsPerSecond} | ${figure.p50} | ${figure.p97_5} | ${figure.p99} | ${figure.errors} | ${figure.non2xx} |`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
