/**
 * The registry benchmark (`--only registry`):
 *
 * 1. Loads the demo data and a synthetic treaty network: 200 states, each with bilateral
 *    treaties to ~10 partners (about 1,000 treaties, 4,000 party actions, some
 *    denounced), plus five regional conventions.
 * 2. Resolver, pure: the legal basis for every ordered pair of the 200 states (39,800
 *    resolutions) on one date, over one registry snapshot.
 * 3. HTTP, with autocannon: GET /api/registry/resolve for random pairs,
 *    GET /api/registry/map, GET /api/registry/instruments?q=..., GET /api/states/:code.
 *
 * BENCH_ONLY=text runs only the HTTP scenarios whose name contains it;
 * BENCH_RESOLVER_ONLY=1 stops after the resolver.
 */
import { states as statesTable } from "../src/db/directory/states.table.js";
import { insertInstrument, insertPartyActions } from "../src/db/registry/instruments.repository.js";
import { loadRegistrySnapshot } from "../src/db/registry/snapshot.repository.js";
import { parseStateCode } from "../src/domain/directory/state-codes.js";
import { parseIsoDate } from "../src/domain/platform/dates.js";
import { resolveLegalBasis } from "../src/domain/registry/resolver.js";
import { REQUEST_KINDS } from "../src/domain/registry/vocabulary.js";
import type { Services } from "../src/server/platform/operation.js";
import { seedDemo } from "../src/server/registry/seed-demo.js";
import {
  type ApiSession,
  CONNECTIONS,
  DURATION,
  day,
  type HttpFigures,
  log,
  measurePaths,
  random,
} from "./shared.js";

export type RegistryFigures = {
  data: { states: number; instruments: number; partyActions: number };
  resolver: {
    date: string;
    pairs: number;
    candidates: number;
    snapshotLoadMs: number;
    allPairsMs: number;
    microsecondsPerPair: number;
  };
  http: Record<string, HttpFigures>;
};

export async function runRegistryBench(
  services: Services,
  administrator: ApiSession,
): Promise<RegistryFigures> {
  const { database } = services;
  log("loading the demo data and a synthetic treaty network...");
  await seedDemo({ services, actor: { kind: "cli", osUser: "bench" } });
  const codes = (
    await database.select({ code: statesTable.code, independent: statesTable.independent }).from(statesTable)
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
      const rows: Parameters<typeof insertPartyActions>[1] = [state, partner].flatMap((party) =>
        [
          { action: "signature" as const, date: signed },
          { action: "ratification" as const, date: day(rand, Number(signed.slice(0, 4)), 2026) },
          ...(rand() < 0.05 ? [{ action: "denunciation" as const, date: day(rand, 2020, 2026) }] : []),
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
      entryIntoForce: parseIsoDate("2000-01-01"),
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
  const date = parseIsoDate("2025-06-01");
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

  // --- the real API under load -------------------------------------------------------------------------
  const http: Record<string, HttpFigures> = {};
  if (!process.env.BENCH_RESOLVER_ONLY) {
    const pairRand = random(7);
    const resolvePaths = Array.from({ length: 2000 }, () => {
      const a = codes[Math.floor(pairRand() * codes.length)]!;
      let b = codes[Math.floor(pairRand() * codes.length)]!;
      if (b === a) b = parseStateCode(a === "RU" ? "KH" : "RU");
      return `/api/registry/resolve?requesting=${a}&requested=${b}&kind=${kinds[Math.floor(pairRand() * kinds.length)]}&date=${date}`;
    });
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
      http[name] = await measurePaths(administrator.base, administrator.cookie, paths);
    }
  }
  return {
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
}

/** The registry's figures as the table `npm run bench` has always printed. */
export function registryReport(figures: RegistryFigures, machine: { cpus: number; node: string }): string {
  const lines = [
    `\nData: ${figures.data.states} states, ${figures.data.instruments} instruments, ${figures.data.partyActions} party actions (${machine.cpus} CPUs, Node ${machine.node})`,
    `Resolver, all ${figures.resolver.pairs} ordered pairs of ${figures.data.states} states on ${figures.resolver.date}: ${figures.resolver.allPairsMs} ms (${figures.resolver.microsecondsPerPair} µs per pair; snapshot load ${figures.resolver.snapshotLoadMs} ms)\n`,
  ];
  if (Object.keys(figures.http).length > 0) {
    lines.push(
      `| HTTP (${CONNECTIONS} connections, ${DURATION} s) | req/s | p50 ms | p90 ms | p99 ms | errors | non-2xx |`,
      "|---|---:|---:|---:|---:|---:|---:|",
    );
    for (const [name, figure] of Object.entries(figures.http)) {
      lines.push(
        `| ${name} | ${figure.requestsPerSecond} | ${figure.p50} | ${figure.p90} | ${figure.p99} | ${figure.errors} | ${figure.non2xx} |`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
