import { hostname } from "node:os";
import { createDatabase, createPool } from "../db/client.js";
import { type EmbeddedDatabase, type EmbeddedRole, openEmbeddedDatabase } from "../db/embedded.js";
import { applyMigrations } from "../db/migrate.js";
import { registerCaseStreamHook } from "./cases/case-stream-hooks.js";
import type { Config } from "./platform/config.js";
import type { Services } from "./platform/operation.js";
import { loadSecrets } from "./platform/secrets.js";
import { loadReferenceData } from "./reference-data.js";
import { caseStatisticsHook } from "./reports/case-statistics-hook.js";
import { rebuildStatisticsIfMissing } from "./reports/rebuild-statistics.js";

export type Runtime = {
  services: Services;
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
};

export type RuntimeOptions = {
  role: EmbeddedRole;
  /** Apply pending migrations (serve, migrate, seed). */
  migrate: boolean;
  /** Load reference data when it changed (serve, seed). */
  seed: boolean;
  log: (message: string) => void;
  clock?: () => Date;
};

/**
 * Everything a process needs to work on Comity's data: the database (the embedded one
 * unless DATABASE_URL is set, shared with any other Comity process on the same data
 * folder), its schema brought up to date, the keys, and the reference data.
 */
export async function openRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  // Every command that writes case events keeps the statistic rows in step (case-stream-hooks.ts).
  registerCaseStreamHook(caseStatisticsHook);
  const embedded = config.databaseUrl
    ? null
    : await openEmbeddedDatabase({
        dataDir: config.dataDir,
        port: config.embeddedPgPort,
        role: options.role,
        log: options.log,
      });
  const url = config.databaseUrl ?? embedded!.url;
  try {
    if (options.migrate) await applyMigrations(url, options.log);
    const pool = createPool(url, { max: config.dbPoolSize, applicationName: `comity-${options.role}` });
    const services: Services = {
      database: createDatabase(pool),
      secrets: await loadSecrets({ secret: config.secret, dataDir: config.dataDir }),
      config,
      clock: options.clock ?? (() => new Date()),
      node: hostname(),
    };
    // Statistic rows are derived from the events: a database upgraded to them gets them now.
    if (options.migrate) await rebuildStatisticsIfMissing(services, options.log);
    if (options.seed) await loadReferenceData({ services, onProgress: options.log });
    return {
      services,
      embedded,
      async close() {
        await pool.end();
        await embedded?.release();
      },
    };
  } catch (error) {
    await embedded?.release();
    throw error;
  }
}
