import type { Database } from "../../db/client.js";
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
 * server, and concurrent requests share one reload.
 */
export async function registrySnapshot(database: Database): Promise<RegistrySnapshot> {
  const state = getOrInsertWeak(cache, database, () => ({ current: null, loading: null }));
  const revision = await registryRevision(database);
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
      const loadedRevision = await registryRevision(database);
      const snapshot = await loadRegistrySnapshot(database);
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
