import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { ConfidentialityLevel } from "../../domain/cases/vocabulary.js";
import type { Deadline } from "../../domain/clocks/schemas.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import type { Executor } from "../client.js";
import { teamMembers } from "../platform/teams.table.js";
import { users } from "../platform/users.table.js";
import { cases } from "./cases.table.js";

/**
 * The reads of the deadline reminder job (src/server/cases/send-deadline-reminders.ts):
 * the cases that may have a reminder due, and the people to tell.
 */

export type ReminderCandidate = {
  id: string;
  teamId: string;
  confidentiality: ConfidentialityLevel;
  nextDeadlineOn: IsoDate;
  deadlines: Deadline[];
};

export type CandidateCursor = { nextDeadlineOn: IsoDate; id: string };

/**
 * Cases with a team whose earliest open deadline (`next_deadline_on`, kept by every event)
 * is on or before `upTo`, in pages ordered by that date: a range read of the
 * `cases_next_deadline` index, not a scan of every case. Every open deadline of a case
 * falls on or after its `next_deadline_on`, so a case left out has nothing due.
 */
export async function listReminderCandidates(
  executor: Executor,
  upTo: IsoDate,
  after: CandidateCursor | null,
  limit: number,
): Promise<ReminderCandidate[]> {
  const rows = await executor
    .select({
      id: cases.id,
      teamId: cases.teamId,
      confidentiality: cases.confidentiality,
      nextDeadlineOn: cases.nextDeadlineOn,
      deadlines: cases.deadlines,
    })
    .from(cases)
    .where(
      and(
        isNotNull(cases.nextDeadlineOn),
        lte(cases.nextDeadlineOn, upTo),
        isNotNull(cases.teamId),
        // Keyset paging: the date bound keeps the read on the index, the row comparison breaks ties.
        after ? gte(cases.nextDeadlineOn, after.nextDeadlineOn) : undefined,
        after
          ? sql`(${cases.nextDeadlineOn}, ${cases.id}) > (${after.nextDeadlineOn}::date, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(cases.nextDeadlineOn), asc(cases.id))
    .limit(limit);
  return rows as ReminderCandidate[];
}

export type TeamMemberToTell = { teamId: string; userId: string; role: string; clearance: string };

/**
 * The members of these teams whose account is active: invitation accepted, neither
 * disabled nor locked. Whether each may see a given case is the case policy's to say.
 */
export async function listActiveTeamMembers(
  executor: Executor,
  teamIds: readonly string[],
): Promise<TeamMemberToTell[]> {
  if (teamIds.length === 0) return [];
  return executor
    .select({
      teamId: teamMembers.teamId,
      userId: users.id,
      role: users.role,
      clearance: users.clearance,
    })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(
      and(
        inArray(teamMembers.teamId, [...teamIds]),
        isNotNull(users.passwordHash),
        isNull(users.disabledAt),
        isNull(users.lockedAt),
      ),
    );
}
