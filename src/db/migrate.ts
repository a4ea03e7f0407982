import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { migrationsDir } from "./project-paths.js";

/** Any constant: the key of the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK = 7_301_946_021;

export type MigrationStatus = { applied: number; expected: number; current: boolean };

let expected: ReturnType<typeof readMigrationFiles> | undefined;
function expectedMigrations() {
  expected ??= readMigrationFiles({ migrationsFolder: migrationsDir });
  return expected;
}

/**
 * Applies pending migrations in one transaction. Several app servers may start at
 * once against one database: an advisory lock lets exactly one of them migrate.
 */
export async function applyMigrations(
  url: string,
  onProgress: (message: string) => void = () => undefined,
): Promise<MigrationStatus> {
  const client = new pg.Client({ connectionString: url, application_name: "comity-migrate" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    const before = await migrationStatusWith(client);
    if (!before.current) {
      onProgress(`Applying ${before.expected - before.applied} database migration(s)...`);
      await migrate(drizzle(client), { migrationsFolder: migrationsDir });
    }
    const after = await migrationStatusWith(client);
    onProgress(`Database schema is current (${after.applied} migrations).`);
    return after;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}

async function migrationStatusWith(client: pg.ClientBase | pg.Pool): Promise<MigrationStatus> {
  const expected = expectedMigrations();
  const table = await client.query<{ exists: boolean }>(
    "SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS exists",
  );
  if (!table.rows[0]?.exists)
    return { applied: 0, expected: expected.length, current: expected.length === 0 };
  const applied = await client.query<{ hash: string }>("SELECT hash FROM drizzle.__drizzle_migrations");
  const appliedHashes = new Set(applied.rows.map((row) => row.hash));
  const current = expected.every((migration) => appliedHashes.has(migration.hash));
  return { applied: applied.rows.length, expected: expected.length, current };
}

export function migrationStatus(pool: pg.Pool): Promise<MigrationStatus> {
  return migrationStatusWith(pool);
}
