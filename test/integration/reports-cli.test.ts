import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { type Client, createTestApp, signInAs, type TestApp } from "../support/app.js";
import { reportFixtures, reportQuery } from "../support/reports-fixtures.js";
import { TEST_MASTER_SECRET } from "../support/services.js";

/**
 * `comity report stats` and `comity report rebuild` against the test's database: the same
 * figures as the API, as a table, JSON or CSV.
 */

let t: TestApp;
let supervisor: Client;
let dataDir: string;

type Result = { code: number; stdout: string; stderr: string };

/**
 * Runs `comity ARGS` in this process, as bin/comity.js would, with the test's database as
 * DATABASE_URL; what it writes to stdout and stderr is captured.
 */
async function comity(args: string[]): Promise<Result> {
  const saved = { ...process.env };
  Object.assign(process.env, {
    DATABASE_URL: t.db.url,
    COMITY_DATA_DIR: dataDir,
    COMITY_SECRET: TEST_MASTER_SECRET.toString("base64"),
    COMITY_LOG_LEVEL: "warn",
  });
  const written = { stdout: "", stderr: "" };
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written.stdout += chunk.toString();
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    written.stderr += chunk.toString();
    return true;
  }) as typeof process.stderr.write;
  try {
    await main(["node", "comity", ...args]);
    return { code: Number(process.exitCode ?? 0), ...written };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    process.exitCode = 0;
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  dataDir = await mkdtemp(path.join(tmpdir(), "comity-report-cli-"));
  supervisor = (await signInAs(t, "supervisor")).client;
  const f = reportFixtures(t);
  for (const [partner, on] of [
    ["BY", "2025-02-10"],
    ["BY", "2025-03-15"],
    ["AM", "2025-04-01"],
    ["BY", "2024-05-01"],
  ] as const)
    await f.walk(supervisor, { requestingState: partner, offenceCategory: "0903" }, [`received@${on}`]);
  await f.walk(supervisor, { requestingState: "AM", offenceCategory: "0701" }, ["received@2025-05-05"]);
}, 120_000);

afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("comity report", () => {
  it("prints the API's figures as JSON, a table and CSV", async () => {
    const api = await supervisor.get(
      `/api/reports/stats?${reportQuery({ measure: "requests", from: "2025-01-01", to: "2025-08-31", category: "0903", by: "partner", compare: "previous_year" })}`,
    );
    const options = [
      "--from",
      "2025-01-01",
      "--to",
      "2025-08-31",
      "--category",
      "0903",
      "--by",
      "partner",
      "--compare",
      "previous-year",
    ];
    const json = await comity(["report", "stats", ...options, "--json"]);
    expect(json.code, json.stderr).toBe(0);
    const printed = JSON.parse(json.stdout);
    expect({ ...printed, computedAt: null }).toEqual({ ...api.body, computedAt: null });
    expect(printed.total).toEqual({ value: 3, samePeriodLastYear: 1, wholeLastYear: 1 });

    const table = await comity(["report", "stats", ...options, "--lang", "ru"]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain("Запросы, 2025-01-01 – 2025-08-31");
    expect(table.stdout).toMatch(/Беларусь\s+2\s+1\s+1/);
    expect(table.stdout).toMatch(/Армения\s+1\s+0\s+0/);
    expect(table.stdout).toMatch(/Всего\s+3\s+1\s+1/);

    const csv = await comity([
      "report",
      "stats",
      "--from",
      "2025-01-01",
      "--to",
      "2025-12-31",
      "--by",
      "category",
      "--direction",
      "in",
      "--csv",
    ]);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split("\r\n")).toEqual([
      "key,label,value",
      "0903,Acts against computer systems,3",
      "0701,Fraud,1",
      "total,Total,4",
      "",
    ]);
  }, 60_000);

  it("refuses bad options, naming them", async () => {
    const backwards = await comity(["report", "stats", "--from", "2025-02-01", "--to", "2025-01-01"]);
    expect(backwards.code).toBe(1);
    expect(backwards.stderr).toContain("--to: the period ends before it begins");
    const nowhere = await comity([
      "report",
      "stats",
      "--from",
      "2025-01-01",
      "--to",
      "2025-12-31",
      "--by",
      "nowhere",
    ]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain("--by: Invalid option");
    const unfit = await comity([
      "report",
      "stats",
      "--from",
      "2025-01-01",
      "--to",
      "2025-12-31",
      "--by",
      "ground",
    ]);
    expect(unfit.code).toBe(1);
    expect(unfit.stderr).toContain("breaks down refusals, partially_granted only");
  }, 60_000);

  it("rebuilds the statistic rows from the events", async () => {
    const before = (await t.db.pool.query("SELECT count(*)::int AS n FROM case_statistics")).rows[0].n;
    await t.db.pool.query("DELETE FROM case_statistics");
    const result = await comity(["report", "rebuild", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ cases: 5, rows: before, failed: [] });
    const entry = (
      await t.db.pool.query(
        "SELECT actor_username, details FROM audit_log WHERE event_type = 'reports.statistics_rebuilt' ORDER BY seq DESC LIMIT 1",
      )
    ).rows[0];
    expect(entry.actor_username).toMatch(/^cli:/);
    expect(entry.details).toMatchObject({ cases: 5, rows: before });
  }, 60_000);
});
