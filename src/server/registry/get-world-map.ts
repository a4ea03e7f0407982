import { listStates } from "../../db/directory/states.repository.js";
import type { StateCode } from "../../domain/directory/state-codes.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import { relationsOf } from "../../domain/registry/map.js";
import { MAP_RELATIONS, type MapRelation, type Scope } from "../../domain/registry/vocabulary.js";
import type { Caller } from "../platform/operation.js";
import { registrySnapshot } from "./snapshot-cache.js";

export type GetWorldMapOptions = Pick<Caller, "services"> & {
  state: StateCode;
  date: IsoDate;
  /** The widest scope of instrument that counts: bilateral, plurilateral, regional or universal. */
  widest: Scope;
};

/** How every state relates to one state on a date, for the world map. */
export async function getWorldMap({ services, state, date, widest }: GetWorldMapOptions) {
  const snapshot = await registrySnapshot(services.database);
  const states = await listStates(services.database);
  const numeric = new Map<string, string | null>(states.map((row) => [row.code, row.numeric]));
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
