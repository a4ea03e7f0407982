import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { states } from "../../db/directory/states.table.js";
import { findTeamByName, insertTeam } from "../../db/platform/teams.repository.js";
import { instrumentCodes } from "../../db/registry/instruments.repository.js";
import {
  CASE_COPY_COLUMNS,
  CASE_EVENT_COPY_COLUMNS,
  CASE_STATISTIC_COPY_COLUMNS,
  connectionOf,
  copyInto,
  relaxForBulkLoad,
  restoreAfterBulkLoad,
} from "../../db/reports/bulk-load.repository.js";
import { caseRules } from "../cases/evaluate-case.js";
import {
  type GeneratorContext,
  partnersFrom,
  SYNTHETIC_REFERENCE_PREFIX,
  TEAM_NAMES,
  type TeamName,
} from "../cases/synthetic-cases.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { registrySnapshot } from "../registry/snapshot-cache.js";
import type { WorkerJob, WorkerSetup } from "./synthetic-cases.worker.js";
import { type ChunkSetup, type PreparedChunk, prepareChunk } from "./synthetic-chunk.js";

/**
 * `comity seed --synthetic N [--seed S]`: N synthetic cases (src/server/cases/
 * synthetic-cases.ts) with their events and their statistic rows, written with COPY in
 * ONE transaction with one audit entry (`synthetic.cases_seeded`), then VACUUM ANALYZE.
 * docs/operations.md says how to use it, docs/benchmarks.md what it costs.
 *
 * - Worker threads prepare chunks of cases (generate, replay through the state machine,
 *   project, deadlines, statistic rows, COPY text) while this thread sends the previous
 *   chunk to the database, chunks in order, so the result does not depend on the number
 *   of workers.
 * - A large load (by default at least BULK_FROM cases, and more than the cases already
 *   there) drops the secondary indexes and foreign keys of cases, case_events and
 *   case_statistics and disables the trigger that checks each event extends its stream,
 *   then rebuilds and revalidates everything before the commit: one index build is far
 *   cheaper than a million index insertions. The tables are locked until the commit, so
 *   a running server waits for the seed; a failure rolls everything back.
 * - Synthetic references start with SYN-. The seed writes nothing if any is there (it is
 *   idempotent: run it twice, the second run says so and stops), and refuses a database
 *   holding cases that are neither synthetic nor demo cases: they would be mixed with the
 *   office's own in every list and figure, and events cannot be deleted.
 * - The teams the cases belong to (TEAM_NAMES) are created when missing.
 */

/** From this many cases a load relaxes the schema (drops and rebuilds indexes). */
export const BULK_FROM = 20_000;
/** The default seed: the one the benchmarks use. */
export const DEFAULT_SYNTHETIC_SEED = 2027;
const MAX_COUNT = 5_000_000;

export type SeedSyntheticCasesOptions = Omit<Caller, "origin"> & {
  count: number;
  seed?: number;
  /** Threads preparing cases; 0 prepares them in this thread. Default: the cores less one (1 to 4). */
  workers?: number;
  /** Cases per chunk (one COPY per table each). */
  chunkSize?: number;
  /** Drop and rebuild the indexes around the load; default from BULK_FROM. */
  bulk?: boolean;
  onProgress?: (message: string) => void;
  /** Cases written so far, of `count`. */
  onCases?: (done: number, total: number) => void;
};

export type SyntheticSeedResult = {
  /** False when synthetic cases were already there: nothing was written. */
  written: boolean;
  /** Synthetic cases there before (when not written). */
  existing: number;
  seed: number;
  cases: number;
  events: number;
  statistics: number;
  /** Cases with a deadline still running or overdue. */
  withNextDeadline: number;
  teamsCreated: string[];
  bulk: boolean;
  workers: number;
  timings: {
    /** From the first chunk to the last one written, before the indexes. */
    loadMs: number;
    /** Time the writing thread waited for prepared chunks (the database was idle). */
    waitMs: number;
    /** COPY into each table, added up over the chunks. */
    copyMs: { cases: number; events: number; statistics: number };
    /** Rebuilding the indexes and validating the foreign keys (bulk loads). */
    indexesMs: number;
    /** Each index rebuilt and foreign key validated, by name. */
    indexSteps: Record<string, number>;
    /** The whole transaction, commit included. */
    transactionMs: number;
    vacuumAnalyzeMs: number;
    /** CPU time of this process (all its threads) during the transaction. */
    nodeCpuMs: number;
  };
  /**
   * CPU time of the database server process that ran the load, when it runs on this
   * machine (Linux /proc): with nodeCpuMs, where the load's time went. Null otherwise.
   */
  databaseCpuMs: number | null;
};

/** Refused before anything is written: the message says why and what to do. */
export class SyntheticSeedRefused extends Error {}

const SYNTHETIC_LIKE = `${SYNTHETIC_REFERENCE_PREFIX}%`;

export async function seedSyntheticCases({
  services,
  actor,
  count,
  seed = DEFAULT_SYNTHETIC_SEED,
  workers = Math.max(1, Math.min(4, availableParallelism() - 1)),
  chunkSize = count >= 100_000 ? 5_000 : 1_000,
  bulk,
  onProgress = () => undefined,
  onCases = () => undefined,
}: SeedSyntheticCasesOptions): Promise<SyntheticSeedResult> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT)
    throw new SyntheticSeedRefused(
      `The number of cases must be a whole number from 1 to ${MAX_COUNT.toLocaleString("en")}.`,
    );
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new SyntheticSeedRefused("The seed must be a whole number from 0 to 4294967295.");
  const { database } = services;
  const existing = await countCases(database);
  const result: SyntheticSeedResult = {
    written: false,
    existing: existing.synthetic,
    seed,
    cases: 0,
    events: 0,
    statistics: 0,
    withNextDeadline: 0,
    teamsCreated: [],
    bulk: bulk ?? (count >= BULK_FROM && count > existing.all),
    workers,
    timings: {
      loadMs: 0,
      waitMs: 0,
      copyMs: { cases: 0, events: 0, statistics: 0 },
      indexesMs: 0,
      indexSteps: {},
      transactionMs: 0,
      vacuumAnalyzeMs: 0,
      nodeCpuMs: 0,
    },
    databaseCpuMs: null,
  };
  if (existing.synthetic > 0) {
    onProgress(
      `${existing.synthetic.toLocaleString("en")} synthetic cases are already there: nothing was written.`,
    );
    return result;
  }
  if (existing.other > 0)
    throw new SyntheticSeedRefused(
      `This database holds ${existing.other.toLocaleString("en")} cases that are neither synthetic nor demo cases. Synthetic cases would be counted with them in every list and figure, and cannot be removed (case events are append-only). Seed a database of its own (another COMITY_DATA_DIR or DATABASE_URL).`,
    );

  const transactionStarted = performance.now();
  const cpuBefore = process.cpuUsage();
  await runOperation(
    services,
    {
      eventType: "synthetic.cases_seeded",
      objectType: "dataset",
      objectId: "synthetic",
      actor,
      origin: { requestId: null, sourceIp: null, userAgent: null },
    },
    async (context) => {
      const { tx } = context;
      const teamIds = {} as Record<TeamName, string>;
      for (const name of TEAM_NAMES) {
        let team = await findTeamByName(tx, name);
        if (!team) {
          team = await insertTeam(tx, {
            name,
            description: "Synthetic cases (comity seed --synthetic)",
            createdAt: context.now,
            updatedAt: context.now,
          });
          result.teamsCreated.push(name);
        }
        teamIds[name] = team.id;
      }
      const stateRows = await tx
        .select({
          code: states.code,
          nameEn: states.nameEn,
          nameRu: states.nameRu,
          independent: states.independent,
        })
        .from(states);
      const generatorContext: GeneratorContext = {
        today: officeToday(services, context.now),
        partners: partnersFrom(stateRows),
        teamIds,
        instruments: await instrumentCodes(tx),
      };
      const snapshot = await registrySnapshot(database, tx);
      const client = connectionOf(tx);
      const backend = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      const backendPid = backend.rows[0]?.pid ?? 0;
      const databaseCpuBefore = await processCpuMs(backendPid);
      await client.query("SET LOCAL maintenance_work_mem = '512MB'");
      // lz4 compresses a case's projection about twice as fast as the default pglz, and
      // reads it back faster; a server built without it keeps its default.
      const lz4 = await client.query(
        "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)",
      );
      if (lz4.rowCount) await client.query("SET LOCAL default_toast_compression = 'lz4'");
      const relaxed = result.bulk
        ? await relaxForBulkLoad(
            client,
            ["cases", "case_events", "case_statistics"],
            [{ table: "case_events", name: "case_events_extend_stream" }],
          )
        : null;

      const loadStarted = performance.now();
      const source =
        workers > 0
          ? workerChunks(
              { context: generatorContext, seed, snapshot: { ...snapshot, standingCache: new Map() } },
              count,
              chunkSize,
              workers,
            )
          : inlineChunks(
              { context: generatorContext, seed, inputs: { ...(await caseRules()), snapshot } },
              count,
              chunkSize,
            );
      onProgress(
        `Writing ${count.toLocaleString("en")} synthetic cases (seed ${seed}, ${workers > 0 ? `${workers} worker thread${workers > 1 ? "s" : ""}` : "no worker thread"}${result.bulk ? ", indexes rebuilt after" : ""})...`,
      );
      onCases(0, count);
      try {
        for (;;) {
          const waiting = performance.now();
          const chunk = await source.next();
          result.timings.waitMs += performance.now() - waiting;
          if (chunk === null) break;
          const copied = result.timings.copyMs;
          let started = performance.now();
          await copyInto(client, "cases", CASE_COPY_COLUMNS, chunk.cases);
          copied.cases += performance.now() - started;
          started = performance.now();
          await copyInto(client, "case_events", CASE_EVENT_COPY_COLUMNS, chunk.events);
          copied.events += performance.now() - started;
          started = performance.now();
          await copyInto(client, "case_statistics", CASE_STATISTIC_COPY_COLUMNS, chunk.statistics);
          copied.statistics += performance.now() - started;
          result.cases += chunk.to - chunk.from;
          result.events += chunk.eventCount;
          result.statistics += chunk.statisticCount;
          result.withNextDeadline += chunk.withNextDeadline;
          onCases(result.cases, count);
        }
      } finally {
        await source.close();
      }
      result.timings.loadMs = performance.now() - loadStarted;
      if (relaxed) {
        onProgress(
          `Rebuilding ${relaxed.indexes.length} indexes and validating ${relaxed.foreignKeys.length} foreign keys...`,
        );
        const indexesStarted = performance.now();
        await restoreAfterBulkLoad(client, relaxed, (name, milliseconds) => {
          result.timings.indexSteps[name] = Math.round(milliseconds);
        });
        result.timings.indexesMs = performance.now() - indexesStarted;
      }
      const databaseCpuAfter = await processCpuMs(backendPid);
      result.databaseCpuMs =
        databaseCpuBefore !== null && databaseCpuAfter !== null ? databaseCpuAfter - databaseCpuBefore : null;
      context.note({
        details: {
          count: result.cases,
          seed,
          events: result.events,
          statistics: result.statistics,
          teamsCreated: result.teamsCreated,
        },
      });
    },
  );
  result.written = true;
  result.timings.transactionMs = performance.now() - transactionStarted;
  const cpu = process.cpuUsage(cpuBefore);
  result.timings.nodeCpuMs = (cpu.user + cpu.system) / 1000;
  onProgress("VACUUM ANALYZE of cases, case_events and case_statistics...");
  const vacuumStarted = performance.now();
  await database.execute(sql`VACUUM (ANALYZE) cases, case_events, case_statistics`);
  result.timings.vacuumAnalyzeMs = performance.now() - vacuumStarted;
  onProgress(
    `${result.cases.toLocaleString("en")} synthetic cases, ${result.events.toLocaleString("en")} events and ${result.statistics.toLocaleString("en")} statistic rows written in ${seconds(result.timings.transactionMs)} (indexes ${seconds(result.timings.indexesMs)}), VACUUM ANALYZE ${seconds(result.timings.vacuumAnalyzeMs)}.`,
  );
  return result;
}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;

/**
 * User and system CPU time of a local PostgreSQL server process from /proc (Linux), or
 * null: elsewhere, or when the process is not a postgres one (a remote database's pid
 * means nothing here).
 */
async function processCpuMs(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    if (!/\((postgres|postmaster)\)/.test(stat)) return null;
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime, fields 14 and 15 of the file, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

async function countCases(database: Database): Promise<{ all: number; synthetic: number; other: number }> {
  const rows = await database.execute<{ all: string; synthetic: string; demo: string }>(
    sql`SELECT count(*) AS all,
               count(*) FILTER (WHERE reference LIKE ${SYNTHETIC_LIKE}) AS synthetic,
               count(*) FILTER (WHERE reference LIKE 'DEMO-%') AS demo
          FROM cases`,
  );
  const row = rows.rows[0]!;
  const all = Number(row.all);
  const synthetic = Number(row.synthetic);
  return { all, synthetic, other: all - synthetic - Number(row.demo) };
}

/** Where prepared chunks come from, in order; null after the last. */
type ChunkSource = { next(): Promise<PreparedChunk | null>; close(): Promise<void> };

function ranges(count: number, chunkSize: number): WorkerJob[] {
  const jobs: WorkerJob[] = [];
  for (let from = 0; from < count; from += chunkSize)
    jobs.push({ from, to: Math.min(count, from + chunkSize) });
  return jobs;
}

/** Chunks prepared in this thread, one when asked (tests, small loads). */
function inlineChunks(setup: ChunkSetup, count: number, chunkSize: number): ChunkSource {
  const jobs = ranges(count, chunkSize);
  let at = 0;
  return {
    async next() {
      const job = jobs[at++];
      return job ? prepareChunk(setup, job.from, job.to) : null;
    },
    async close() {},
  };
}

/**
 * A worker thread running synthetic-cases.worker beside this file: the compiled
 * JavaScript in dist, or, from the TypeScript sources (tests, benchmarks, `npm run dev`),
 * the .ts file through tsx's loader, registered in the thread first (Node 20 does not
 * apply the parent's `--import` loaders to a worker's own script).
 */
function startWorker(workerData: WorkerSetup): Worker {
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./synthetic-cases.worker.js", import.meta.url), { workerData });
  const script = new URL("./synthetic-cases.worker.ts", import.meta.url).href;
  const tsx = pathToFileURL(
    path.join(
      path.dirname(createRequire(import.meta.url).resolve("tsx/package.json")),
      "dist/esm/api/index.mjs",
    ),
  ).href;
  const shim = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(shim, { eval: true, workerData });
}

/**
 * Chunks prepared by `workerCount` threads, two ahead each: chunk k goes to worker
 * k mod workerCount, which answers its chunks in order, and they are handed out in order.
 */
function workerChunks(
  setup: WorkerSetup,
  count: number,
  chunkSize: number,
  workerCount: number,
): ChunkSource {
  const jobs = ranges(count, chunkSize);
  const ahead = 2;
  type Answer = { resolve: (chunk: PreparedChunk) => void; reject: (error: Error) => void };
  let failure: Error | null = null;
  let closed = false;
  // Each pending chunk is rejected on a failure (not raced against a failure promise that
  // never settles, which would keep every chunk it was raced with in memory).
  const fail = (error: Error) => {
    if (closed) return;
    failure ??= error;
    for (const thread of threads) for (const answer of thread.answers.splice(0)) answer.reject(error);
  };
  const threads = Array.from({ length: Math.min(workerCount, jobs.length) }, () => {
    const worker = startWorker(setup);
    const answers: Answer[] = [];
    const ready = new Promise<void>((resolve) => {
      worker.on("message", (message: PreparedChunk | "ready") => {
        if (message === "ready") resolve();
        else answers.shift()?.resolve(message);
      });
    });
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (code !== 0) fail(new Error(`a synthetic-cases worker stopped with code ${code}`));
    });
    return { worker, answers, ready };
  });
  const results: (Promise<PreparedChunk> | undefined)[] = [];
  const dispatch = (index: number) => {
    const job = jobs[index];
    if (!job) return;
    const thread = threads[index % threads.length]!;
    results[index] = new Promise<PreparedChunk>((resolve, reject) => {
      if (failure) reject(failure);
      else thread.answers.push({ resolve, reject });
    });
    results[index].catch(() => undefined);
    void thread.ready.then(() => thread.worker.postMessage(job));
  };
  for (let index = 0; index < threads.length * ahead; index++) dispatch(index);
  let at = 0;
  return {
    async next() {
      if (at >= jobs.length) return null;
      const chunk = await results[at]!;
      // Let the chunk's buffers go once written: a million cases are gigabytes of text.
      results[at] = undefined;
      dispatch(at + threads.length * ahead);
      at += 1;
      return chunk;
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(threads.map(({ worker }) => worker.terminate()));
    },
  };
}
