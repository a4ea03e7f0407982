import type { Executor } from "../../db/client.js";
import { type PositionWithAgency, positionsOf } from "../../db/directory/agencies.repository.js";
import {
  type ActionItemRow,
  actionItemCounts,
  actionItemsOfEngagements,
  agenciesByIds,
  casesByIds,
  type EngagementRow,
  findEngagementsByIds,
  instrumentsByIds,
  listOutcomes,
  listParticipants,
  type OutcomeRow,
  outcomePartyActionIds,
  outcomesByIds,
  ownerNames,
  type ParticipantRow,
  partyActionsByIds,
  peopleByIds,
} from "../../db/engagements/engagements.repository.js";
import { partyNames } from "../../db/registry/instruments.repository.js";
import { dueState } from "../../domain/engagements/action-items.js";
import type {
  ActionItem,
  EngagementDetail,
  EngagementSummary,
  OutcomeView,
  ParticipantView,
} from "../../domain/engagements/schemas.js";
import { compareDates, type IsoDate, instantOf } from "../../domain/platform/dates.js";
import { termEndOf } from "../../domain/registry/term-notices.js";
import { partyRefOf, partyView } from "../registry/views.js";
import { type EngagementSubject, mayReadEngagement, mayReadLinkedCase } from "./engagement.policy.js";

/*
 * Engagements as the API answers them. Every function reads what it names in a few
 * batched queries; the caller has already decided that the reader may see `rows`. What
 * hangs off an engagement and has a need-to-know of its own (a linked case, the
 * engagement an invitation planned) is shown only to a reader who may see it.
 */

function summaryOf(
  row: EngagementRow,
  counts: { open: number; overdue: number } | undefined,
): EngagementSummary {
  return {
    id: row.id,
    kind: row.kind,
    titleEn: row.titleEn,
    titleRu: row.titleRu,
    status: row.status,
    startOn: row.startOn,
    endOn: row.endOn,
    precision: row.precision,
    city: row.city,
    placeState: row.placeState,
    hostState: row.hostState,
    states: row.states,
    openActionItems: counts?.open ?? 0,
    overdueActionItems: counts?.overdue ?? 0,
    confidentiality: row.confidentiality,
    isDemo: row.isDemo,
  };
}

/** Engagements in a list, with their open and overdue action items on `today`. */
export async function engagementSummaries(
  executor: Executor,
  rows: EngagementRow[],
  today: IsoDate,
): Promise<EngagementSummary[]> {
  const counts = await actionItemCounts(
    executor,
    rows.map((row) => row.id),
    today,
  );
  return rows.map((row) => summaryOf(row, counts.get(row.id)));
}

/** Action items as the due lists show them: with their engagement, owner's name and due state on `today`. */
export async function actionItemViews(
  executor: Executor,
  rows: ActionItemRow[],
  today: IsoDate,
): Promise<ActionItem[]> {
  const engagements = new Map(
    (
      await findEngagementsByIds(
        executor,
        rows.map((row) => row.engagementId),
      )
    ).map((row) => [row.id, row]),
  );
  const names = await ownerNames(
    executor,
    rows.flatMap((row) => (row.ownerUserId ? [row.ownerUserId] : [])),
    rows.flatMap((row) => (row.ownerTeamId ? [row.ownerTeamId] : [])),
  );
  return rows.map((row) => {
    const engagement = engagements.get(row.engagementId);
    const owner = row.ownerUserId
      ? { type: "user" as const, id: row.ownerUserId, name: names.users.get(row.ownerUserId) ?? "" }
      : { type: "team" as const, id: row.ownerTeamId!, name: names.teams.get(row.ownerTeamId!) ?? "" };
    return {
      id: row.id,
      engagement: {
        id: row.engagementId,
        titleEn: engagement?.titleEn ?? "",
        titleRu: engagement?.titleRu ?? "",
        startOn: engagement?.startOn ?? row.dueOn,
        isDemo: engagement?.isDemo ?? row.isDemo,
      },
      outcomeId: row.outcomeId,
      commitmentKind: row.commitmentKind,
      title: row.title,
      owner,
      dueOn: row.dueOn,
      status: row.status,
      dueState: dueState(row, today),
      closingNote: row.closingNote,
      closedOn: row.closedOn,
      history: row.history,
      version: row.version,
    };
  });
}

/**
 * The position a participant held on `day`: the one recorded with them, else the one the
 * directory dates around that day (at the participant's agency, when there are several).
 */
function positionOn(
  participant: ParticipantRow,
  positions: readonly PositionWithAgency[],
  day: IsoDate,
): PositionWithAgency | null {
  const recorded = participant.positionId
    ? positions.find((position) => position.id === participant.positionId)
    : undefined;
  if (recorded) return recorded;
  const held = positions.filter(
    (position) =>
      position.personId === participant.personId &&
      (position.startOn === null || compareDates(position.startOn, day) <= 0) &&
      (position.endOn === null || compareDates(position.endOn, day) >= 0),
  );
  const atAgency = held.filter((position) => position.agencyId === participant.agencyId);
  return (atAgency.length > 0 ? atAgency : held).at(-1) ?? null;
}

async function participantViews(
  executor: Executor,
  row: EngagementRow,
  participants: ParticipantRow[],
): Promise<ParticipantView[]> {
  const personIds = participants.flatMap((participant) =>
    participant.personId ? [participant.personId] : [],
  );
  const people = await peopleByIds(executor, personIds);
  const agencies = await agenciesByIds(
    executor,
    participants.flatMap((participant) => (participant.agencyId ? [participant.agencyId] : [])),
  );
  const positions = await positionsOf(executor, [...new Set(personIds)]);
  return participants.map((participant) => {
    const person = participant.personId ? (people.get(participant.personId) ?? null) : null;
    const agency = participant.agencyId ? (agencies.get(participant.agencyId) ?? null) : null;
    const position = participant.personId ? positionOn(participant, positions, row.startOn) : null;
    return {
      id: participant.id,
      side: participant.side,
      role: participant.role,
      person: person && { id: person.id, nameEn: person.nameEn, nameRu: person.nameRu },
      agency: agency && { id: agency.id, nameEn: agency.nameEn, nameRu: agency.nameRu },
      position: position && {
        titleEn: position.titleEn,
        titleRu: position.titleRu,
        agencyId: position.agencyId,
        agencyNameEn: position.agencyNameEn,
        agencyNameRu: position.agencyNameRu,
      },
      note: participant.note,
    };
  });
}

/**
 * Outcomes as the reader may see them: a case discussed is left out for a reader who may
 * not read the case; an accepted invitation names its planned engagement only to a reader
 * who may read that engagement.
 */
export async function outcomeViews(
  executor: Executor,
  subject: EngagementSubject,
  outcomes: OutcomeRow[],
): Promise<OutcomeView[]> {
  const partyActionIds = await outcomePartyActionIds(
    executor,
    outcomes.map((outcome) => outcome.id),
  );
  const instruments = await instrumentsByIds(
    executor,
    outcomes.flatMap((outcome) => (outcome.instrumentId ? [outcome.instrumentId] : [])),
  );
  const actions = await partyActionsByIds(executor, [...partyActionIds.values()].flat());
  const names = actions.size > 0 ? await partyNames(executor) : null;
  const linkedCases = await casesByIds(
    executor,
    outcomes.flatMap((outcome) => (outcome.caseId ? [outcome.caseId] : [])),
  );
  const planned = new Map(
    (
      await findEngagementsByIds(
        executor,
        outcomes.flatMap((outcome) => (outcome.plannedEngagementId ? [outcome.plannedEngagementId] : [])),
      )
    ).map((row) => [row.id, row]),
  );
  const engagementIds = [...new Set(outcomes.map((outcome) => outcome.engagementId))];
  const items = await actionItemsOfEngagements(executor, engagementIds);
  const itemByOutcome = new Map(items.map((item) => [item.outcomeId, item]));

  const views: OutcomeView[] = [];
  for (const outcome of outcomes) {
    const common = {
      id: outcome.id,
      date: outcome.date,
      source: outcome.source ?? null,
      note: outcome.note,
      createdAt: instantOf(outcome.createdAt),
    };
    const details = outcome.details;
    switch (details.kind) {
      case "instrument_signed":
      case "programme_adopted": {
        const instrument = outcome.instrumentId ? instruments.get(outcome.instrumentId) : undefined;
        if (!instrument) continue;
        const ids = partyActionIds.get(outcome.id) ?? [];
        const rows = ids.flatMap((id) => {
          const action = actions.get(id);
          return action ? [action] : [];
        });
        views.push({
          kind: details.kind,
          ...common,
          instrument: {
            id: instrument.id,
            code: instrument.code,
            kind: instrument.kind,
            titleEn: instrument.titleEn,
            titleRu: instrument.titleRu,
            termEnd: termEndOf(instrument),
          },
          parties: names ? rows.map((action) => partyView(partyRefOf(action), names)) : [],
          partyActionIds: rows.map((action) => action.id),
        });
        break;
      }
      case "commitment": {
        const item = itemByOutcome.get(outcome.id);
        if (!item) continue;
        views.push({
          kind: "commitment",
          ...common,
          commitmentKind: details.commitmentKind,
          textEn: details.textEn,
          textRu: details.textRu,
          actionItemId: item.id,
        });
        break;
      }
      case "invitation": {
        const engagement = outcome.plannedEngagementId ? planned.get(outcome.plannedEngagementId) : undefined;
        views.push({
          kind: "invitation",
          ...common,
          direction: details.direction,
          counterpart: details.counterpart,
          counterpartState: details.counterpartState,
          eventEn: details.eventEn,
          eventRu: details.eventRu,
          expectedOn: details.expectedOn,
          status: details.status,
          answeredOn: details.answeredOn,
          engagement:
            engagement && mayReadEngagement(subject, engagement)
              ? { id: engagement.id, titleEn: engagement.titleEn, titleRu: engagement.titleRu }
              : null,
        });
        break;
      }
      case "statement":
        views.push({
          kind: "statement",
          ...common,
          titleEn: details.titleEn,
          titleRu: details.titleRu,
          text: details.text,
          url: details.url,
        });
        break;
      case "case_discussed": {
        const kase = outcome.caseId ? linkedCases.get(outcome.caseId) : undefined;
        if (!kase || !mayReadLinkedCase(subject, kase)) continue;
        views.push({
          kind: "case_discussed",
          ...common,
          case: { reference: kase.reference, title: kase.title },
        });
        break;
      }
    }
  }
  return views;
}

/** One engagement with everything on its page, as `subject` may see it, on `today`. */
export async function engagementDetail(
  executor: Executor,
  subject: EngagementSubject,
  row: EngagementRow,
  today: IsoDate,
): Promise<EngagementDetail> {
  const [summary] = await engagementSummaries(executor, [row], today);
  const participants = await participantViews(executor, row, await listParticipants(executor, [row.id]));
  const outcomes = await outcomeViews(executor, subject, await listOutcomes(executor, [row.id]));
  const items = await actionItemViews(executor, await actionItemsOfEngagements(executor, [row.id]), today);
  const hostAgency = row.hostAgencyId
    ? (await agenciesByIds(executor, [row.hostAgencyId])).get(row.hostAgencyId)
    : null;
  let invitedAt: EngagementDetail["invitedAt"] = null;
  if (row.invitedByOutcomeId) {
    const [invitation] = await outcomesByIds(executor, [row.invitedByOutcomeId]);
    const [inviting] = invitation ? await findEngagementsByIds(executor, [invitation.engagementId]) : [];
    if (inviting && mayReadEngagement(subject, inviting))
      invitedAt = { id: inviting.id, titleEn: inviting.titleEn, titleRu: inviting.titleRu };
  }
  return {
    ...summary!,
    hostAgency: hostAgency
      ? { id: hostAgency.id, nameEn: hostAgency.nameEn, nameRu: hostAgency.nameRu }
      : null,
    participants,
    agenda: row.agenda,
    summary: row.summary,
    notes: row.notes,
    sources: row.sources,
    outcomes,
    actionItems: items,
    invitedAt,
    sourceKey: row.sourceKey,
    version: row.version,
    createdAt: instantOf(row.createdAt),
    updatedAt: instantOf(row.updatedAt),
  };
}
