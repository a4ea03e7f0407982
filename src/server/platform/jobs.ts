import PgBoss from "pg-boss";
import type { Services } from "./operation.js";

/**
 * Background jobs on pg-boss, in Comity's own database (ARCHITECTURE.md §4: no other
 * queue, no home-made clustering). pg-boss keeps its tables in the `pgboss` schema, which
 * it creates and migrates itself on start; it talks to PostgreSQL through the app's pool.
 *
 * With several app servers on one database, each runs a worker: a queue's `singleton`
 * policy lets one job of a kind run at a time, and pg-boss's clock sends a scheduled job
 * once per cron tick whichever server sees the tick first.
 */

export type JobDefinition = {
  /** Queue name, also the schedule's name. */
  name: string;
  /** Cron expression (UTC), or null for no schedule (a schedule left by an earlier start is removed). */
  cron: string | null;
  /** Also run once when the runner starts, so a restart does not wait for the next tick. */
  runAtStart: boolean;
  /** The work. What it returns is kept as the job's output. */
  run(): Promise<object | undefined>;
};

export type JobRunnerOptions = {
  log: (message: string) => void;
  /** How often an idle worker looks for work; pg-boss's default is 2 s. */
  pollingIntervalSeconds?: number;
  /** pg-boss maintenance (archiving, expiring): on in `comity serve`, off in tests. */
  supervise?: boolean;
};

export type JobRunner = {
  /** Queues a run of a job now; the worker picks it up within the polling interval. */
  send(name: string): Promise<string | null>;
  /** Stops the workers (waiting for a job in progress) and pg-boss; idempotent. */
  stop(): Promise<void>;
};

export async function startJobRunner(
  services: Services,
  jobs: readonly JobDefinition[],
  options: JobRunnerOptions,
): Promise<JobRunner> {
  const pool = services.database.$client;
  let closed = false;
  const boss = new PgBoss({
    // The app's pool; once stopped, a worker's last poll gets nothing instead of a closed pool.
    db: {
      executeSql: async (text: string, values: unknown[]) =>
        closed ? { rows: [] } : pool.query(text, values as unknown[]),
    },
    schema: "pgboss",
    supervise: options.supervise ?? true,
    schedule: jobs.some((job) => job.cron !== null),
    migrate: true,
  });
  boss.on("error", (error) => options.log(`Job runner: ${error.message}`));
  await boss.start();

  try {
    for (const job of jobs) {
      // A run that fails is retried twice, a minute apart; one stuck for 30 minutes is failed.
      await boss.createQueue(job.name, {
        name: job.name,
        policy: "singleton",
        retryLimit: 2,
        retryDelay: 60,
        expireInSeconds: 30 * 60,
      });
      await boss.work(
        job.name,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 },
        async () => {
          try {
            return await job.run();
          } catch (error) {
            options.log(`Job ${job.name} failed: ${(error as Error).message}`);
            throw error;
          }
        },
      );
      if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
      else await boss.unschedule(job.name);
      // Several servers starting together queue one run, not one each.
      if (job.runAtStart) await boss.send(job.name, {}, { singletonKey: "start", singletonSeconds: 60 });
    }
  } catch (error) {
    await boss.stop({ graceful: false });
    closed = true;
    throw error;
  }

  let stopping: Promise<void> | null = null;
  return {
    send: (name) => boss.send(name, {}),
    stop() {
      stopping ??= (async () => {
        await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
        closed = true;
      })();
      return stopping;
    },
  };
}
