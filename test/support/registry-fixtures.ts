import {
  buildSnapshot,
  type PartyRef,
  type RegistryInstrument,
  type RegistryPartyAction,
  type RegistrySnapshot,
  type ReservationPayload,
} from "../../src/domain/registry/model.js";
import type { PartyActionKind, RelationKind } from "../../src/domain/registry/vocabulary.js";

/**
 * A tiny registry builder for the domain tests: instruments and actions written as
 * data, indexed the way the database loader does it.
 */
let counter = 0;

export function instrument(overrides: Partial<RegistryInstrument> & { code: string }): RegistryInstrument {
  return {
    id: `id-${overrides.code}`,
    kind: "convention",
    titleEn: overrides.code,
    titleRu: null,
    binding: true,
    level: "interstate",
    scope: "regional",
    subjects: ["extradition", "mla"],
    entryIntoForce: null,
    entryIntoForceDelayDays: null,
    termStart: null,
    termEnd: null,
    intendedParties: [],
    isDemo: false,
    ...overrides,
  };
}

export function act(
  instrumentCode: string,
  state: string,
  action: PartyActionKind,
  date: string | null,
  extra: {
    effectiveOn?: string;
    inRespectOf?: string[];
    payload?: ReservationPayload;
    party?: PartyRef;
    verified?: boolean;
    asOf?: string;
  } = {},
): RegistryPartyAction {
  counter += 1;
  return {
    id: `action-${counter}`,
    instrumentId: `id-${instrumentCode}`,
    party: extra.party ?? { type: "state", code: state },
    partyState: state,
    action,
    date,
    effectiveOn: extra.effectiveOn ?? null,
    inRespectOf: extra.inRespectOf ?? [],
    payload: extra.payload ?? null,
    asOf: extra.asOf ?? null,
    verified: extra.verified ?? true,
  };
}

/** Both states ratified on `on`; in force for both from `inForce`. */
export function bothInForce(
  code: string,
  states: [string, string],
  on: string,
  inForce = on,
): RegistryPartyAction[] {
  return states.flatMap((state) => [
    act(code, state, "ratification", on),
    act(code, state, "entry_into_force", inForce),
  ]);
}

export function snapshot(input: {
  instruments: RegistryInstrument[];
  actions: RegistryPartyAction[];
  stages?: {
    instrumentCode: string;
    stage: "initiative" | "negotiation_round" | "approved_for_signature";
    date: string;
  }[];
  relations?: { from: string; to: string; kind: RelationKind }[];
}): RegistrySnapshot {
  return buildSnapshot({
    instruments: input.instruments,
    actions: input.actions,
    stages: (input.stages ?? []).map((stage) => ({
      instrumentId: `id-${stage.instrumentCode}`,
      stage: stage.stage,
      date: stage.date,
    })),
    relations: (input.relations ?? []).map((relation) => ({
      fromId: `id-${relation.from}`,
      toId: `id-${relation.to}`,
      kind: relation.kind,
    })),
    agencyStates: new Map(),
  });
}
