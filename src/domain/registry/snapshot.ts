import type { StateCode } from "../directory/state-codes.js";
import { getOrInsert } from "../platform/collections.js";
import type { IsoDate } from "../platform/dates.js";
import type {
  PartyRef,
  RegistryInstrument,
  RegistryPartyAction,
  RegistryRelation,
  RegistrySnapshot,
  RegistryStage,
} from "./model.js";
import type { ReservationPayload } from "./schemas.js";

/**
 * The registry as the resolver reads it: instruments, party actions by instrument and
 * state, stages and relations, indexed once (the server keeps one snapshot per change of
 * the registry, src/server/registry/snapshot-cache.ts).
 */

export function partyKey(party: PartyRef): string {
  return party.type === "agency" ? `agency:${party.id}` : `${party.type}:${party.code}`;
}

export function buildSnapshot(input: {
  instruments: RegistryInstrument[];
  actions: RegistryPartyAction[];
  stages: RegistryStage[];
  relations: RegistryRelation[];
  agencyStates: Map<string, StateCode>;
}): RegistrySnapshot {
  const instruments = new Map(input.instruments.map((instrument) => [instrument.id, instrument]));
  const actions = new Map<string, Map<string, RegistryPartyAction[]>>();
  const instrumentsByState = new Map<string, Set<string>>();
  const link = (state: StateCode | null, instrumentId: string) => {
    if (!state) return;
    getOrInsert(instrumentsByState, state, () => new Set()).add(instrumentId);
  };
  for (const action of input.actions) {
    if (!instruments.has(action.instrumentId)) continue;
    const byState = getOrInsert(actions, action.instrumentId, () => new Map());
    const key = action.partyState ?? "";
    const list = byState.get(key);
    if (list) list.push(action);
    else byState.set(key, [action]);
    link(action.partyState, action.instrumentId);
  }
  for (const byState of actions.values()) {
    for (const list of byState.values())
      list.sort((a, b) => effectiveDate(a).localeCompare(effectiveDate(b)));
  }
  for (const instrument of input.instruments) {
    for (const party of instrument.intendedParties) {
      link(
        party.type === "agency"
          ? (input.agencyStates.get(party.id) ?? null)
          : party.type === "state"
            ? party.code
            : null,
        instrument.id,
      );
    }
  }
  const stages = new Map<string, RegistryStage[]>();
  for (const stage of input.stages) {
    const list = stages.get(stage.instrumentId);
    if (list) list.push(stage);
    else stages.set(stage.instrumentId, [stage]);
  }
  for (const list of stages.values()) list.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
  return {
    instruments,
    actions,
    stages,
    relations: input.relations,
    instrumentsByState,
    agencyStates: input.agencyStates,
    standingCache: new Map(),
  };
}

/** The date an action takes effect; undated actions sort last and are not used for dates. */
export function effectiveDate(action: RegistryPartyAction): string {
  return action.effectiveOn ?? action.date ?? "9999-12-31";
}

export function reservationsOf(actions: readonly RegistryPartyAction[], date: IsoDate): ReservationPayload[] {
  return actions
    .filter(
      (action) => (action.action === "reservation" || action.action === "declaration") && action.payload,
    )
    .filter((action) => {
      const effective = action.effectiveOn ?? action.date;
      return effective === null || effective <= date;
    })
    .map((action) => action.payload as ReservationPayload);
}
