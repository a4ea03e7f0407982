import { getOrInsert } from "../platform/collections.js";
import type {
  InstrumentKind,
  Level,
  NegotiationStage,
  PartyActionKind,
  PartyType,
  RelationKind,
  ReservationKind,
  Scope,
  Subject,
} from "./vocabulary.js";

/** A calendar date, ISO 8601 (YYYY-MM-DD). Compared as strings, which orders them. */
export type IsoDate = string;

/** Where a fact comes from (a citation on every fact). */
export type Citation = {
  kind: "document" | "url" | "press_release" | "official_gazette" | "treaty_database" | "other";
  title?: string | null | undefined;
  url?: string | null | undefined;
  date?: IsoDate | null | undefined;
  note?: string | null | undefined;
};

/** A party: a state (ISO alpha-2), an agency of a state, or an organisation (EU). */
export type PartyRef =
  | { type: "state"; code: string }
  | { type: "agency"; id: string }
  | { type: "organisation"; code: string };

export type ReservationPayload =
  | { kind: "own_nationals"; subjects?: Subject[] | undefined }
  | { kind: "nationals_definition"; definition: string }
  | { kind: "central_authority"; authority: string; agencyId?: string | undefined }
  | { kind: "languages"; languages: string[] }
  | { kind: "channels"; channels: string[] }
  | { kind: "subject_exclusion"; subjects: Subject[] }
  | { kind: "other"; text: string };

/** What the pure functions need of an instrument. */
export type RegistryInstrument = {
  id: string;
  code: string;
  kind: InstrumentKind;
  titleEn: string;
  titleRu: string | null;
  binding: boolean;
  level: Level;
  scope: Scope;
  subjects: Subject[];
  /** When the instrument itself entered into force (for multilateral ones, generally). */
  entryIntoForce: IsoDate | null;
  /** Days between a party's consent and entry into force for it, where the text fixes them. */
  entryIntoForceDelayDays: number | null;
  termStart: IsoDate | null;
  termEnd: IsoDate | null;
  /** The intended parties of an instrument not yet signed (negotiation). */
  intendedParties: PartyRef[];
  isDemo: boolean;
};

export type RegistryPartyAction = {
  id: string;
  instrumentId: string;
  party: PartyRef;
  /** The state the party belongs to: itself, or the agency's state; null for organisations. */
  partyState: string | null;
  action: PartyActionKind;
  date: IsoDate | null;
  /** When a withdrawal, denunciation, suspension or reservation takes effect, if later. */
  effectiveOn: IsoDate | null;
  /** States the action concerns only (a suspension towards two states, an objection). */
  inRespectOf: string[];
  payload: ReservationPayload | null;
  asOf: IsoDate | null;
  verified: boolean;
};

export type RegistryStage = { instrumentId: string; stage: NegotiationStage; date: IsoDate | null };

export type RegistryRelation = { fromId: string; toId: string; kind: RelationKind };

/** Everything the resolver reads, loaded once and indexed. */
export type RegistrySnapshot = {
  instruments: Map<string, RegistryInstrument>;
  /** Actions by instrument id, then by party state (organisations under ""). */
  actions: Map<string, Map<string, RegistryPartyAction[]>>;
  stages: Map<string, RegistryStage[]>;
  relations: RegistryRelation[];
  /** Instrument ids by party state, including intended parties of drafts. */
  instrumentsByState: Map<string, Set<string>>;
  /** State of each agency that is a party somewhere. */
  agencyStates: Map<string, string>;
  /**
   * Standings already computed on this snapshot, by instrument, state and date. A
   * snapshot never changes, and resolving every pair of states asks for the same
   * standing once per partner: computing it once makes that a lookup.
   */
  standingCache: Map<string, unknown>;
};

export function partyKey(party: PartyRef): string {
  return party.type === "agency" ? `agency:${party.id}` : `${party.type}:${party.code}`;
}

export function buildSnapshot(input: {
  instruments: RegistryInstrument[];
  actions: RegistryPartyAction[];
  stages: RegistryStage[];
  relations: RegistryRelation[];
  agencyStates: Map<string, string>;
}): RegistrySnapshot {
  const instruments = new Map(input.instruments.map((instrument) => [instrument.id, instrument]));
  const actions = new Map<string, Map<string, RegistryPartyAction[]>>();
  const instrumentsByState = new Map<string, Set<string>>();
  const link = (state: string | null, instrumentId: string) => {
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

export function addDays(date: IsoDate, days: number): IsoDate {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
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

export type { InstrumentKind, PartyType, ReservationKind };
