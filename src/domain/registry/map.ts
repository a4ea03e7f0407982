import type { StateCode } from "../directory/state-codes.js";
import type { IsoDate } from "../platform/dates.js";
import type { RegistrySnapshot } from "./model.js";
import { evaluateInstrument } from "./resolver.js";
import { type MapRelation, SCOPE_RANK, type Scope } from "./vocabulary.js";

export type PartnerRelation = {
  state: StateCode;
  relation: MapRelation;
  /** Instruments behind the relation (for the click-through). */
  instrumentIds: string[];
};

const PRIORITY: Record<MapRelation, number> = {
  in_force: 0,
  signed: 1,
  negotiating: 2,
  mou_only: 3,
  none: 4,
};

/**
 * How every other state relates to `state` on `date`, for the world map: a binding
 * instrument in force between them; else one signed (or ratified) by both but not in
 * force; else one under negotiation; else only non-binding memoranda; else none.
 * `widest` limits the instruments counted (universal conventions bind almost every
 * pair of states, so the map shows bilateral and regional ones unless asked).
 */
export function relationsOf(
  snapshot: RegistrySnapshot,
  state: StateCode,
  date: IsoDate,
  partners: readonly StateCode[],
  widest: Scope = "regional",
): PartnerRelation[] {
  const mine = [...(snapshot.instrumentsByState.get(state) ?? [])]
    .map((id) => snapshot.instruments.get(id)!)
    .filter((instrument) => SCOPE_RANK[instrument.scope] <= SCOPE_RANK[widest]);
  return partners
    .filter((partner) => partner !== state)
    .map((partner) => {
      let relation: MapRelation = "none";
      const byRelation = new Map<MapRelation, string[]>();
      for (const instrument of mine) {
        if (!snapshot.instrumentsByState.get(partner)?.has(instrument.id)) continue;
        const evaluation = evaluateInstrument(snapshot, instrument, {
          requesting: state,
          requested: partner,
          date,
        });
        const standings = [evaluation.standings.requesting?.status, evaluation.standings.requested?.status];
        let found: MapRelation | null = null;
        if (evaluation.status === "applies") found = "in_force";
        else if (evaluation.status === "non_binding") found = "mou_only";
        else if (evaluation.reasons.some((reason) => reason.code === "under_negotiation"))
          found = "negotiating";
        else if (
          instrument.binding &&
          standings.every((status) => status === "signed" || status === "consented" || status === "in_force")
        )
          found = "signed";
        if (!found) continue;
        byRelation.set(found, [...(byRelation.get(found) ?? []), instrument.id]);
        if (PRIORITY[found] < PRIORITY[relation]) relation = found;
      }
      return { state: partner, relation, instrumentIds: byRelation.get(relation) ?? [] };
    });
}
