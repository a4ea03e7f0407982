import type { Executor } from "../../db/client.js";
import {
  agenciesByIds,
  listParticipants,
  type NewEngagement,
  type ParticipantRow,
  peopleByIds,
  replaceParticipants,
  updateEngagementIfVersion,
} from "../../db/engagements/engagements.repository.js";
import { engagementRange } from "../../domain/engagements/engagement-dates.js";
import type { EngagementDetail, UpdateEngagementInput } from "../../domain/engagements/schemas.js";
import { compareDates } from "../../domain/platform/dates.js";
import { badRequest, preconditionFailed } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { enforce, loadEngagementSubject, openEngagement } from "./authorize.js";
import { decideEngagementPlacement } from "./engagement.policy.js";
import { engagementDetail } from "./engagement-view.js";
import {
  checkNamedStates,
  resolveHostAgency,
  resolveParticipants,
  searchNamesOf,
  statesTakingPart,
  toEngagementSource,
} from "./engagement-writes.js";

export type UpdateEngagementOptions = Caller & {
  id: string;
  expectedVersion: number;
  changes: UpdateEngagementInput;
};

async function namesOfParticipants(executor: Executor, rows: readonly ParticipantRow[]): Promise<string[]> {
  const people = await peopleByIds(
    executor,
    rows.flatMap((row) => (row.personId ? [row.personId] : [])),
  );
  const agencies = await agenciesByIds(
    executor,
    rows.flatMap((row) => (row.agencyId ? [row.agencyId] : [])),
  );
  return [
    ...[...people.values()].flatMap((person) => [person.nameEn, person.nameRu]),
    ...[...agencies.values()].flatMap((agency) => [agency.nameEn, agency.nameRu, agency.abbreviation ?? ""]),
  ].filter(Boolean);
}

/**
 * Edits an engagement if nobody changed it since `expectedVersion` (else 412). Participants,
 * when given, replace those recorded; the states taking part and the search names follow.
 */
export async function updateEngagement({
  services,
  actor,
  origin,
  id,
  expectedVersion,
  changes,
}: UpdateEngagementOptions): Promise<EngagementDetail> {
  return runOperation(
    services,
    { eventType: "engagements.engagement_updated", objectType: "engagement", objectId: id, actor, origin },
    async (context) => {
      const subject = await loadEngagementSubject(context);
      const current = await openEngagement(context, subject, id, "write");
      if (current.version !== expectedVersion) throw preconditionFailed(current.version);
      if (changes.confidentiality) enforce(decideEngagementPlacement(subject, changes.confidentiality));

      const precision = changes.precision ?? current.precision;
      const startOn = changes.startOn ?? current.startOn;
      // The last day stays as it was unless it no longer fits: it was a month's or a year's, or now precedes the first.
      const keptEnd =
        current.precision === "day" && precision === "day" && compareDates(current.endOn, startOn) >= 0
          ? current.endOn
          : null;
      const endOn = changes.endOn !== undefined ? changes.endOn : keptEnd;
      if (endOn && compareDates(endOn, startOn) < 0)
        throw badRequest("invalid_input", "Some fields are not valid.", [
          { path: "body.endOn", message: "ends before it starts" },
        ]);
      const range = engagementRange(startOn, endOn, precision);

      await checkNamedStates(context, changes, "body");
      const hostState = changes.hostState !== undefined ? changes.hostState : current.hostState;
      const hostAgencyChanged = changes.hostAgencyId !== undefined || changes.hostAgencyName !== undefined;
      const hostAgency = hostAgencyChanged
        ? await resolveHostAgency(context, changes, hostState, "body")
        : null;
      const hostAgencyId = hostAgencyChanged ? (hostAgency?.id ?? null) : current.hostAgencyId;

      let participants: ParticipantRow[] = await listParticipants(context.tx, [id]);
      if (changes.participants) {
        const resolved = await resolveParticipants(context, changes.participants, range.startOn, {
          isDemo: current.isDemo,
        });
        participants = await replaceParticipants(context.tx, id, resolved.rows);
      }
      const namedStates = changes.states ? [...new Set(changes.states)] : current.namedStates;
      const hostNames = hostAgencyId ? [...(await agenciesByIds(context.tx, [hostAgencyId])).values()] : [];
      const names = [
        ...(await namesOfParticipants(context.tx, participants)),
        ...hostNames.flatMap((agency) => [agency.nameEn, agency.nameRu, agency.abbreviation ?? ""]),
      ].filter(Boolean);

      const patch: Partial<NewEngagement> = {
        kind: changes.kind,
        titleEn: changes.titleEn,
        titleRu: changes.titleRu,
        status: changes.status,
        startOn: range.startOn,
        endOn: range.endOn,
        precision,
        city: changes.city,
        placeState: changes.placeState,
        hostState: changes.hostState,
        hostAgencyId,
        states: statesTakingPart(
          namedStates,
          participants.map((participant) => participant.side),
          hostState,
        ),
        namedStates,
        agenda: changes.agenda,
        summary: changes.summary,
        notes: changes.notes,
        sources: changes.sources?.map(toEngagementSource),
        confidentiality: changes.confidentiality,
        searchNames: searchNamesOf(names),
      };
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const updated = await updateEngagementIfVersion(context.tx, id, expectedVersion, defined, context.now);
      if (!updated) throw preconditionFailed(current.version);
      context.note({
        details: {
          fields: Object.entries(changes)
            .filter(([, value]) => value !== undefined)
            .map(([key]) => key)
            .sort(),
          version: updated.version,
        },
      });
      return engagementDetail(context.tx, subject, updated, officeToday(context.services, context.now));
    },
  );
}
