import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { ActionStatus } from "../../domain/engagements/vocabulary.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import type { ConfidentialityLevel } from "../../domain/platform/vocabulary.js";
import type { Executor } from "../client.js";
import { users } from "../platform/users.table.js";
import { actionItems, engagements } from "./engagements.table.js";

/**
 * The reads of the action item reminder job (src/server/engagements/send-action-reminders.ts)
 * and of the action item notification subject: the open items due near (or past), the
 * people to tell, and what a notification shows of an item.
 */

export type ActionReminderCandidate = {
  id: string;
  title: string;
  status: ActionStatus;
  dueOn: IsoDate;
  ownerUserId: string | null;
  ownerTeamId: string | null;
  engagementId: string;
  confidentiality: ConfidentialityLevel;
};

export type ActionCandidateCursor = { dueOn: IsoDate; id: string };

/**
 * Open or in-progress items due on or before `upTo`, with their engagement's
 * confidentiality, in pages ordered by due day: a range read of the partial index of open
 * items by due day (`action_items_open_due`), not a scan of every item.
 */
export async function listActionReminderCandidates(
  executor: Executor,
  upTo: IsoDate,
  after: ActionCandidateCursor | null,
  limit: number,
): Promise<ActionReminderCandidate[]> {
  return executor
    .select({
      id: actionItems.id,
      title: actionItems.title,
      status: actionItems.status,
      dueOn: actionItems.dueOn,
      ownerUserId: actionItems.ownerUserId,
      ownerTeamId: actionItems.ownerTeamId,
      engagementId: actionItems.engagementId,
      confidentiality: engagements.confidentiality,
    })
    .from(actionItems)
    .innerJoin(engagements, eq(engagements.id, actionItems.engagementId))
    .where(
      and(
        // As the partial index states it, so that the planner reads the index.
        sql`${actionItems.status} IN ('open', 'in_progress')`,
        lte(actionItems.dueOn, upTo),
        // Keyset paging: the date bound keeps the read on the index, the row comparison breaks ties.
        after ? gte(actionItems.dueOn, after.dueOn) : undefined,
        after
          ? sql`(${actionItems.dueOn}, ${actionItems.id}) > (${after.dueOn}::date, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(actionItems.dueOn), asc(actionItems.id))
    .limit(limit);
}

export type UserToTell = { userId: string; role: string; clearance: string };

/**
 * These users, if their account is active: invitation accepted, neither disabled nor
 * locked. Whether each may read a given engagement is the engagement policy's to say.
 */
export async function listActiveUsers(executor: Executor, userIds: readonly string[]): Promise<UserToTell[]> {
  if (userIds.length === 0) return [];
  return executor
    .select({ userId: users.id, role: users.role, clearance: users.clearance })
    .from(users)
    .where(
      and(
        inArray(users.id, [...userIds]),
        isNotNull(users.passwordHash),
        isNull(users.disabledAt),
        isNull(users.lockedAt),
      ),
    );
}

/**
 * The action items of the engagements at these confidentiality levels, as SQL another
 * query can embed: what the engagements feature gives the notifications feature
 * (src/server/engagements/action-item-notification-subject.ts).
 */
export function visibleActionItemIds(levels: readonly ConfidentialityLevel[]): SQL {
  if (levels.length === 0) return sql`SELECT NULL::uuid WHERE false`;
  return sql`SELECT ${actionItems.id} FROM ${actionItems} INNER JOIN ${engagements} ON ${engagements.id} = ${actionItems.engagementId} WHERE ${inArray(engagements.confidentiality, [...levels])}`;
}

/** The title and engagement of each of these action items, by id (a missing id: no such item). */
export async function actionItemLabels(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, { engagementId: string; title: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: actionItems.id, engagementId: actionItems.engagementId, title: actionItems.title })
    .from(actionItems)
    .where(inArray(actionItems.id, [...ids]));
  return new Map(rows.map((row) => [row.id, { engagementId: row.engagementId, title: row.title }]));
}
