/**
 * `npm run bench`: Comity's own benchmarks, on its own schema, through its real API.
 *
 * Starts `comity serve` on a fresh embedded PostgreSQL (temporary folder), creates the
 * first administrator over HTTP, then runs:
 *
 * - registry (bench/registry.ts): a synthetic treaty network of 200 states; the resolver
 *   for all 39,800 ordered pairs as a pure function; the registry's HTTP API under load;
 * - cases (bench/cases.ts): 100,000 cases (BENCH_CASES) written in bulk; EXPLAIN of the
 *   list queries; opening a case, reading one (checker and deadlines) and listing 50
 *   cases through the HTTP API under load;
 * - reports (bench/reports.ts), on a server and database of its own: 1,000,000 cases
 *   (BENCH_REPORT_CASES) written by `comity seed --synthetic`'s loader, then the report
 *   routes and the dashboard under load, each beside the time of its SQL.
 *
 * `--only registry|cases|reports` runs one of them (default: all, in that order). `--json`
 * prints the figures as JSON. BENCH_SECONDS sets each HTTP scenario's duration (default
 * 15). Progress goes to stderr. Exits with 1 when a scenario got any answer but 2xx.
 * docs/benchmarks.md has the figures and how to read them.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { stopEmbeddedServer } from "../src/db/embedded.js";
import { loadConfig } from "../src/server/platform/config.js";
import { openRuntime, type Runtime } from "../src/server/runtime.js";
import { type CasesFigures, casesFailures, casesReport, runCasesBench } from "./cases.js";
import { type RegistryFigures, registryReport, runRegistryBench } from "./registry.js";
import { type ReportsFigures, reportsFailures, reportsReport, runReportsBench } from "./reports.js";
import { type ApiSession, log, signInAdministrator, startServer } from "./shared.js";

const BENCHES = ["registry", "cases", "reports"] as const;
type Bench = (typeof BENCHES)[number];

function selected(argv: readonly string[]): readonly Bench[] {
  const at = argv.findIndex((argument) => argument === "--only" || argument.startsWith("--only="));
  if (at === -1) return BENCHES;
  const value = argv[at]!.includes("=") ? argv[at]!.split("=")[1] : argv[at + 1];
  if (!BENCHES.includes(value as Bench)) {
    process.stderr.write(`bench: --only takes one of ${BENCHES.join(", ")} (got ${value ?? "nothing"})\n`);
    process.exit(2);
  }
  return [value as Bench];
}

/**
 * `comity serve` on a fresh embedded database (or on a copy of the data folder `copyOf`),
 * its first administrator, and a runtime on the same database.
 */
async function withServer(
  work: (runtime: Runtime, administrator: ApiSession) => Promise<void>,
  copyOf?: string,
): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "comity-bench-"));
  if (copyOf) {
    log(`copying ${copyOf} into ${dataDir}...`);
    // cp -a keeps the owner of the cluster's files (the postgres user when run as root).
    await promisify(execFile)("cp", ["-a", `${copyOf}/.`, dataDir]);
  }
  const port = 44000 + Math.floor(Math.random() * 1000);
  const pgPort = 57000 + Math.floor(Math.random() * 900);
  const base = `http://127.0.0.1:${port}`;
  log(`starting comity serve on ${base} (data in ${dataDir})...`);
  const { child, setupToken } = await startServer(dataDir, port, pgPort);
  let runtime: Runtime | null = null;
  try {
    runtime = await openRuntime(
      loadConfig({
        ...process.env,
        DATABASE_URL: "",
        COMITY_DATA_DIR: dataDir,
        COMITY_EMBEDDED_PG_PORT: String(pgPort),
      }),
      { role: "command", migrate: false, seed: false, log: () => undefined },
    );
    await work(runtime, await signInAdministrator(base, setupToken));
  } finally {
    await runtime?.close();
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    await stopEmbeddedServer(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const json = process.argv.includes("--json");
  const benches = selected(process.argv.slice(2));
  const machine = { cpus: cpus().length, node: process.version };
  const figures: {
    machine: typeof machine;
    registry?: RegistryFigures;
    cases?: CasesFigures;
    reports?: ReportsFigures;
  } = { machine };
  const failures: string[] = [];
  if (benches.includes("registry") || benches.includes("cases"))
    await withServer(async (runtime, administrator) => {
      if (benches.includes("registry"))
        figures.registry = await runRegistryBench(runtime.services, administrator);
      if (benches.includes("cases")) {
        figures.cases = await runCasesBench(runtime.services, administrator);
        failures.push(...casesFailures(figures.cases));
      }
    });
  // A database of its own: the cases benchmark's cases would be counted, and the seed
  // writes nothing where synthetic cases are already.
  if (benches.includes("reports"))
    await withServer(async (runtime, administrator) => {
      figures.reports = await runReportsBench(runtime.services, administrator);
      failures.push(...reportsFailures(figures.reports));
    }, process.env.BENCH_REPORTS_DATA_DIR || undefined);
  if (json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  else {
    if (figures.registry) process.stdout.write(registryReport(figures.registry, machine));
    if (figures.cases) process.stdout.write(casesReport(figures.cases));
    if (figures.reports) process.stdout.write(reportsReport(figures.reports));
  }
  if (failures.length > 0) {
    process.stderr.write(
      `\nbench: FAILED: responses other than 2xx, the figures above are not valid:\n${failures.map((failure) => `  - ${failure}`).join("\n")}\n`,
    );
    process.exitCode = 1;
  }
}

await main();
