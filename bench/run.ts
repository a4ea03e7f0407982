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
 *   cases through the HTTP API under load.
 *
 * `--only registry|cases` runs one of them (default: both, registry first). `--json`
 * prints the figures as JSON. BENCH_SECONDS sets each HTTP scenario's duration (default
 * 15). Progress goes to stderr. Exits with 1 when a cases scenario got any answer but 2xx.
 * docs/benchmarks.md has the figures and how to read them.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { stopEmbeddedServer } from "../src/db/embedded.js";
import { loadConfig } from "../src/server/platform/config.js";
import { openRuntime } from "../src/server/runtime.js";
import { type CasesFigures, casesFailures, casesReport, runCasesBench } from "./cases.js";
import { type RegistryFigures, registryReport, runRegistryBench } from "./registry.js";
import { log, signInAdministrator, startServer } from "./shared.js";

const BENCHES = ["registry", "cases"] as const;
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

async function main() {
  const json = process.argv.includes("--json");
  const benches = selected(process.argv.slice(2));
  const dataDir = await mkdtemp(path.join(tmpdir(), "comity-bench-"));
  const port = 44000 + Math.floor(Math.random() * 1000);
  const pgPort = 57000 + Math.floor(Math.random() * 900);
  const base = `http://127.0.0.1:${port}`;
  log(`starting comity serve on ${base} (data in ${dataDir})...`);
  const { child, setupToken } = await startServer(dataDir, port, pgPort);
  const runtime = await openRuntime(
    loadConfig({
      ...process.env,
      DATABASE_URL: "",
      COMITY_DATA_DIR: dataDir,
      COMITY_EMBEDDED_PG_PORT: String(pgPort),
    }),
    {
      role: "command",
      migrate: false,
      seed: false,
      log: () => undefined,
    },
  );
  const failures: string[] = [];
  try {
    const administrator = await signInAdministrator(base, setupToken);
    const machine = { cpus: cpus().length, node: process.version };
    const figures: { machine: typeof machine; registry?: RegistryFigures; cases?: CasesFigures } = {
      machine,
    };
    if (benches.includes("registry"))
      figures.registry = await runRegistryBench(runtime.services, administrator);
    if (benches.includes("cases")) {
      figures.cases = await runCasesBench(runtime.services, administrator);
      failures.push(...casesFailures(figures.cases));
    }
    if (json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    else {
      if (figures.registry) process.stdout.write(registryReport(figures.registry, machine));
      if (figures.cases) process.stdout.write(casesReport(figures.cases));
    }
  } finally {
    await runtime.close();
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    await stopEmbeddedServer(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    process.stderr.write(
      `\nbench: FAILED: responses other than 2xx, the figures above are not valid:\n${failures.map((failure) => `  - ${failure}`).join("\n")}\n`,
    );
    process.exitCode = 1;
  }
}

await main();
