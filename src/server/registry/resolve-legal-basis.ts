import { type ResolveQuery, resolveLegalBasis as rankCandidates } from "../../domain/registry/resolver.js";
import type { Caller } from "../platform/operation.js";
import { registrySnapshot } from "./snapshot-cache.js";
import { candidateView } from "./views.js";

export type ResolveLegalBasisOptions = Pick<Caller, "services"> & { query: ResolveQuery };

/**
 * The legal-basis resolver over the whole registry: every candidate instrument between two
 * states for a kind of request on a date, ranked, with reasons. Read-only: nothing is recorded.
 */
export async function resolveLegalBasis({ services, query }: ResolveLegalBasisOptions) {
  const snapshot = await registrySnapshot(services.database);
  return {
    requesting: query.requesting,
    requested: query.requested,
    kind: query.kind,
    date: query.date,
    nationality: query.personNationality ?? null,
    candidates: rankCandidates(snapshot, query).map(candidateView),
  };
}
