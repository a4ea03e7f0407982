import { and, inArray, lt, sql } from "drizzle-orm";
import type { ConfidentialityLevel } from "../../domain/cases/vocabulary.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import { cases } from "../cases/cases.table.js";
import type { Executor } from "../client.js";
import { actionItems, engagements } from "../engagements/engagements.table.js";
import { teamMembers } from "../platform/teams.table.js";

/**
 * The counts of the supervisor's part of the dashboard: per team, the cases whose next
 * deadline has passed and the open action items past their due day that the team or one
 * of its members owns, among those the reader may see (their clearance).
 */
export async function overdueByTeam(
  executor: Executor,
  options: {
    teamIds: readonly string[];
    caseLevels: readonly ConfidentialityLevel[];
    engagementLevels: readonly ConfidentialityLevel[];
    today: IsoDate;
  },
): Promise<Map<string, { cases: number; actionItems: number }>> {
  const counts = new Map(options.teamIds.map((id) => [id, { cases: 0, actionItems: 0 }]));
  if (options.teamIds.length === 0) return counts;
  if (options.caseLevels.length > 0) {
    const rows = await executor
      .select({ teamId: cases.teamId, count: sql<number>`count(*)::int` })
      .from(cases)
      .where(
        and(
          inArray(cases.teamId, [...options.teamIds]),
          inArray(cases.confidentiality, [...options.caseLevels]),
          lt(cases.nextDeadlineOn, options.today),
        ),
      )
      .groupBy(cases.teamId);
    for (const row of rows) if (row.teamId) counts.get(row.teamId)!.cases = row.count;
  }
  if (options.engagementLevels.length > 0) {
    const owned = await executor
      .select({
        teamId: sql<string>`team_id`,
        count: sql<number>`count(DISTINCT item_id)::int`,
      })
      .from(
        sql`(
          SELECT ${actionItems.ownerTeamId} AS team_id, ${actionItems.id} AS item_id
          FROM ${actionItems} INNER JOIN ${engagements} ON ${engagements.id} = ${actionItems.engagementId}
          WHERE ${actionItems.status} IN ('open', 'in_progress') AND ${actionItems.dueOn} < ${options.today}
            AND ${inArray(engagements.confidentiality, [...options.engagementLevels])}
            AND ${inArray(actionItems.ownerTeamId, [...options.teamIds])}
          UNION ALL
          SELECT ${teamMembers.teamId} AS team_id, ${actionItems.id} AS item_id
          FROM ${actionItems} INNER JOIN ${engagements} ON ${engagements.id} = ${actionItems.engagementId}
            INNER JOIN ${teamMembers} ON ${teamMembers.userId} = ${actionItems.ownerUserId}
          WHERE ${actionItems.status} IN ('open', 'in_progress') AND ${actionItems.dueOn} < ${options.today}
            AND ${inArray(engagements.confidentiality, [...options.engagementLevels])}
            AND ${inArray(teamMembers.teamId, [...options.teamIds])}
        ) AS overdue`,
      )
      .groupBy(sql`team_id`);
    for (const row of owned) {
      const entry = counts.get(row.teamId);
      if (entry) entry.actionItems = row.count;
    }
  }
  return counts;
}
