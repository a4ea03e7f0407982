import type { Database, Executor } from "../../db/client.js";
import { loadRegistrySnapshot, registryRevision } from "../../db/registry/snapshot.repository.js";
import { getOrInsertWeak } from "../../domain/platform/collections.js";
import type { RegistrySnapshot } from "../../domain/registry/model.js";

type Entry = { revision: number; snapshot: RegistrySnapshot };

const cache = new WeakMap<Database, { current: Entry | null; loading: Promise<Entry> | null }>();
/** Standings memoised on a snapshot are dropped past this many, so memory stays bounded. */
const MAX_CACHED_STANDINGS = 500_000;

/**
 * The registry as the resolver reads it, kept in memory per database. Each call costs
 * one small query (the revision); the registry is reloaded only after a change, by any
 * server, and concurrent requests share one reload. Inside a transaction, pass it as
 * `executor`: the queries then use the transaction's connection, so that many requests
 * holding one each cannot starve the pool waiting for a second.
 */
export async function registrySnapshot(
  database: Database,
  executor: Executor = database,
): Promise<RegistrySnapshot> {
  const state = getOrInsertWeak(cache, database, () => ({ current: null, loading: null }));
  const revision = await registryRevision(executor);
  if (state.current && state.current.revision === revision) {
    if (state.current.snapshot.standingCache.size > MAX_CACHED_STANDINGS)
      state.current.snapshot.standingCache.clear();
    return state.current.snapshot;
  }
  if (!state.loading) {
    const holder = state;
    holder.loading = (async () => {
      // Read the revision before the data: a change made while loading leaves the
      // entry stale, and the next call reloads.
      const loadedRevision = await registryRevision(executor);
      const snapshot = await loadRegistrySnapshot(executor);
      return { revision: loadedRevision, snapshot };
    })();
    holder.loading
      .then((entry) => {
        holder.current = entry;
      })
      .catch(() => undefined)
      .finally(() => {
        holder.loading = null;
      });
  }
  const entry = await state.loading!;
  return entry.snapshot;
}
