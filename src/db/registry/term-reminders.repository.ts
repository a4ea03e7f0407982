import { and, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { IsoDate } from "../../domain/platform/dates.js";
import type { Role } from "../../domain/platform/vocabulary.js";
import type { Executor } from "../client.js";
import { users } from "../platform/users.table.js";
import { instruments } from "./instruments.table.js";

/**
 * The reads of the term reminder job (src/server/registry/send-term-reminders.ts) and of
 * the instrument notification subject: instruments whose term ends near today, the
 * registry's editors to tell, and what a notification shows of an instrument.
 */

export type TermCandidate = {
  id: string;
  code: string;
  titleEn: string;
  titleRu: string | null;
  termStart: IsoDate | null;
  termEnd: IsoDate | null;
  durationMonths: number | null;
  /** The day the term ends: the recorded end, else the start plus the duration. */
  endsOn: IsoDate;
};

export type TermCursor = { endsOn: IsoDate; id: string };

/** The end of an instrument's term in SQL, as termEndOf computes it (src/domain/registry/term-notices.ts). */
const endsOn: SQL<string> = sql`coalesce(${instruments.termEnd}::date, (${instruments.termStart}::date + make_interval(months => ${instruments.durationMonths}))::date)`;

/**
 * Instruments whose term ends within [from, to], in pages ordered by that day (keyset
 * paging: a run's memory is bounded whatever the size of the catalogue).
 */
export async function listTermCandidates(
  executor: Executor,
  window: { from: IsoDate; to: IsoDate },
  after: TermCursor | null,
  limit: number,
): Promise<TermCandidate[]> {
  const rows = await executor
    .select({
      id: instruments.id,
      code: instruments.code,
      titleEn: instruments.titleEn,
      titleRu: instruments.titleRu,
      termStart: instruments.termStart,
      termEnd: instruments.termEnd,
      durationMonths: instruments.durationMonths,
      endsOn: sql<IsoDate>`(${endsOn})::text`,
    })
    .from(instruments)
    .where(
      and(
        sql`(${instruments.termEnd} IS NOT NULL OR (${instruments.termStart} IS NOT NULL AND ${instruments.durationMonths} IS NOT NULL))`,
        sql`${endsOn} BETWEEN ${window.from}::date AND ${window.to}::date`,
        after ? sql`(${endsOn}, ${instruments.id}) > (${after.endsOn}::date, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(endsOn, instruments.id)
    .limit(limit);
  return rows;
}

/** The active users (invitation accepted, neither disabled nor locked) of these roles. */
export async function listActiveUsersWithRoles(
  executor: Executor,
  roles: readonly Role[],
): Promise<{ userId: string }[]> {
  if (roles.length === 0) return [];
  return executor
    .select({ userId: users.id })
    .from(users)
    .where(
      and(
        inArray(users.role, [...roles]),
        isNotNull(users.passwordHash),
        isNull(users.disabledAt),
        isNull(users.lockedAt),
      ),
    )
    .orderBy(users.id);
}

/** Every instrument's id, as SQL another query can embed (the instrument subject, for those who read the registry). */
export function allInstrumentIds(): SQL {
  return sql`SELECT ${instruments.id} FROM ${instruments}`;
}

/** A SELECT of one uuid column that gives no row: nothing visible. */
export function noIds(): SQL {
  return sql`SELECT NULL::uuid WHERE false`;
}

/** The English title of each of these instruments, by id (a missing id: no such instrument). */
export async function instrumentLabels(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, { code: string; titleEn: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: instruments.id, code: instruments.code, titleEn: instruments.titleEn })
    .from(instruments)
    .where(inArray(instruments.id, [...ids]));
  return new Map(rows.map((row) => [row.id, { code: row.code, titleEn: row.titleEn }]));
}
