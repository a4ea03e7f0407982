import { findCaseByReference } from "../../db/cases/cases.repository.js";
import {
  type AgencyRow,
  findAgency,
  findPerson,
  insertPerson,
  insertPosition,
  listAgencies,
  listPeople,
  type PersonRow,
} from "../../db/directory/agencies.repository.js";
import { getState } from "../../db/directory/states.repository.js";
import {
  type EngagementRow,
  findEngagementBySourceKey,
  insertActionItem,
  insertEngagementRow,
  insertOutcomeRow,
  linkOutcomePartyActions,
  type NewParticipant,
  type OutcomeRow,
  replaceParticipants,
  signatureOf,
} from "../../db/engagements/engagements.repository.js";
import { findTeam } from "../../db/platform/teams.repository.js";
import { findUserById } from "../../db/platform/users.repository.js";
import {
  bumpInstrument,
  findInstrument,
  findInstrumentByCode,
  type InstrumentRow,
  insertInstrument,
  insertPartyActions,
} from "../../db/registry/instruments.repository.js";
import type { StateCode } from "../../domain/directory/state-codes.js";
import { engagementRange } from "../../domain/engagements/engagement-dates.js";
import type { EngagementSource, OutcomeDetails } from "../../domain/engagements/model.js";
import type {
  CreateEngagementInput,
  EngagementSourceInput,
  OutcomeInput,
  ParticipantInput,
  UpdateEngagementInput,
} from "../../domain/engagements/schemas.js";
import { type IsoDate, instantOf } from "../../domain/platform/dates.js";
import type { Role } from "../../domain/platform/vocabulary.js";
import type { Citation } from "../../domain/registry/model.js";
import { badRequest, conflict } from "../platform/errors.js";
import type { OperationContext } from "../platform/operation.js";
import { resolveParty } from "../registry/party-ref.js";
import { enforce } from "./authorize.js";
import {
  decideEngagementPlacement,
  decideOutcomeKind,
  type EngagementSubject,
  isEngagementOperator,
  mayOwnActionItems,
  mayReadLinkedCase,
} from "./engagement.policy.js";

/*
 * The writes other operations share: recording an engagement with its participants, and
 * recording an outcome with what it brings about (registry signatures, an action item, a
 * link to a case). Both run in the caller's transaction and check every reference, so an
 * import or an accepted invitation writes exactly what the API would, and a refusal rolls
 * everything back. Field paths in errors start with `options.path` ("body" by default,
 * "records.3" for an import).
 */

export type WriteOptions = {
  isDemo?: boolean;
  /** Where the input sits in the request, for the field paths of errors: "body", "records.3". */
  path?: string;
};

const DEFAULT_PATH = "body";

/** Lower-cased and trimmed, for comparing names as people type them. */
function folded(value: string | null | undefined): string {
  return (value ?? "").trim().toLocaleLowerCase("ru");
}

async function checkState(context: OperationContext, code: StateCode, field: string): Promise<void> {
  if (!(await getState(context.tx, code)))
    throw badRequest("unknown_state", `There is no state ${code}.`, [
      { path: field, message: "unknown state" },
    ]);
}

async function checkAgency(context: OperationContext, id: string, field: string): Promise<AgencyRow> {
  const agency = await findAgency(context.tx, id);
  if (!agency)
    throw badRequest("unknown_agency", "There is no such agency.", [
      { path: field, message: "unknown agency" },
    ]);
  return agency;
}

/** The agency of `state` called `name` (English or Russian name, or abbreviation; any case). */
async function agencyByName(
  context: OperationContext,
  state: StateCode | null | undefined,
  name: string,
  field: string,
): Promise<AgencyRow> {
  const wanted = folded(name);
  const candidates = state ? await listAgencies(context.tx, { state }) : [];
  const found = candidates
    .map((row) => row.agency)
    .find(
      (agency) =>
        folded(agency.nameEn) === wanted ||
        folded(agency.nameRu) === wanted ||
        folded(agency.abbreviation) === wanted,
    );
  if (!found)
    throw badRequest(
      "unknown_agency",
      state ? `${state} has no agency called "${name}".` : "Name the state the agency belongs to first.",
      [{ path: field, message: "unknown agency" }],
    );
  return found;
}

/** A person of the directory with exactly these names, or a new one (with their position, when given). */
async function personOnTheSpot(
  context: OperationContext,
  newPerson: NonNullable<ParticipantInput["newPerson"]>,
  fallbackAgencyId: string | null,
  firstDay: IsoDate,
  isDemo: boolean,
  field: string,
): Promise<{ person: PersonRow; positionId: string | null }> {
  const same = (await listPeople(context.tx, { q: newPerson.nameEn })).find(
    (person) => person.nameEn === newPerson.nameEn && person.nameRu === newPerson.nameRu,
  );
  if (same) return { person: same, positionId: null };
  const agencyId = newPerson.agencyId ?? fallbackAgencyId;
  if (newPerson.agencyId) await checkAgency(context, newPerson.agencyId, `${field}.agencyId`);
  const person = await insertPerson(context.tx, {
    nameEn: newPerson.nameEn,
    nameRu: newPerson.nameRu,
    isDemo,
    createdAt: context.now,
    updatedAt: context.now,
  });
  const titleEn = newPerson.titleEn ?? newPerson.titleRu;
  const titleRu = newPerson.titleRu ?? newPerson.titleEn;
  if (!agencyId || !titleEn || !titleRu) return { person, positionId: null };
  const position = await insertPosition(context.tx, {
    personId: person.id,
    agencyId,
    titleEn,
    titleRu,
    startOn: firstDay,
    createdAt: context.now,
  });
  return { person, positionId: position.id };
}

export type ResolvedParticipants = {
  rows: Omit<NewParticipant, "engagementId" | "ordinal">[];
  /** The participants' and their agencies' names, for full-text search. */
  names: string[];
};

/** Checks (and, for new people, records) the participants of an engagement that starts on `firstDay`. */
export async function resolveParticipants(
  context: OperationContext,
  participants: readonly ParticipantInput[],
  firstDay: IsoDate,
  options: WriteOptions = {},
): Promise<ResolvedParticipants> {
  const prefix = options.path ?? DEFAULT_PATH;
  const rows: ResolvedParticipants["rows"] = [];
  const names: string[] = [];
  for (const [index, participant] of participants.entries()) {
    const field = `${prefix}.participants.${index}`;
    await checkState(context, participant.side, `${field}.side`);
    let agency: AgencyRow | null = null;
    if (participant.agencyId) agency = await checkAgency(context, participant.agencyId, `${field}.agencyId`);
    if (participant.agencyName)
      agency = await agencyByName(context, participant.side, participant.agencyName, `${field}.agencyName`);
    let person: PersonRow | null = null;
    let positionId: string | null = null;
    if (participant.personId) {
      person = await findPerson(context.tx, participant.personId);
      if (!person)
        throw badRequest("unknown_person", "There is no such person in the directory.", [
          { path: `${field}.personId`, message: "unknown person" },
        ]);
    } else if (participant.newPerson) {
      ({ person, positionId } = await personOnTheSpot(
        context,
        participant.newPerson,
        agency?.id ?? null,
        firstDay,
        options.isDemo ?? false,
        `${field}.newPerson`,
      ));
    }
    if (person) names.push(person.nameEn, person.nameRu);
    if (agency)
      names.push(agency.nameEn, agency.nameRu, ...(agency.abbreviation ? [agency.abbreviation] : []));
    rows.push({
      side: participant.side,
      role: participant.role,
      personId: person?.id ?? null,
      agencyId: agency?.id ?? null,
      positionId,
      note: participant.note ?? null,
    });
  }
  return { rows, names };
}

export function toEngagementSource(source: EngagementSourceInput): EngagementSource {
  return { url: source.url ?? null, title: source.title ?? null, publishedOn: source.publishedOn ?? null };
}

/** Every state taking part: those named, the participants' sides, the host. */
export function statesTakingPart(
  named: readonly StateCode[],
  sides: readonly StateCode[],
  host: StateCode | null | undefined,
): StateCode[] {
  return [...new Set([...named, ...sides, ...(host ? [host] : [])])];
}

/** The host agency, by id or by name within the host state; null when none is named. */
export async function resolveHostAgency(
  context: OperationContext,
  input: Pick<UpdateEngagementInput, "hostAgencyId" | "hostAgencyName">,
  hostState: StateCode | null | undefined,
  prefix: string,
): Promise<AgencyRow | null> {
  if (input.hostAgencyId) return checkAgency(context, input.hostAgencyId, `${prefix}.hostAgencyId`);
  if (input.hostAgencyName)
    return agencyByName(context, hostState, input.hostAgencyName, `${prefix}.hostAgencyName`);
  return null;
}

/** Checks the states an engagement names (place, host, states taking part). */
export async function checkNamedStates(
  context: OperationContext,
  input: Pick<UpdateEngagementInput, "placeState" | "hostState" | "states">,
  prefix: string,
): Promise<void> {
  if (input.placeState) await checkState(context, input.placeState, `${prefix}.placeState`);
  if (input.hostState) await checkState(context, input.hostState, `${prefix}.hostState`);
  for (const [index, code] of (input.states ?? []).entries())
    await checkState(context, code, `${prefix}.states.${index}`);
}

/** What full-text search reads besides the engagement's own text: people's and agencies' names. */
export function searchNamesOf(names: readonly string[]): string {
  return [...new Set(names)].join(" ");
}

/**
 * Records an engagement and its participants (new people added to the directory on the
 * spot) in the caller's transaction. The subject must be allowed to record it at its level.
 */
export async function insertEngagement(
  context: OperationContext,
  subject: EngagementSubject,
  input: CreateEngagementInput,
  options: WriteOptions & { invitedByOutcomeId?: string | null } = {},
): Promise<EngagementRow> {
  const prefix = options.path ?? DEFAULT_PATH;
  enforce(decideEngagementPlacement(subject, input.confidentiality));
  if (input.sourceKey && (await findEngagementBySourceKey(context.tx, input.sourceKey)))
    throw conflict("source_key_taken", "An engagement with this source key is already recorded.", [
      { path: `${prefix}.sourceKey`, message: "taken" },
    ]);
  const range = engagementRange(input.startOn, input.endOn, input.precision);
  await checkNamedStates(context, input, prefix);
  const hostAgency = await resolveHostAgency(context, input, input.hostState, prefix);
  const participants = await resolveParticipants(context, input.participants, range.startOn, options);
  const names = [
    ...participants.names,
    ...(hostAgency ? [hostAgency.nameEn, hostAgency.nameRu, hostAgency.abbreviation ?? ""] : []),
  ].filter(Boolean);
  const row = await insertEngagementRow(context.tx, {
    kind: input.kind,
    titleEn: input.titleEn,
    titleRu: input.titleRu,
    status: input.status,
    startOn: range.startOn,
    endOn: range.endOn,
    precision: input.precision,
    city: input.city ?? null,
    placeState: input.placeState ?? null,
    hostState: input.hostState ?? null,
    hostAgencyId: hostAgency?.id ?? null,
    states: statesTakingPart(
      input.states,
      input.participants.map((participant) => participant.side),
      input.hostState,
    ),
    namedStates: [...new Set(input.states)],
    agenda: input.agenda,
    summary: input.summary ?? null,
    notes: input.notes ?? null,
    sources: input.sources.map(toEngagementSource),
    confidentiality: input.confidentiality,
    sourceKey: input.sourceKey ?? null,
    invitedByOutcomeId: options.invitedByOutcomeId ?? null,
    searchNames: searchNamesOf(names),
    isDemo: options.isDemo ?? false,
    createdBy: isEngagementOperator(subject) ? null : subject.userId,
    createdAt: context.now,
    updatedAt: context.now,
  });
  await replaceParticipants(context.tx, row.id, participants.rows);
  return row;
}

// --- outcomes -----------------------------------------------------------------------------------

/** The registry's citation for a signature recorded at an engagement: the outcome's source, else the engagement's. */
export function registryCitation(
  source: EngagementSource | null,
  engagement: Pick<EngagementRow, "titleEn" | "startOn" | "sources">,
): Citation {
  const cited = source ?? engagement.sources[0] ?? null;
  if (!cited) return { kind: "other", title: `${engagement.titleEn} (${engagement.startOn})` };
  return {
    kind: cited.url && !cited.title ? "url" : "press_release",
    title: cited.title,
    url: cited.url,
    date: cited.publishedOn,
  };
}

/** The instrument an outcome names: of the registry (id or code), or a new one recorded now. */
async function outcomeInstrument(
  context: OperationContext,
  input: Extract<OutcomeInput, { kind: "instrument_signed" | "programme_adopted" }>,
  isDemo: boolean,
  prefix: string,
): Promise<InstrumentRow> {
  let instrument: InstrumentRow | null = null;
  if (input.instrumentId) {
    instrument = await findInstrument(context.tx, input.instrumentId, true);
    if (!instrument)
      throw badRequest("unknown_instrument", "There is no such instrument in the registry.", [
        { path: `${prefix}.instrumentId`, message: "unknown instrument" },
      ]);
  } else if (input.instrumentCode) {
    instrument = await findInstrumentByCode(context.tx, input.instrumentCode);
    if (!instrument)
      throw badRequest(
        "unknown_instrument",
        `There is no instrument ${input.instrumentCode} in the registry.`,
        [{ path: `${prefix}.instrumentCode`, message: "unknown instrument" }],
      );
    instrument = await findInstrument(context.tx, instrument.id, true);
  } else if (input.newInstrument) {
    const fresh = input.newInstrument;
    if (await findInstrumentByCode(context.tx, fresh.code))
      throw conflict("code_taken", `An instrument with the code ${fresh.code} exists.`, [
        { path: `${prefix}.newInstrument.code`, message: "taken" },
      ]);
    if (input.kind === "programme_adopted" && fresh.kind !== "cooperation_programme")
      throw badRequest(
        "invalid_input",
        "An adopted programme is an instrument of the kind cooperation_programme.",
        [{ path: `${prefix}.newInstrument.kind`, message: "must be cooperation_programme" }],
      );
    for (const [index, party] of fresh.intendedParties.entries())
      await resolveParty(context.tx, party, `${prefix}.newInstrument.intendedParties.${index}`);
    instrument = await insertInstrument(context.tx, {
      ...fresh,
      isDemo,
      createdAt: context.now,
      updatedAt: context.now,
      origin: isDemo ? "demo" : "manual",
    });
  }
  if (!instrument)
    throw badRequest("invalid_input", "Name one instrument: of the registry (id or code) or a new one.", [
      { path: `${prefix}.instrumentId`, message: "required" },
    ]);
  if (input.kind === "programme_adopted" && instrument.kind !== "cooperation_programme")
    throw badRequest(
      "invalid_input",
      "An adopted programme is an instrument of the kind cooperation_programme.",
      [
        {
          path: `${prefix}.${input.instrumentId ? "instrumentId" : "instrumentCode"}`,
          message: "not a programme",
        },
      ],
    );
  return instrument;
}

/** One signature per party on the outcome's day, in the registry; a party that already signed: 409. */
async function recordSignatures(
  context: OperationContext,
  instrument: InstrumentRow,
  parties: Extract<OutcomeInput, { kind: "instrument_signed" }>["parties"],
  date: IsoDate,
  citation: Citation,
  isDemo: boolean,
  prefix: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, party] of parties.entries()) {
    const field = `${prefix}.parties.${index}`;
    const resolved = await resolveParty(context.tx, party, field);
    const key = resolved.partyCode ?? resolved.partyAgencyId;
    const earlier = await signatureOf(context.tx, instrument.id, resolved.partyType, key);
    const [row] = earlier
      ? []
      : await insertPartyActions(context.tx, [
          {
            instrumentId: instrument.id,
            ...resolved,
            action: "signature",
            date,
            source: citation,
            isDemo,
            origin: "engagement",
            createdAt: context.now,
          },
        ]);
    if (!row)
      throw conflict(
        "duplicate_fact",
        `The registry already records a signature of ${instrument.code} by this party.`,
        [{ path: field, message: "already signed" }],
      );
    ids.push(row.id);
  }
  await bumpInstrument(context.tx, instrument.id, context.now);
  return ids;
}

async function checkOwner(
  context: OperationContext,
  action: Extract<OutcomeInput, { kind: "commitment" }>["action"],
  prefix: string,
): Promise<void> {
  if (action.ownerUserId) await checkOwnerUser(context, action.ownerUserId, `${prefix}.action.ownerUserId`);
  if (action.ownerTeamId) await checkOwnerTeam(context, action.ownerTeamId, `${prefix}.action.ownerTeamId`);
}

/** An action item's owner: an active account whose role reads engagements; else 400 unknown_user. */
export async function checkOwnerUser(
  context: OperationContext,
  userId: string,
  field: string,
): Promise<void> {
  const user = await findUserById(context.tx, userId);
  if (!user || user.disabledAt !== null || !mayOwnActionItems(user.role as Role))
    throw badRequest("unknown_user", "The owner must be an active account that reads engagements.", [
      { path: field, message: "unknown user" },
    ]);
}

export async function checkOwnerTeam(
  context: OperationContext,
  teamId: string,
  field: string,
): Promise<void> {
  if (!(await findTeam(context.tx, teamId)))
    throw badRequest("unknown_team", "There is no such team.", [{ path: field, message: "unknown team" }]);
}

/** "user:<id>" or "team:<id>", as an action item's history names its owner. */
export function ownerKey(item: { ownerUserId?: string | null; ownerTeamId?: string | null }): string {
  return item.ownerUserId ? `user:${item.ownerUserId}` : `team:${item.ownerTeamId}`;
}

export function subjectName(subject: EngagementSubject): string | null {
  return isEngagementOperator(subject) ? null : subject.username;
}

/**
 * Records an outcome of `engagement` and what it brings about, in the caller's transaction:
 * the registry's signatures (and a new instrument) for an instrument signed or a programme
 * adopted, an action item for a commitment, the case's link for a case discussed. The
 * subject must be allowed to write the engagement (the caller checks); the outcome's kind
 * may need more (engagement.policy.ts).
 */
export async function insertOutcome(
  context: OperationContext,
  subject: EngagementSubject,
  engagement: EngagementRow,
  input: OutcomeInput,
  options: WriteOptions = {},
): Promise<OutcomeRow> {
  const prefix = options.path ?? DEFAULT_PATH;
  const isDemo = options.isDemo ?? false;
  enforce(decideOutcomeKind(subject, input.kind));
  const date = input.date ?? engagement.startOn;
  const source = input.source ? toEngagementSource(input.source) : null;
  const common = {
    engagementId: engagement.id,
    kind: input.kind,
    date,
    source,
    note: input.note ?? null,
    isDemo,
    createdBy: isEngagementOperator(subject) ? null : subject.userId,
    createdAt: context.now,
  };
  switch (input.kind) {
    case "instrument_signed":
    case "programme_adopted": {
      const instrument = await outcomeInstrument(context, input, isDemo, prefix);
      const partyActionIds = await recordSignatures(
        context,
        instrument,
        input.parties,
        date,
        registryCitation(source, engagement),
        isDemo,
        prefix,
      );
      const outcome = await insertOutcomeRow(context.tx, {
        ...common,
        details: { kind: input.kind },
        instrumentId: instrument.id,
      });
      await linkOutcomePartyActions(context.tx, outcome.id, partyActionIds);
      return outcome;
    }
    case "commitment": {
      await checkOwner(context, input.action, prefix);
      const outcome = await insertOutcomeRow(context.tx, {
        ...common,
        details: {
          kind: "commitment",
          commitmentKind: input.commitmentKind,
          textEn: input.textEn,
          textRu: input.textRu ?? null,
        },
      });
      await insertActionItem(context.tx, {
        engagementId: engagement.id,
        outcomeId: outcome.id,
        commitmentKind: input.commitmentKind,
        title: input.action.title,
        ownerUserId: input.action.ownerUserId ?? null,
        ownerTeamId: input.action.ownerTeamId ?? null,
        dueOn: input.action.dueOn,
        status: "open",
        history: [
          {
            at: instantOf(context.now),
            by: subjectName(subject),
            status: "open",
            dueOn: input.action.dueOn,
            owner: ownerKey(input.action),
            note: input.note ?? null,
          },
        ],
        isDemo,
        createdAt: context.now,
        updatedAt: context.now,
      });
      return outcome;
    }
    case "invitation": {
      const details: OutcomeDetails = {
        kind: "invitation",
        direction: input.direction,
        counterpart: input.counterpart,
        counterpartState: input.counterpartState ?? null,
        eventEn: input.eventEn,
        eventRu: input.eventRu ?? null,
        expectedOn: input.expectedOn ?? null,
        status: "pending",
        answeredOn: null,
        answerNote: null,
      };
      if (input.counterpartState)
        await checkState(context, input.counterpartState, `${prefix}.counterpartState`);
      return insertOutcomeRow(context.tx, { ...common, details });
    }
    case "statement":
      return insertOutcomeRow(context.tx, {
        ...common,
        details: {
          kind: "statement",
          titleEn: input.titleEn,
          titleRu: input.titleRu ?? null,
          text: input.text ?? null,
          url: input.url ?? null,
        },
      });
    case "case_discussed": {
      const kase = await findCaseByReference(context.tx, input.caseReference);
      if (
        !kase ||
        !mayReadLinkedCase(subject, { teamId: kase.teamId, confidentiality: kase.confidentiality })
      )
        throw badRequest("unknown_case", "There is no such case, or none you may see.", [
          { path: `${prefix}.caseReference`, message: "unknown case" },
        ]);
      return insertOutcomeRow(context.tx, {
        ...common,
        details: { kind: "case_discussed" },
        caseId: kase.id,
      });
    }
  }
}
