import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDatabase, createPool } from "../../src/db/client.js";
import { type EmbeddedDatabase, openEmbeddedDatabase } from "../../src/db/embedded.js";
import { applyMigrations } from "../../src/db/migrate.js";
import { loadReferenceData } from "../../src/server/reference-data.js";
import { testServices } from "./services.js";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
    databaseServer: string;
    runId: string;
  }
}

/**
 * One PostgreSQL for the whole run: the embedded server in a temporary folder, or the
 * server named by TEST_DATABASE_URL (for example the machine's PostgreSQL 15). A
 * template database gets the migrations and reference data once; every test file
 * clones it (CREATE DATABASE ... TEMPLATE), which takes a fraction of a second.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let dataDir: string | null = null;
  let adminUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    dataDir = await mkdtemp(path.join(tmpdir(), "comity-test-"));
    // Below Linux's ephemeral range (32768-60999): a port there may be held by any client connection.
    const port = 22000 + Math.floor(Math.random() * 2000);
    embedded = await openEmbeddedDatabase({ dataDir, port, role: "command" });
    adminUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const version = (await admin.query<{ server_version: string }>("SHOW server_version")).rows[0]
    ?.server_version;
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const template = `comity_tpl_${runId}`;
  await admin.query(`CREATE DATABASE ${template}`);
  const templateUrl = withDatabase(adminUrl, template);
  await applyMigrations(templateUrl);
  const pool = createPool(templateUrl, { max: 2 });
  await loadReferenceData({ services: testServices(createDatabase(pool)) });
  await pool.end();
  // No connection may remain on a template while it is copied.
  await admin.query(`ALTER DATABASE ${template} WITH ALLOW_CONNECTIONS false`);

  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", template);
  project.provide("runId", runId);
  project.provide("databaseServer", `${embedded ? "embedded" : "external"} PostgreSQL ${version}`);
  process.stderr.write(`test database: ${embedded ? "embedded" : "external"} PostgreSQL ${version}\n`);

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`comity_t_${runId}_%`],
    );
    for (const { datname } of leftovers.rows)
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
    await embedded?.release();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
