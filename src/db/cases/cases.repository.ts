import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  or,
  type SQL,
  type SQLWrapper,
  sql,
} from "drizzle-orm";
import type { CaseEvent } from "../../domain/cases/model.js";
import { legalDateOf } from "../../domain/cases/projection.js";
import type { CaseListQuery, CaseProjection, CaseSort } from "../../domain/cases/schemas.js";
import { addDays, type IsoDate } from "../../domain/platform/dates.js";
import type { Executor } from "../client.js";
import { teams } from "../platform/teams.table.js";
import { users } from "../platform/users.table.js";
import { type CaseVisibility, visibleCondition } from "./case-visibility.repository.js";
import { caseEvents, cases } from "./cases.table.js";

export type CaseRow = typeof cases.$inferSelect;

/** The columns of a case row that are read off its projection. */
export type CaseColumns = Pick<
  typeof cases.$inferInsert,
  | "reference"
  | "kind"
  | "direction"
  | "requestingState"
  | "requestedState"
  | "status"
  | "priority"
  | "confidentiality"
  | "teamId"
  | "legalBasisInstrumentId"
  | "title"
  | "offenceCategory"
  | "openedOn"
  | "receivedOn"
  | "decidedOn"
  | "closedOn"
  | "version"
  | "projection"
>;

/** The row's indexed columns say what the projection says: one function decides them. */
export function caseColumns(projection: CaseProjection): CaseColumns {
  const header = projection.header;
  return {
    reference: header.reference,
    kind: header.kind,
    direction: header.direction,
    requestingState: header.requestingState,
    requestedState: header.requestedState,
    status: projection.status,
    priority: header.priority,
    confidentiality: header.confidentiality,
    teamId: header.teamId ?? null,
    legalBasisInstrumentId: header.legalBasis?.type === "instrument" ? header.legalBasis.instrumentId : null,
    title: header.title,
    offenceCategory: header.offenceCategory ?? null,
    openedOn: projection.openedOn,
    receivedOn: projection.receivedOn,
    decidedOn: projection.decidedOn,
    closedOn: projection.closedOn,
    version: projection.version,
    projection,
  };
}

export async function findCaseByReference(
  executor: Executor,
  reference: string,
  forUpdate = false,
): Promise<CaseRow | null> {
  const query = executor.select().from(cases).where(eq(cases.reference, reference));
  const rows = forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function findCaseById(
  executor: Executor,
  id: string,
  forUpdate = false,
): Promise<CaseRow | null> {
  const query = executor.select().from(cases).where(eq(cases.id, id));
  const rows = forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function insertCase(executor: Executor, columns: CaseColumns, now: Date): Promise<CaseRow> {
  const rows = await executor
    .insert(cases)
    .values({ ...columns, createdAt: now, updatedAt: now })
    .returning();
  return rows[0]!;
}

/** A case row as an import writes it: the projection's columns and the clock engine's deadlines. */
export type NewCaseRow = CaseColumns & Pick<typeof cases.$inferInsert, "deadlines" | "nextDeadlineOn">;

/** Rows per INSERT: far below PostgreSQL's 65,535 parameters, few round trips for thousands of cases. */
const CASE_CHUNK = 500;
const EVENT_CHUNK = 2000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** The references among `references` that name a case already. */
export async function existingCaseReferences(
  executor: Executor,
  references: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of chunks(references, 5000)) {
    const rows = await executor
      .select({ reference: cases.reference })
      .from(cases)
      .where(inArray(cases.reference, chunk));
    for (const row of rows) found.add(row.reference);
  }
  return found;
}

/**
 * Inserts many cases with multi-row INSERTs, in chunks; `onChunk` is told how many are in.
 * Returns each case's id by reference, for its events.
 */
export async function insertCases(
  executor: Executor,
  rows: readonly NewCaseRow[],
  now: Date,
  onChunk: (inserted: number) => void = () => undefined,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const chunk of chunks(rows, CASE_CHUNK)) {
    const inserted = await executor
      .insert(cases)
      .values(chunk.map((row) => ({ ...row, createdAt: now, updatedAt: now })))
      .returning({ id: cases.id, reference: cases.reference });
    for (const row of inserted) ids.set(row.reference, row.id);
    onChunk(ids.size);
  }
  return ids;
}

/**
 * Inserts whole streams with multi-row INSERTs. Each case's events must come in sequence
 * order: the trigger that keeps a stream gapless checks every row against the rows
 * inserted before it, in the same statement too.
 */
export async function insertCaseEvents(
  executor: Executor,
  events: readonly { caseId: string; event: CaseEvent }[],
): Promise<void> {
  for (const chunk of chunks(events, EVENT_CHUNK)) {
    await executor.insert(caseEvents).values(
      chunk.map(({ caseId, event }) => ({
        caseId,
        sequence: event.sequence,
        type: event.type,
        occurredOn: legalDateOf(event),
        payload: event.payload as Record<string, unknown>,
        recordedAt: new Date(event.recordedAt),
        actorId: event.actorId,
      })),
    );
  }
}

/**
 * Rewrites the row from the projection after an event. The caller holds the row's lock
 * (SELECT ... FOR UPDATE) and has appended the event, so the version only moves forward.
 */
export async function rewriteCase(
  executor: Executor,
  id: string,
  columns: CaseColumns & Partial<Pick<typeof cases.$inferInsert, "deadlines" | "nextDeadlineOn">>,
  now: Date,
): Promise<CaseRow> {
  const rows = await executor
    .update(cases)
    .set({ ...columns, updatedAt: now })
    .where(eq(cases.id, id))
    .returning();
  return rows[0]!;
}

export async function insertCaseEvent(executor: Executor, caseId: string, event: CaseEvent): Promise<void> {
  await executor.insert(caseEvents).values({
    caseId,
    sequence: event.sequence,
    type: event.type,
    occurredOn: legalDateOf(event),
    payload: event.payload as Record<string, unknown>,
    recordedAt: new Date(event.recordedAt),
    actorId: event.actorId,
  });
}

export type StoredCaseEvent = CaseEvent & {
  actor: { id: string; username: string; displayName: string } | null;
};

/** The stream of a case, oldest first, with who recorded each event. */
export async function listCaseEvents(executor: Executor, caseId: string): Promise<StoredCaseEvent[]> {
  const rows = await executor
    .select({
      event: caseEvents,
      username: users.username,
      displayName: users.displayName,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.sequence));
  return rows.map(({ event, username, displayName }) => ({
    type: event.type,
    payload: event.payload,
    sequence: event.sequence,
    recordedAt: event.recordedAt.toISOString(),
    actorId: event.actorId,
    actor:
      event.actorId && username !== null && displayName !== null
        ? { id: event.actorId, username, displayName }
        : null,
  })) as StoredCaseEvent[];
}

// --- lists ------------------------------------------------------------------------------------

/** The columns a list shows: not the projection, the deadlines or the search vector, which are large. */
export const SUMMARY_COLUMNS = {
  id: cases.id,
  reference: cases.reference,
  title: cases.title,
  kind: cases.kind,
  direction: cases.direction,
  status: cases.status,
  priority: cases.priority,
  confidentiality: cases.confidentiality,
  requestingState: cases.requestingState,
  requestedState: cases.requestedState,
  teamId: cases.teamId,
  offenceCategory: cases.offenceCategory,
  openedOn: cases.openedOn,
  receivedOn: cases.receivedOn,
  decidedOn: cases.decidedOn,
  closedOn: cases.closedOn,
  nextDeadlineOn: cases.nextDeadlineOn,
  version: cases.version,
  updatedAt: cases.updatedAt,
};
export type CaseListRow = Pick<CaseRow, keyof typeof SUMMARY_COLUMNS> & {
  teamName: string | null;
  rank: number;
};

/** A case reference is made of these characters only; other text is not looked for in references. */
const REFERENCE_LIKE = /^[A-Za-z0-9./_-]+$/;

const PRIORITY_ORDER = sql`CASE ${cases.priority} WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 ELSE 1 END`;

function orderBy(sort: CaseSort, rank: SQL): SQL[] {
  const descending = sort.startsWith("-");
  const direction = (column: SQLWrapper) => (descending ? desc(column) : asc(column));
  switch (sort.replace(/^-/, "") as CaseSort) {
    case "relevance":
      return [sql`${rank} DESC`, desc(cases.openedOn)];
    case "openedOn":
      return [direction(cases.openedOn)];
    case "receivedOn":
      return [sql`${cases.receivedOn} ${sql.raw(descending ? "DESC" : "ASC")} NULLS LAST`];
    case "nextDeadlineOn":
      // Cases without a deadline come last either way: they are the least pressing.
      return [sql`${cases.nextDeadlineOn} ${sql.raw(descending ? "DESC" : "ASC")} NULLS LAST`];
    case "updatedAt":
      return [direction(cases.updatedAt)];
    case "reference":
      return [direction(cases.reference)];
    case "priority":
      return [sql`${PRIORITY_ORDER} ${sql.raw(descending ? "DESC" : "ASC")}`, desc(cases.openedOn)];
    default:
      return [desc(cases.openedOn)];
  }
}

export async function listCases(
  executor: Executor,
  visibility: CaseVisibility,
  query: CaseListQuery,
  today: IsoDate,
  /**
   * For an export read in pages (src/server/cases/export-cases.ts): only the cases after this
   * reference, by reference (a keyset, whatever the page), and no total unless asked for.
   */
  keyset?: { afterReference: string | null; withTotal: boolean },
): Promise<{ rows: CaseListRow[]; total: number }> {
  const conditions: SQL[] = [visibleCondition(visibility)];
  if (keyset?.afterReference) conditions.push(gt(cases.reference, keyset.afterReference));
  // An expression, not the literal 0, which ORDER BY would read as a column position.
  let rank: SQL = sql`(0)::real`;
  if (query.q) {
    const tsquery = sql`(websearch_to_tsquery('english', ${query.q}) || websearch_to_tsquery('russian', ${query.q}) || websearch_to_tsquery('simple', ${query.q}))`;
    if (REFERENCE_LIKE.test(query.q)) {
      // Part of a reference ("2026-0012"), found through the trigram index.
      const like = `%${query.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      conditions.push(sql`(${cases.search} @@ ${tsquery} OR ${cases.reference} ILIKE ${like})`);
    } else {
      conditions.push(sql`${cases.search} @@ ${tsquery}`);
    }
    rank = sql`ts_rank(${cases.search}, ${tsquery})`;
  }
  if (query.status) conditions.push(eq(cases.status, query.status));
  if (query.kind) conditions.push(eq(cases.kind, query.kind));
  if (query.direction) conditions.push(eq(cases.direction, query.direction));
  if (query.state)
    conditions.push(or(eq(cases.requestingState, query.state), eq(cases.requestedState, query.state))!);
  if (query.requestingState) conditions.push(eq(cases.requestingState, query.requestingState));
  if (query.requestedState) conditions.push(eq(cases.requestedState, query.requestedState));
  if (query.teamId) conditions.push(eq(cases.teamId, query.teamId));
  if (query.priority) conditions.push(eq(cases.priority, query.priority));
  if (query.confidentiality) conditions.push(eq(cases.confidentiality, query.confidentiality));
  if (query.overdue === "true") conditions.push(lt(cases.nextDeadlineOn, today));
  if (query.overdue === "false")
    conditions.push(or(isNull(cases.nextDeadlineOn), gte(cases.nextDeadlineOn, today))!);
  if (query.dueWithinDays !== undefined) {
    conditions.push(
      and(gte(cases.nextDeadlineOn, today), lte(cases.nextDeadlineOn, addDays(today, query.dueWithinDays)))!,
    );
  }
  if (query.openedFrom) conditions.push(gte(cases.openedOn, query.openedFrom));
  if (query.openedTo) conditions.push(lte(cases.openedOn, query.openedTo));
  const where = and(...conditions);
  const sort = keyset ? "reference" : (query.sort ?? (query.q ? "relevance" : "-openedOn"));
  const rows = await executor
    .select({ ...SUMMARY_COLUMNS, teamName: teams.name, rank: sql<number>`${rank}` })
    .from(cases)
    .leftJoin(teams, eq(teams.id, cases.teamId))
    .where(where)
    // The reference breaks ties, so that paging is stable.
    .orderBy(...orderBy(sort, rank), asc(cases.reference))
    .limit(query.limit)
    .offset(keyset ? 0 : query.offset);
  if (keyset && !keyset.withTotal) return { rows, total: -1 };
  const total = await executor.select({ value: count() }).from(cases).where(where);
  return {
    rows,
    total: total[0]?.value ?? 0,
  };
}
