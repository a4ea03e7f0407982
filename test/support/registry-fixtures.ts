import { parseStateCode } from "../../src/domain/directory/state-codes.js";
import { type IsoDate, parseIsoDate, parsePartialIsoDate } from "../../src/domain/platform/dates.js";
import type {
  PartyRef,
  RegistryInstrument,
  RegistryPartyAction,
  RegistrySnapshot,
} from "../../src/domain/registry/model.js";
import type { ResolveQuery } from "../../src/domain/registry/resolver.js";
import type { ReservationPayload } from "../../src/domain/registry/schemas.js";
import { buildSnapshot } from "../../src/domain/registry/snapshot.js";
import type { PartyActionKind, RelationKind, RequestKind } from "../../src/domain/registry/vocabulary.js";

/**
 * A tiny registry builder for the domain tests: instruments and actions written as
 * data, indexed the way the database loader does it. Dates and state codes are written as
 * plain strings and parsed here, so that an impossible day or an unknown state fails the
 * test that wrote it.
 */
let counter = 0;

const dayOrNull = (value: string | null | undefined): IsoDate | null =>
  value === null || value === undefined ? null : parseIsoDate(value);

/** A party as a test writes it: a state's code as a plain string. */
export type PartyRefInput =
  | { type: "state"; code: string }
  | { type: "agency"; id: string }
  | { type: "organisation"; code: string };

export function party(input: PartyRefInput): PartyRef {
  return input.type === "state" ? { type: "state", code: parseStateCode(input.code) } : input;
}

type InstrumentInput = Omit<
  Partial<RegistryInstrument>,
  "entryIntoForce" | "termStart" | "termEnd" | "intendedParties"
> & {
  code: string;
  entryIntoForce?: string | null;
  termStart?: string | null;
  termEnd?: string | null;
  intendedParties?: PartyRefInput[];
};

export function instrument(overrides: InstrumentInput): RegistryInstrument {
  const { entryIntoForce, termStart, termEnd, intendedParties, ...rest } = overrides;
  return {
    id: `id-${overrides.code}`,
    kind: "convention",
    titleEn: overrides.code,
    titleRu: null,
    binding: true,
    level: "interstate",
    scope: "regional",
    subjects: ["extradition", "mla"],
    entryIntoForceDelayDays: null,
    isDemo: false,
    ...rest,
    entryIntoForce: dayOrNull(entryIntoForce),
    termStart: dayOrNull(termStart),
    termEnd: dayOrNull(termEnd),
    intendedParties: (intendedParties ?? []).map(party),
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
    party?: PartyRefInput;
    verified?: boolean;
    asOf?: string;
  } = {},
): RegistryPartyAction {
  counter += 1;
  const partyState = parseStateCode(state);
  return {
    id: `action-${counter}`,
    instrumentId: `id-${instrumentCode}`,
    party: extra.party ? party(extra.party) : { type: "state", code: partyState },
    partyState,
    action,
    date: dayOrNull(date),
    effectiveOn: dayOrNull(extra.effectiveOn),
    inRespectOf: (extra.inRespectOf ?? []).map(parseStateCode),
    payload: extra.payload ?? null,
    asOf: extra.asOf === undefined ? null : parsePartialIsoDate(extra.asOf),
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
      date: parseIsoDate(stage.date),
    })),
    relations: (input.relations ?? []).map((relation) => ({
      fromId: `id-${relation.from}`,
      toId: `id-${relation.to}`,
      kind: relation.kind,
    })),
    agencyStates: new Map(),
  });
}

/** A resolver query as a test writes it: states and the date as plain strings. */
export function query(input: {
  requesting: string;
  requested: string;
  kind: RequestKind;
  date: string;
  personNationality?: string | null;
}): ResolveQuery {
  return {
    requesting: parseStateCode(input.requesting),
    requested: parseStateCode(input.requested),
    kind: input.kind,
    date: parseIsoDate(input.date),
    ...(input.personNationality === undefined
      ? {}
      : {
          personNationality:
            input.personNationality === null ? null : parseStateCode(input.personNationality),
        }),
  };
}
