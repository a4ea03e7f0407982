import {
  caseStreams,
  countCases,
  deleteCaseStatistics,
  hasCaseStatistics,
  insertCaseStatistics,
  lockCaseIdsAfter,
} from "../../db/reports/statistics.repository.js";
import { type StatisticRow, statisticRowsOf } from "../../domain/reports/statistic-rows.js";
import { type Actor, recordEvent, type Services } from "../platform/operation.js";

/** Any constant: the key of the advisory lock that lets one process rebuild at a time. */
const REBUILD_LOCK = 7_301_946_107;
/** Cases per transaction: their streams are read, replayed and their rows rewritten at once. */
const CHUNK = 1000;

export type RebuildStatisticsOptions = {
  services: Services;
  /** Who asked: the command line's operator, or the server after a migration. */
  actor: Actor;
  /** Cases done so far, of all. */
  onProgress?: (done: number, total: number) => void;
};

export type RebuildStatisticsResult = {
  cases: number;
  rows: number;
  /** Ids of cases whose stream could not be replayed (a corrupt store): left without rows. */
  failed: string[];
};

/**
 * Recomputes every case's statistic rows from its event stream (case_statistics is
 * derived data: docs/statistics.md). Cases are taken in id order, a chunk per
 * transaction, each chunk's case rows held FOR SHARE so that an event appended meanwhile
 * waits and then rewrites its own case's rows: the table is never behind a stream.
 * One audit entry at the end (`reports.statistics_rebuilt`) with the counts.
 */
export async function rebuildStatistics({
  services,
  actor,
  onProgress = () => undefined,
}: RebuildStatisticsOptions): Promise<RebuildStatisticsResult> {
  const total = await countCases(services.database);
  const result: RebuildStatisticsResult = { cases: 0, rows: 0, failed: [] };
  let after: string | null = null;
  onProgress(0, total);
  for (;;) {
    const ids: string[] = await services.database.transaction(async (tx) => {
      const chunk = await lockCaseIdsAfter(tx, after, CHUNK);
      if (chunk.length === 0) return chunk;
      const streams = await caseStreams(tx, chunk);
      const items: { caseId: string; row: StatisticRow }[] = [];
      for (const caseId of chunk) {
        try {
          for (const row of statisticRowsOf(streams.get(caseId) ?? [])) items.push({ caseId, row });
        } catch {
          result.failed.push(caseId);
        }
      }
      await deleteCaseStatistics(tx, chunk);
      await insertCaseStatistics(tx, items);
      result.rows += items.length;
      return chunk;
    });
    if (ids.length === 0) break;
    result.cases += ids.length;
    after = ids.at(-1)!;
    onProgress(Math.min(result.cases, Math.max(total, result.cases)), Math.max(total, result.cases));
  }
  await recordEvent(
    services,
    { eventType: "reports.statistics_rebuilt", objectType: "report", actor, origin: NO_ORIGIN },
    {
      outcome: result.failed.length > 0 ? "failure" : "success",
      details: { cases: result.cases, rows: result.rows, failed: result.failed.slice(0, 100) },
    },
  );
  return result;
}

const NO_ORIGIN = { requestId: null, sourceIp: null, userAgent: null };

/**
 * After the migrations: a database that holds cases but no statistic rows (migration
 * 0007 just arrived, or the rows were emptied) gets them, once, whichever of several
 * starting servers gets the lock first. Returns null when nothing was to be done.
 */
export async function rebuildStatisticsIfMissing(
  services: Services,
  log: (message: string) => void,
): Promise<RebuildStatisticsResult | null> {
  const client = await services.database.$client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [REBUILD_LOCK]);
    if (await hasCaseStatistics(services.database)) return null;
    const total = await countCases(services.database);
    if (total === 0) return null;
    log(`Computing the statistics of ${total} existing case(s) (once, after an upgrade)...`);
    let shown = -1;
    const result = await rebuildStatistics({
      services,
      actor: { kind: "system" },
      onProgress: (done, all) => {
        const percent = all === 0 ? 100 : Math.floor((done * 100) / all);
        if (percent >= shown + 10 || done === all) {
          shown = percent;
          log(`  statistics: ${done} of ${all} cases (${percent}%)`);
        }
      },
    });
    log(
      `Statistics computed: ${result.rows} row(s) for ${result.cases} case(s)${result.failed.length > 0 ? `; ${result.failed.length} case(s) could not be replayed (see the audit trail)` : ""}.`,
    );
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [REBUILD_LOCK]).catch(() => undefined);
    client.release();
  }
}
