import type { StateCode } from "../directory/state-codes.js";
import type { IsoDate, PartialIsoDate } from "../platform/dates.js";
import type { RegistryInstrument, RegistryPartyAction, RegistrySnapshot } from "./model.js";
import type { ResolverCaveat, ResolverReason } from "./schemas.js";
import { reservationsOf } from "./snapshot.js";
import { type PartyStanding, partyStanding } from "./status.js";
import { OFFENCE_SUBJECTS, type RequestKind, SCOPE_RANK, SUBJECTS_COVERING } from "./vocabulary.js";

export type Reason = ResolverReason;
export type Caveat = ResolverCaveat;

/** "fallback": reciprocity when an instrument governs (available, not needed). */
export type CandidateStatus = "applies" | "superseded" | "non_binding" | "fallback" | "not_applicable";

export type Candidate = {
  basis: "instrument" | "reciprocity";
  instrument: RegistryInstrument | null;
  status: CandidateStatus;
  /** The one to cite: the first binding instrument that applies, else reciprocity. */
  recommended: boolean;
  rank: number;
  reasons: Reason[];
  caveats: Caveat[];
  standings: { requesting: PartyStanding | null; requested: PartyStanding | null };
};

export type ResolveQuery = {
  requesting: StateCode;
  requested: StateCode;
  kind: RequestKind;
  date: IsoDate;
  /** For extradition: the nationality of the person sought, to apply own-nationals reservations. */
  personNationality?: StateCode | null | undefined;
};

export type Evaluation = Omit<Candidate, "recommended" | "rank">;

const NO_ACTIONS: readonly RegistryPartyAction[] = [];

function actionsFor(
  snapshot: RegistrySnapshot,
  instrumentId: string,
  state: string,
): readonly RegistryPartyAction[] {
  return snapshot.actions.get(instrumentId)?.get(state) ?? NO_ACTIONS;
}

/** A party's standing on a date, computed once per snapshot. */
export function cachedStanding(
  snapshot: RegistrySnapshot,
  instrument: RegistryInstrument,
  state: string,
  date: IsoDate,
): PartyStanding {
  const key = `${instrument.id}|${state}|${date}`;
  let standing = snapshot.standingCache.get(key) as PartyStanding | undefined;
  if (!standing) {
    standing = partyStanding(instrument, actionsFor(snapshot, instrument.id, state), date);
    snapshot.standingCache.set(key, standing);
  }
  return standing;
}

function isDraft(snapshot: RegistrySnapshot, instrument: RegistryInstrument): boolean {
  return (snapshot.stages.get(instrument.id)?.length ?? 0) > 0 && !snapshot.actions.has(instrument.id);
}

/**
 * Is `instrument` in force between states a and b on `date` (for the kind of request,
 * if given)? The pure core of the resolver, also used by the map.
 */
export function evaluateInstrument(
  snapshot: RegistrySnapshot,
  instrument: RegistryInstrument,
  query: {
    requesting: StateCode;
    requested: StateCode;
    date: IsoDate;
    kind?: RequestKind | undefined;
    personNationality?: StateCode | null | undefined;
  },
): Evaluation {
  const { requesting, requested, date } = query;
  const reasons: Reason[] = [];
  const caveats: Caveat[] = [];
  if (query.kind) {
    const covering = SUBJECTS_COVERING[query.kind];
    if (!instrument.subjects.some((subject) => covering.includes(subject))) {
      reasons.push({ code: "wrong_subject", subjects: instrument.subjects });
    }
  }
  const draft = isDraft(snapshot, instrument);
  if (draft) {
    const last = snapshot.stages.get(instrument.id)?.at(-1);
    reasons.push({ code: "under_negotiation", stage: last?.stage ?? null, on: last?.date ?? null });
  }
  const standings = {
    requesting: cachedStanding(snapshot, instrument, requesting, date),
    requested: cachedStanding(snapshot, instrument, requested, date),
  };
  const pairs: [StateCode, StateCode, PartyStanding][] = [
    [requesting, requested, standings.requesting],
    [requested, requesting, standings.requested],
  ];
  for (const [state, other, standing] of pairs) {
    switch (standing.status) {
      case "none":
        if (!draft || !intendsToJoin(snapshot, instrument, state))
          reasons.push({ code: "not_a_party", state });
        break;
      case "signed":
        reasons.push({ code: "signed_only", state, on: standing.signedOn });
        break;
      case "consented":
        reasons.push({
          code: "not_yet_in_force",
          state,
          from: standing.inForceFrom ?? standing.scheduledInForce,
        });
        break;
      case "withdrawn":
        reasons.push({ code: "withdrawn", state, on: standing.endedOn });
        break;
      case "expired":
        if (!reasons.some((reason) => reason.code === "expired"))
          reasons.push({ code: "expired", on: standing.endedOn });
        break;
      case "suspended":
        reasons.push({ code: "suspended", state });
        break;
      case "in_force":
        if (Array.isArray(standing.suspendedTowards) && standing.suspendedTowards.includes(other)) {
          reasons.push({ code: "suspended", state });
        }
        if (standing.inForceDerived) caveats.push({ code: "derived_entry_into_force", state });
        break;
    }
    for (const action of standing.undated)
      caveats.push({ code: "undated_action", state, action: action.action });
  }
  if (query.kind) {
    const covering = SUBJECTS_COVERING[query.kind];
    for (const state of [requesting, requested]) {
      for (const reservation of reservationsOf(actionsFor(snapshot, instrument.id, state), date)) {
        if (
          reservation.kind === "subject_exclusion" &&
          reservation.subjects.some((subject) => covering.includes(subject))
        ) {
          reasons.push({ code: "excluded_by_reservation", state, reservation: "subject_exclusion" });
        }
        // Refusing to extradite own nationals is a right of the requested state only.
        if (
          reservation.kind === "own_nationals" &&
          state === requested &&
          query.kind === "extradition" &&
          (!reservation.subjects || reservation.subjects.includes("extradition"))
        ) {
          if (query.personNationality === requested) {
            reasons.push({ code: "excluded_by_reservation", state, reservation: "own_nationals" });
          } else {
            caveats.push({ code: "own_nationals_may_be_refused", state });
          }
        }
      }
    }
  }
  const offenceSubjects = instrument.subjects.filter((subject) => OFFENCE_SUBJECTS.includes(subject));
  if (offenceSubjects.length > 0 && instrument.scope !== "bilateral")
    caveats.push({ code: "offence_scope", subjects: offenceSubjects });
  // The oldest "as of" among both parties' facts, and whether any is unverified.
  let asOf: PartialIsoDate | null = null;
  let unverified = false;
  for (const state of [requesting, requested]) {
    for (const action of actionsFor(snapshot, instrument.id, state)) {
      if (action.asOf !== null && (asOf === null || action.asOf < asOf)) asOf = action.asOf;
      if (!action.verified) unverified = true;
    }
  }
  if (asOf) caveats.push({ code: "party_list_as_of", asOf });
  if (unverified) caveats.push({ code: "unverified_facts" });
  if (instrument.isDemo) caveats.push({ code: "demo_data" });

  const applies = reasons.length === 0;
  if (applies) {
    const froms = [standings.requesting.inForceFrom, standings.requested.inForceFrom].filter(
      (value): value is IsoDate => value !== null,
    );
    reasons.push({ code: "in_force_for_both", since: froms.sort().at(-1) ?? null });
    if (!instrument.binding) reasons.push({ code: "non_binding" });
  }
  return {
    basis: "instrument",
    instrument,
    status: applies ? (instrument.binding ? "applies" : "non_binding") : "not_applicable",
    reasons,
    caveats,
    standings,
  };
}

function intendsToJoin(
  snapshot: RegistrySnapshot,
  instrument: RegistryInstrument,
  state: StateCode,
): boolean {
  return instrument.intendedParties.some((party) =>
    party.type === "state"
      ? party.code === state
      : party.type === "agency" && snapshot.agencyStates.get(party.id) === state,
  );
}

/**
 * Whether a candidate is worth showing for this pair: a bilateral instrument with a
 * third state, or one on another subject that one of them has not joined, can never be
 * the basis between them and would only hide the ones that can.
 */
function relevant(evaluation: Evaluation): boolean {
  const notAParty = evaluation.reasons.some((reason) => reason.code === "not_a_party");
  if (!notAParty) return true;
  const scope = evaluation.instrument?.scope;
  if (scope === "bilateral" || scope === "plurilateral") return false;
  return !evaluation.reasons.some((reason) => reason.code === "wrong_subject");
}

/**
 * Instruments that can concern the pair: multilateral ones either state is (or is to
 * be) a party to, and bilateral or plurilateral ones both are connected with. A
 * bilateral treaty with a third state is skipped before any work is done on it.
 */
export function instrumentsConcerning(
  snapshot: RegistrySnapshot,
  a: string,
  b: string,
): RegistryInstrument[] {
  const ofA = snapshot.instrumentsByState.get(a) ?? new Set<string>();
  const ofB = snapshot.instrumentsByState.get(b) ?? new Set<string>();
  const result: RegistryInstrument[] = [];
  const consider = (id: string, inBoth: boolean) => {
    const instrument = snapshot.instruments.get(id);
    if (!instrument) return;
    const small = instrument.scope === "bilateral" || instrument.scope === "plurilateral";
    if (!small || inBoth) result.push(instrument);
  };
  for (const id of ofA) consider(id, ofB.has(id));
  for (const id of ofB) if (!ofA.has(id)) consider(id, false);
  return result;
}

const STATUS_ORDER: Record<CandidateStatus, number> = {
  applies: 0,
  superseded: 1,
  non_binding: 2,
  fallback: 3,
  not_applicable: 4,
};
const RECIPROCITY_ORDER = 3;

function specificity(instrument: RegistryInstrument, kind: RequestKind): number {
  // An instrument made for this kind of request comes before one that also covers it.
  return instrument.subjects[0] === SUBJECTS_COVERING[kind][0] ? 0 : 1;
}

/**
 * The legal-basis resolver: every candidate instrument between the requesting and the
 * requested state for this kind of request on this date, ranked. Applicable binding
 * instruments first (bilateral, then plurilateral, regional, universal; the more
 * specific first), then those superseded between the two states, then non-binding
 * agency memoranda, then reciprocity (recommended only when nothing binding applies),
 * then the instruments that do not apply, each with its reasons.
 */
export function resolveLegalBasis(snapshot: RegistrySnapshot, query: ResolveQuery): Candidate[] {
  const evaluations = instrumentsConcerning(snapshot, query.requesting, query.requested)
    .map((instrument) => evaluateInstrument(snapshot, instrument, query))
    .filter(relevant);
  // Supersession: the older instrument yields between the states bound by the newer.
  for (const evaluation of evaluations) {
    if (evaluation.status !== "applies" || !evaluation.instrument) continue;
    for (const relation of snapshot.relations) {
      if (relation.kind !== "supersedes" || relation.toId !== evaluation.instrument.id) continue;
      const newer = snapshot.instruments.get(relation.fromId);
      if (!newer) continue;
      const between = evaluateInstrument(snapshot, newer, { ...query, kind: undefined });
      if (between.status === "applies" || between.status === "non_binding") {
        evaluation.status = "superseded";
        evaluation.reasons.push({
          code: "superseded_by",
          instrumentId: newer.id,
          instrumentCode: newer.code,
        });
      }
    }
  }
  evaluations.sort((x, y) => {
    const a = x.instrument!;
    const b = y.instrument!;
    return (
      STATUS_ORDER[x.status] - STATUS_ORDER[y.status] ||
      SCOPE_RANK[a.scope] - SCOPE_RANK[b.scope] ||
      specificity(a, query.kind) - specificity(b, query.kind) ||
      a.code.localeCompare(b.code)
    );
  });
  const governing = evaluations.find((evaluation) => evaluation.status === "applies");
  const reciprocity: Evaluation = {
    basis: "reciprocity",
    instrument: null,
    status: governing ? "fallback" : "applies",
    reasons: [{ code: "reciprocity" }],
    caveats: [],
    standings: { requesting: null, requested: null },
  };
  const ordered = [
    ...evaluations.filter((evaluation) => STATUS_ORDER[evaluation.status] < RECIPROCITY_ORDER),
    reciprocity,
    ...evaluations.filter((evaluation) => STATUS_ORDER[evaluation.status] > RECIPROCITY_ORDER),
  ];
  return ordered.map((evaluation, index) => ({
    ...evaluation,
    rank: index + 1,
    recommended: governing ? evaluation === governing : evaluation === reciprocity,
  }));
}
