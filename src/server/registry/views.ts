import type {
  InstrumentListRow,
  InstrumentRow,
  PartyActionRow,
  PartyNames,
  RelationWithOther,
  StageRow,
} from "../../db/registry/instruments.repository.js";
import { parseStateCode } from "../../domain/directory/state-codes.js";
import type { IsoDate, PartialIsoDate } from "../../domain/platform/dates.js";
import type { PartyRef, RegistryInstrument, RegistryPartyAction } from "../../domain/registry/model.js";
import { explain } from "../../domain/registry/reasons.js";
import type { Candidate } from "../../domain/registry/resolver.js";
import type {
  CandidateView,
  InstrumentDetail,
  InstrumentSummary,
  PartyActionView,
  PartyView,
} from "../../domain/registry/schemas.js";
import { partyKey } from "../../domain/registry/snapshot.js";
import { partyStanding } from "../../domain/registry/status.js";
import { termEndOf } from "../../domain/registry/term-notices.js";

export function toRegistryInstrument(row: InstrumentRow): RegistryInstrument {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    titleEn: row.titleEn,
    titleRu: row.titleRu,
    binding: row.binding,
    level: row.level,
    scope: row.scope,
    subjects: row.subjects,
    entryIntoForce: row.entryIntoForce,
    entryIntoForceDelayDays: row.entryIntoForceDelayDays,
    termStart: row.termStart,
    termEnd: termEndOf(row),
    intendedParties: row.intendedParties,
    isDemo: row.isDemo,
  };
}

export function partyRefOf(row: PartyActionRow): PartyRef {
  return row.partyType === "agency"
    ? { type: "agency", id: row.partyAgencyId! }
    : row.partyType === "state"
      ? { type: "state", code: parseStateCode(row.partyCode!) }
      : { type: "organisation", code: row.partyCode! };
}

export function partyView(party: PartyRef, names: PartyNames): PartyView {
  if (party.type === "state") {
    const state = names.states.get(party.code);
    return {
      type: "state",
      code: party.code,
      agencyId: null,
      state: party.code,
      nameEn: state?.nameEn ?? party.code,
      nameRu: state?.nameRu ?? party.code,
    };
  }
  if (party.type === "agency") {
    const agency = names.agencies.get(party.id);
    return {
      type: "agency",
      code: null,
      agencyId: party.id,
      state: agency?.stateCode ?? null,
      nameEn: agency?.nameEn ?? party.id,
      nameRu: agency?.nameRu ?? party.id,
    };
  }
  const organisation = names.organisations.get(party.code);
  return {
    type: "organisation",
    code: party.code,
    agencyId: null,
    state: null,
    nameEn: organisation?.nameEn ?? party.code,
    nameRu: organisation?.nameEn ?? party.code,
  };
}

export function toRegistryAction(row: PartyActionRow): RegistryPartyAction {
  return {
    id: row.id,
    instrumentId: row.instrumentId,
    party: partyRefOf(row),
    partyState: row.partyState,
    action: row.action,
    date: row.date,
    effectiveOn: row.effectiveOn,
    inRespectOf: row.inRespectOf,
    payload: row.payload,
    asOf: row.asOf,
    verified: row.verified,
  };
}

export function toSummary(row: InstrumentListRow): InstrumentSummary {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    titleEn: row.titleEn,
    titleRu: row.titleRu,
    shortTitle: row.shortTitle,
    binding: row.binding,
    level: row.level,
    scope: row.scope,
    subjects: row.subjects,
    organisation: row.organisation,
    openedForSignature: row.openedForSignature,
    entryIntoForce: row.entryIntoForce,
    termEnd: termEndOf(row),
    isDemo: row.isDemo,
    draft: row.draft,
    partiesCount: row.partiesCount,
    partyListAsOf: row.partyListAsOf,
  };
}

function actionView(row: PartyActionRow, names: PartyNames): PartyActionView {
  return {
    id: row.id,
    party: partyView(partyRefOf(row), names),
    action: row.action,
    date: row.date,
    effectiveOn: row.effectiveOn,
    inRespectOf: row.inRespectOf,
    payload: row.payload ?? null,
    text: row.text,
    source: row.source ?? null,
    asOf: row.asOf,
    verified: row.verified,
    isDemo: row.isDemo,
    origin: row.origin,
  };
}

/** Everything about one instrument, with every party's standing on `date`. */
export function toDetail(
  row: InstrumentRow,
  facts: { actions: PartyActionRow[]; stages: StageRow[]; relations: RelationWithOther[] },
  names: PartyNames,
  date: IsoDate,
): InstrumentDetail {
  const instrument = toRegistryInstrument(row);
  const byParty = new Map<string, PartyActionRow[]>();
  for (const action of facts.actions) {
    const key = partyKey(partyRefOf(action));
    byParty.set(key, [...(byParty.get(key) ?? []), action]);
  }
  const parties = [...byParty.values()].map((rows) => {
    const actions = rows
      .map(toRegistryAction)
      .sort((a, b) => (a.effectiveOn ?? a.date ?? "9999").localeCompare(b.effectiveOn ?? b.date ?? "9999"));
    const standing = partyStanding(instrument, actions, date);
    const asOfs = rows
      .map((action) => action.asOf)
      .filter((value): value is PartialIsoDate => value !== null)
      .sort();
    return {
      party: partyView(partyRefOf(rows[0]!), names),
      status: standing.status,
      signedOn: standing.signedOn,
      consentOn: standing.consentOn,
      inForceFrom: standing.inForceFrom,
      inForceDerived: standing.inForceDerived,
      endedOn: standing.endedOn,
      reservations: rows.filter(
        (action) => action.action === "reservation" || action.action === "declaration",
      ).length,
      asOf: asOfs[0] ?? null,
    };
  });
  parties.sort((a, b) => a.party.nameEn.localeCompare(b.party.nameEn));
  const asOfs = facts.actions
    .map((action) => action.asOf)
    .filter((value): value is PartialIsoDate => value !== null)
    .sort();
  const partyCount = new Set(facts.actions.map((action) => partyKey(partyRefOf(action)))).size;
  return {
    ...toSummary({
      ...row,
      partiesCount: partyCount,
      partyListAsOf: asOfs[0] ?? null,
      draft: facts.stages.length > 0 && facts.actions.length === 0,
      rank: 0,
    }),
    titleOriginal: row.titleOriginal,
    originalLanguage: row.originalLanguage,
    identifiers: row.identifiers,
    place: row.place,
    entryIntoForceDelayDays: row.entryIntoForceDelayDays,
    termStart: row.termStart,
    durationMonths: row.durationMonths,
    depositaryUrl: row.depositaryUrl,
    texts: row.texts,
    sources: row.sources,
    intendedParties: row.intendedParties.map((party) => partyView(party, names)),
    notes: row.notes,
    origin: row.origin,
    version: row.version,
    date,
    parties,
    actions: facts.actions.map((action) => actionView(action, names)),
    stages: facts.stages.map((stage) => ({
      id: stage.id,
      stage: stage.stage,
      date: stage.date,
      note: stage.note,
      source: stage.source ?? null,
      isDemo: stage.isDemo,
    })),
    relations: facts.relations.map((relation) => ({
      id: relation.id,
      kind: relation.kind,
      direction: relation.direction,
      other: relation.other,
      note: relation.note,
      source: relation.source ?? null,
    })),
  };
}

export function candidateView(
  candidate: Omit<Candidate, "rank" | "recommended"> & Partial<Pick<Candidate, "rank" | "recommended">>,
): CandidateView {
  const standing = (value: Candidate["standings"]["requesting"]) =>
    value
      ? {
          status: value.status,
          signedOn: value.signedOn,
          consentOn: value.consentOn,
          inForceFrom: value.inForceFrom,
          endedOn: value.endedOn,
        }
      : null;
  const instrument = candidate.instrument;
  return {
    rank: candidate.rank ?? 0,
    recommended: candidate.recommended ?? false,
    basis: candidate.basis,
    instrument: instrument
      ? {
          id: instrument.id,
          code: instrument.code,
          kind: instrument.kind,
          titleEn: instrument.titleEn,
          titleRu: instrument.titleRu,
          binding: instrument.binding,
          scope: instrument.scope,
          level: instrument.level,
          isDemo: instrument.isDemo,
        }
      : null,
    status: candidate.status,
    reasons: candidate.reasons,
    caveats: candidate.caveats,
    explanation: explain(candidate.reasons, candidate.caveats),
    standings: {
      requesting: standing(candidate.standings.requesting),
      requested: standing(candidate.standings.requested),
    },
  };
}
