import type { StateCode } from "../directory/state-codes.js";
import type { IsoDate, PartialIsoDate } from "../platform/dates.js";
import type { ReservationPayload } from "./schemas.js";
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
  | { type: "state"; code: StateCode }
  | { type: "agency"; id: string }
  | { type: "organisation"; code: string };

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
  partyState: StateCode | null;
  action: PartyActionKind;
  date: IsoDate | null;
  /** When a withdrawal, denunciation, suspension or reservation takes effect, if later. */
  effectiveOn: IsoDate | null;
  /** States the action concerns only (a suspension towards two states, an objection). */
  inRespectOf: StateCode[];
  payload: ReservationPayload | null;
  /** How current the party list was when recorded: a day, a month or a year. */
  asOf: PartialIsoDate | null;
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
  agencyStates: Map<string, StateCode>;
  /**
   * Standings already computed on this snapshot, by instrument, state and date. A
   * snapshot never changes, and resolving every pair of states asks for the same
   * standing once per partner: computing it once makes that a lookup.
   */
  standingCache: Map<string, unknown>;
};

export type { InstrumentKind, PartyType, ReservationKind };
