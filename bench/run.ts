/**
 * `npm run bench`: Comity's own benchmarks, on its own schema, through its real API.
 *
 * 1. Starts `comity serve` on a fresh embedded PostgreSQL (temporary folder), loads the
 *    shipped catalogue, the demo data, and a synthetic treaty network: 200 states, each
 *    with bilateral treaties to ~10 partners (about 1,000 treaties, 4,000 party actions,
 *    some denounced), plus five regional conventions.
 * 2. Resolver, pure: the legal basis for every ordered pair of the 200 states
 *    (39,800 resolutions) on one date, over one registry snapshot.
 * 3. HTTP, with autocannon (10 connections): GET /api/registry/resolve for random pairs,
 *    GET /api/registry/map, GET /api/registry/instruments?q=..., GET /api/states/:code.
 *
 * Prints a table; `--json` prints the figures as JSON. Progress goes to stderr.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { generate } from "otplib";
import { states as statesTable } from "../src/db/directory/states.table.js";
import { stopEmbeddedServer } from "../src/db/embedded.js";
import { projectRoot } from "../src/db/project-paths.js";
import { insertInstrument, insertPartyActions } from "../src/db/registry/instruments.repository.js";
import { loadRegistrySnapshot } from "../src/db/registry/snapshot.repository.js";
import { resolveLegalBasis } from "../src/domain/registry/resolver.js";
import { REQUEST_KINDS } from "../src/domain/registry/vocabulary.js";
import { loadConfig } from "../src/server/platform/config.js";
import { openRuntime } from "../src/server/platform/runtime.js";
import { seedDemo } from "../src/server/registry/seed-demo.js";

const json = process.argv.includes("--json");
const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** A small deterministic generator, so that every run builds the same network. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function day(rand: () => number, from: number, to: number): string {
  const year = from + Math.floor(rand() * (to - from));
  const month = 1 + Math.floor(rand() * 12);
  const dayOfMonth = 1 + Math.floor(rand() * 28);
  return `${year}-${String(month).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`;
}

async function startServer(
  dataDir: string,
  port: number,
  pgPort: number,
): Promise<{ child: ChildProcess; setupToken: string }> {
  const profile = process.env.BENCH_PROFILE_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const child = spawn(process.execPath, [...profile, path.join(projectRoot, "bin", "comity.js"), "serve"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATABASE_URL: "",
      COMITY_DATA_DIR: dataDir,
      PORT: String(port),
      COMITY_EMBEDDED_PG_PORT: String(pgPort),
      COMITY_LOG_LEVEL: "warn",
      COMITY_API_RATE_LIMIT: "1000000",
      COMITY_LOGIN_RATE_LIMIT: "1000",
      COMITY_DB_POOL_SIZE: "20",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const deadline = Date.now() + 180_000;
  while (!stderr.includes("Comity is running")) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`comity serve did not start:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const token = /\/setup#([A-Za-z0-9_-]{43})/.exec(stderr)?.[1];
  if (!token) throw new Error("no setup link printed");
  return { child, setupToken: token };
}

/** Creates the first administrator over HTTP, signs in and enrols TOTP; returns the cookie. */
async function signIn(base: string, setupToken: string): Promise<string> {
  const jar = new Map<string, string>();
  const call = async (method: string, url: string, body?: unknown, csrf?: string) => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: {
        ...(body ? { "content-type": "application/json" } : {}),
        ...(csrf ? { "x-csrf-token": csrf } : {}),
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, value] = pair!.split("=");
      jar.set(name!, value!);
    }
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, string>>;
  };
  let csrf = (await call("GET", "/api/auth/session")).csrfToken!;
  const password = "quiet harbour lanterns glow at dusk";
  await call(
    "POST",
    "/api/setup",
    { token: setupToken, username: "bench", displayName: "Benchmark", password },
    csrf,
  );
  csrf = (await call("POST", "/api/auth/login", { username: "bench", password }, csrf)).csrfToken!;
  const { secret } = await call("POST", "/api/auth/mfa/enrolment", {}, csrf);
  await call("POST", "/api/auth/mfa/enrolment/confirm", { code: await generate({ secret: secret! }) }, csrf);
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

type HttpFigures = {
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  non2xx: number;
};

function load(base: string, cookie: string, paths: string[]): Promise<HttpFigures> {
  let index = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: 10,
        duration: DURATION,
        headers: { cookie },
        requests: [
          {
            setupRequest: (request) => {
              index = (index + 1) % paths.length;
              return { ...request, path: paths[index]! };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requestsPerSecond: Math.round(result.requests.average),
          p50: result.latency.p50,
          p90: result.latency.p90,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on("error", reject);
  });
}

async function main() {
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
  try {
    const { database } = runtime.services;
    log("loading the demo data and a synthetic treaty network...");
    await seedDemo(runtime.services, { kind: "cli", osUser: "bench" });
    const codes = (
      await database
        .select({ code: statesTable.code, independent: statesTable.independent })
        .from(statesTable)
    )
      .filter((row) => row.independent)
      .map((row) => row.code)
      .sort()
      .slice(0, 200);
    const rand = random(2026);
    const now = new Date();
    let treaties = 0;
    let actions = 0;
    const seen = new Set<string>();
    for (const state of codes) {
      for (let k = 0; k < 5; k++) {
        const partner = codes[Math.floor(rand() * codes.length)]!;
        const key = [state, partner].sort().join("-");
        if (partner === state || seen.has(key)) continue;
        seen.add(key);
        const kind = rand() < 0.5 ? "extradition" : "mla";
        const signed = day(rand, 1990, 2024);
        const instrument = await insertInstrument(database, {
          code: `SYN-${key}-${kind.toUpperCase()}`,
          kind: "treaty",
          titleEn: `Treaty between ${state} and ${partner} on ${kind === "mla" ? "mutual legal assistance" : "extradition"} (synthetic)`,
          subjects: [kind],
          binding: true,
          level: "interstate",
          scope: "bilateral",
          entryIntoForce: rand() < 0.8 ? day(rand, Number(signed.slice(0, 4)) + 1, 2026) : null,
          sources: [{ kind: "other", title: "Synthetic benchmark data" }],
          isDemo: true,
          origin: "demo",
          createdAt: now,
          updatedAt: now,
        });
        const rows = [state, partner].flatMap((party) =>
          [
            { action: "signature", date: signed },
            { action: "ratification", date: day(rand, Number(signed.slice(0, 4)), 2026) },
            ...(rand() < 0.05 ? [{ action: "denunciation", date: day(rand, 2020, 2026) }] : []),
          ].map((row) => ({
            instrumentId: instrument.id,
            partyType: "state",
            partyCode: party,
            partyState: party,
            action: row.action,
            date: row.date,
            source: { kind: "other", title: "Synthetic benchmark data" },
            isDemo: true,
            origin: "demo",
            createdAt: now,
          })),
        );
        actions += (await insertPartyActions(database, rows)).length;
        treaties += 1;
      }
    }
    for (let r = 0; r < 5; r++) {
      const instrument = await insertInstrument(database, {
        code: `SYN-REGIONAL-${r}`,
        kind: "convention",
        titleEn: `Regional convention ${r} (synthetic)`,
        subjects: ["mla", "extradition"],
        binding: true,
        level: "interstate",
        scope: "regional",
        entryIntoForce: "2000-01-01",
        entryIntoForceDelayDays: 90,
        sources: [{ kind: "other", title: "Synthetic benchmark data" }],
        isDemo: true,
        origin: "demo",
        createdAt: now,
        updatedAt: now,
      });
      const members = codes.filter(() => rand() < 0.25);
      actions += (
        await insertPartyActions(
          database,
          members.map((member) => ({
            instrumentId: instrument.id,
            partyType: "state",
            partyCode: member,
            partyState: member,
            action: "ratification",
            date: day(rand, 1999, 2025),
            source: { kind: "other", title: "Synthetic benchmark data" },
            isDemo: true,
            origin: "demo",
            createdAt: now,
          })),
        )
      ).length;
    }
    log(`${treaties} synthetic bilateral treaties, 5 regional conventions, ${actions} party actions added.`);

    // --- the resolver as a pure function over one snapshot -----------------------------------
    const loadStarted = performance.now();
    const snapshot = await loadRegistrySnapshot(database);
    const snapshotMs = performance.now() - loadStarted;
    const date = "2025-06-01";
    const kinds = REQUEST_KINDS;
    let pairs = 0;
    let candidates = 0;
    const started = performance.now();
    for (const requesting of codes) {
      for (const requested of codes) {
        if (requesting === requested) continue;
        candidates += resolveLegalBasis(snapshot, {
          requesting,
          requested,
          kind: kinds[pairs % kinds.length]!,
          date,
        }).length;
        pairs += 1;
      }
    }
    const allPairsMs = performance.now() - started;
    log(`resolver: ${pairs} pairs in ${allPairsMs.toFixed(0)} ms.`);
    if (process.env.BENCH_RESOLVER_ONLY) return;

    // --- the real API under load -------------------------------------------------------------------------
    const cookie = await signIn(base, setupToken);
    const pairRand = random(7);
    const resolvePaths = Array.from({ length: 2000 }, () => {
      const a = codes[Math.floor(pairRand() * codes.length)]!;
      let b = codes[Math.floor(pairRand() * codes.length)]!;
      if (b === a) b = a === "RU" ? "KH" : "RU";
      return `/api/registry/resolve?requesting=${a}&requested=${b}&kind=${kinds[Math.floor(pairRand() * kinds.length)]}&date=${date}`;
    });
    const http: Record<string, HttpFigures> = {};
    const scenarios: [string, string[]][] = [
      ["GET /api/registry/resolve (random pair)", resolvePaths],
      [
        "GET /api/registry/map (one state, all partners)",
        codes.slice(0, 50).map((state) => `/api/registry/map?state=${state}&date=${date}`),
      ],
      [
        "GET /api/registry/instruments?q= (full text, en/ru)",
        ["extradition", "mutual", "выдача", "assistance", "коррупция"].map(
          (q) => `/api/registry/instruments?q=${encodeURIComponent(q)}&limit=50`,
        ),
      ],
      ["GET /api/states/:code (one row)", codes.map((code) => `/api/states/${code}`)],
    ];
    const only = process.env.BENCH_ONLY;
    for (const [name, paths] of scenarios.filter(([name]) => !only || name.includes(only))) {
      log(`autocannon ${DURATION} s: ${name}...`);
      http[name] = await load(base, cookie, paths);
    }
    const figures = {
      machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
      data: {
        states: codes.length,
        instruments: snapshot.instruments.size,
        partyActions: [...snapshot.actions.values()].reduce(
          (sum, byState) => sum + [...byState.values()].reduce((inner, list) => inner + list.length, 0),
          0,
        ),
      },
      resolver: {
        date,
        pairs,
        candidates,
        snapshotLoadMs: Math.round(snapshotMs),
        allPairsMs: Math.round(allPairsMs),
        microsecondsPerPair: Math.round((allPairsMs * 1000) / pairs),
      },
      http,
    };
    if (json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    else {
      process.stdout.write(
        `\nData: ${figures.data.states} states, ${figures.data.instruments} instruments, ${figures.data.partyActions} party actions (${figures.machine.cpus} CPUs, Node ${figures.machine.node})\n`,
      );
      process.stdout.write(
        `Resolver, all ${pairs} ordered pairs of ${codes.length} states on ${date}: ${figures.resolver.allPairsMs} ms (${figures.resolver.microsecondsPerPair} µs per pair; snapshot load ${figures.resolver.snapshotLoadMs} ms)\n\n`,
      );
      process.stdout.write(
        "| HTTP (10 connections, " +
          DURATION +
          " s) | req/s | p50 ms | p90 ms | p99 ms | errors | non-2xx |\n|---|---:|---:|---:|---:|---:|---:|\n",
      );
      for (const [name, figure] of Object.entries(http)) {
        process.stdout.write(
          `| ${name} | ${figure.requestsPerSecond} | ${figure.p50} | ${figure.p90} | ${figure.p99} | ${figure.errors} | ${figure.non2xx} |\n`,
        );
      }
    }
  } finally {
    await runtime.close();
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    await stopEmbeddedServer(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
