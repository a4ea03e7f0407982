import { and, inArray, type SQL, sql } from "drizzle-orm";
import type { ConfidentialityLevel } from "../../domain/cases/vocabulary.js";
import type { Executor } from "../client.js";
import { cases } from "./cases.table.js";

/**
 * Which cases a user may see, as the list query's WHERE clause reads it (from
 * src/server/cases/case.policy.ts). Applied in SQL, before counting and paging, so that a
 * hidden case is never counted, ranked or paged over.
 */
export type CaseVisibility = {
  /** Confidentiality levels at or below the user's clearance; empty: nothing. */
  levels: readonly ConfidentialityLevel[];
  /** Every team's cases (cases.read_all), else only `teamIds`'. */
  allTeams: boolean;
  teamIds: readonly string[];
};

/**
 * The cases a user may see, as SQL another query can embed: what the cases feature gives
 * the notifications feature (src/server/cases/case-notification-subject.ts), so that a
 * notification about a case is counted and shown only while its user may see the case.
 * The same condition as the case list's: the case policy's need-to-know.
 */
export function visibleCaseIds(visibility: CaseVisibility): SQL {
  return sql`SELECT ${cases.id} FROM ${cases} WHERE ${visibleCondition(visibility)}`;
}

/** The WHERE condition on `cases` of the cases a user may see. */
export function visibleCondition(visibility: CaseVisibility): SQL {
  if (visibility.levels.length === 0) return sql`false`;
  const level = inArray(cases.confidentiality, [...visibility.levels]);
  if (visibility.allTeams) return level;
  if (visibility.teamIds.length === 0) return sql`false`;
  return and(level, inArray(cases.teamId, [...visibility.teamIds]))!;
}

/** The reference and title of each of these cases, by id (a missing id: no such case). */
export async function caseLabels(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, { reference: string; title: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: cases.id, reference: cases.reference, title: cases.title })
    .from(cases)
    .where(inArray(cases.id, [...ids]));
  return new Map(rows.map((row) => [row.id, { reference: row.reference, title: row.title }]));
}
