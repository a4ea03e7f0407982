import { and, asc, count, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { CaseKind, CaseStatus, Direction } from "../../domain/cases/vocabulary.js";
import type { StateCode } from "../../domain/directory/state-codes.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import { cases } from "../cases/cases.table.js";
import type { Executor } from "../client.js";
import { agencies, people, positions } from "../directory/agencies.table.js";
import { engagementParticipants } from "./engagements.table.js";

/**
 * The reads of the briefing pack (src/server/engagements/get-briefing.ts) that no other
 * view makes: the counterpart's officials on a day, and the figures of the cases between
 * two states.
 */

export type BriefingOfficial = {
  personId: string;
  nameEn: string;
  nameRu: string;
  titleEn: string;
  titleRu: string;
  agencyNameEn: string;
  agencyNameRu: string;
  /** Takes part in the engagement. */
  participant: boolean;
};

/**
 * The people holding a position at an agency of `state` on `date` (a position without a
 * start or an end is open on that side), one row per position: those taking part in the
 * engagement first, then by agency and name.
 */
export async function officialsOn(
  executor: Executor,
  state: StateCode,
  date: IsoDate,
  engagementId: string,
): Promise<BriefingOfficial[]> {
  const participant = sql<boolean>`EXISTS (SELECT 1 FROM ${engagementParticipants} WHERE ${engagementParticipants.engagementId} = ${engagementId} AND ${engagementParticipants.personId} = ${people.id})`;
  return executor
    .select({
      personId: people.id,
      nameEn: people.nameEn,
      nameRu: people.nameRu,
      titleEn: positions.titleEn,
      titleRu: positions.titleRu,
      agencyNameEn: agencies.nameEn,
      agencyNameRu: agencies.nameRu,
      participant,
    })
    .from(positions)
    .innerJoin(agencies, eq(agencies.id, positions.agencyId))
    .innerJoin(people, eq(people.id, positions.personId))
    .where(
      and(
        eq(agencies.stateCode, state),
        or(isNull(positions.startOn), lte(positions.startOn, date)),
        or(isNull(positions.endOn), gte(positions.endOn, date)),
      ),
    )
    .orderBy(sql`${participant} DESC`, asc(agencies.nameEn), asc(people.nameEn), asc(positions.id))
    .limit(500);
}

export type CaseFigureRow = { kind: CaseKind; direction: Direction; status: CaseStatus; count: number };

/**
 * How many cases there are between two states (either requesting the other), by kind,
 * direction and status: counts only, whoever reads them (no case is named).
 */
export async function caseFiguresBetween(
  executor: Executor,
  state: StateCode,
  partner: StateCode,
): Promise<CaseFigureRow[]> {
  const between = or(
    and(eq(cases.requestingState, state), eq(cases.requestedState, partner)),
    and(eq(cases.requestingState, partner), eq(cases.requestedState, state)),
  );
  const rows = await executor
    .select({ kind: cases.kind, direction: cases.direction, status: cases.status, count: count() })
    .from(cases)
    .where(between)
    .groupBy(cases.kind, cases.direction, cases.status)
    .orderBy(cases.kind, cases.direction, cases.status);
  return rows;
}
