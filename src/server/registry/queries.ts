import type { Database } from "../../db/client.js";
import { listStates } from "../../db/directory/states.repository.js";
import { relationsOf } from "../../domain/registry/map.js";
import type { IsoDate } from "../../domain/registry/model.js";
import {
  evaluateInstrument,
  instrumentsConcerning,
  type ResolveQuery,
  resolveLegalBasis,
} from "../../domain/registry/resolver.js";
import { partyStanding } from "../../domain/registry/status.js";
import { MAP_RELATIONS, type MapRelation, type Scope } from "../../domain/registry/vocabulary.js";
import { registrySnapshot } from "./snapshot-cache.js";
import { candidateView } from "./views.js";

export function today(now: Date): IsoDate {
  return now.toISOString().slice(0, 10);
}

/** The legal-basis resolver over the whole registry (read-only: nothing is recorded). */
export async function resolve(database: Database, query: ResolveQuery) {
  const snapshot = await registrySnapshot(database);
  return {
    requesting: query.requesting,
    requested: query.requested,
    kind: query.kind,
    date: query.date,
    nationality: query.personNationality ?? null,
    candidates: resolveLegalBasis(snapshot, query).map(candidateView),
  };
}

/** Everything that binds (or will bind) two states, whatever the subject: the state page. */
export async function pair(database: Database, state: string, partner: string, date: IsoDate) {
  const snapshot = await registrySnapshot(database);
  const instruments = instrumentsConcerning(snapshot, state, partner)
    .map((instrument) =>
      evaluateInstrument(snapshot, instrument, { requesting: state, requested: partner, date }),
    )
    // Only those both are connected with; a convention only one of them joined is not "between" them.
    .filter((evaluation) => !evaluation.reasons.some((reason) => reason.code === "not_a_party"))
    .map(candidateView)
    .map(({ rank: _rank, recommended: _recommended, ...rest }) => rest);
  const order = { applies: 0, non_binding: 1, superseded: 2, fallback: 3, not_applicable: 4 };
  instruments.sort(
    (a, b) =>
      order[a.status] - order[b.status] || (a.instrument?.code ?? "").localeCompare(b.instrument?.code ?? ""),
  );
  return { state, partner, date, instruments };
}

/** How every state relates to one state on a date, for the world map. */
export async function worldMap(database: Database, state: string, date: IsoDate, widest: Scope) {
  const snapshot = await registrySnapshot(database);
  const states = await listStates(database);
  const numeric = new Map(states.map((row) => [row.code, row.numeric]));
  const partners = relationsOf(
    snapshot,
    state,
    date,
    states.map((row) => row.code),
    widest,
  ).map((partner) => ({
    ...partner,
    numeric: numeric.get(partner.state) ?? null,
  }));
  const counts = Object.fromEntries(MAP_RELATIONS.map((relation) => [relation, 0])) as Record<
    MapRelation,
    number
  >;
  for (const partner of partners) counts[partner.relation] += 1;
  return { state, date, widest, partners, counts };
}

/** Ids of instruments where `state` stands as asked on `date` (the list's status filter). */
export async function instrumentIdsByStatus(
  database: Database,
  state: string,
  status: "in_force" | "signed" | "not_in_force" | "negotiating",
  date: IsoDate,
): Promise<string[]> {
  const snapshot = await registrySnapshot(database);
  const ids: string[] = [];
  for (const id of snapshot.instrumentsByState.get(state) ?? []) {
    const instrument = snapshot.instruments.get(id)!;
    const actions = snapshot.actions.get(id)?.get(state) ?? [];
    const draft = (snapshot.stages.get(id)?.length ?? 0) > 0 && !snapshot.actions.has(id);
    const standing = partyStanding(instrument, actions, date).status;
    const matches =
      status === "negotiating"
        ? draft
        : status === "in_force"
          ? standing === "in_force"
          : status === "signed"
            ? standing === "signed" || standing === "consented"
            : !draft && standing !== "in_force";
    if (matches) ids.push(id);
  }
  return ids;
}
