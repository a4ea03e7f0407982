import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDatabase, createPool, type Database } from "../../src/db/client.js";

export type TestDatabase = {
  url: string;
  name: string;
  database: Database;
  pool: pg.Pool;
  drop(): Promise<void>;
};

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh database for one test file, cloned from the migrated, seeded template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `comity_t_${inject("runId")}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const pool = createPool(url, { max: 10, applicationName: "comity-test" });
  return {
    url,
    name,
    pool,
    database: createDatabase(pool),
    async drop() {
      await pool.end();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * A digest of every table except sessions' activity columns: equal digests before and
 * after a request mean the request changed nothing.
 */
export async function databaseDigest(pool: pg.Pool): Promise<string> {
  const tables = await pool.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    // Sessions' last-seen time moves on reads; everything else must stand still.
    const row =
      name === "sessions"
        ? "(t.id, t.token_hash, t.user_id, t.created_at, t.mfa_verified_at, t.ended_at, t.end_reason)::text"
        : "t::text";
    const result = await pool.query<{ digest: string | null; count: string }>(
      `SELECT md5(string_agg(${row}, '|' ORDER BY ${row})) AS digest, count(*) AS count FROM ${name} t`,
    );
    parts.push(`${name}:${result.rows[0]?.count}:${result.rows[0]?.digest ?? "-"}`);
  }
  return parts.join("\n");
}
