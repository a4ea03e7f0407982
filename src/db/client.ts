import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle, type NodePgDatabase, type NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgTransaction } from "drizzle-orm/pg-core";
import pg from "pg";
import { getOrInsert, getOrInsertWeak } from "../domain/platform/collections.js";
import * as schema from "./schema.js";

export type Schema = typeof schema;
export type Database = NodePgDatabase<Schema> & { $client: pg.Pool };
export type Transaction = PgTransaction<NodePgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories take either: inside a request they get its transaction. */
export type Executor = Database | Transaction;

export type PoolOptions = { max?: number; applicationName?: string };

export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? "comity",
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection (server restart) must not crash the process;
  // the pool drops it and the next query opens a new one.
  pool.on("error", () => undefined);
  return pool;
}

export function createDatabase(pool: pg.Pool): Database {
  return drizzle(pool, { schema });
}

const preparedCache = new WeakMap<Database, Map<string, unknown>>();

/**
 * A prepared statement for a query on the hot path, built once per database: drizzle
 * otherwise rebuilds the SQL text of every query on every call, which costs more CPU
 * than running it. The name must be unique per query.
 */
export function prepared<T>(database: Database, name: string, build: (database: Database) => T): T {
  const byName = getOrInsertWeak(preparedCache, database, () => new Map<string, unknown>());
  return getOrInsert(byName, name, () => build(database)) as T;
}
