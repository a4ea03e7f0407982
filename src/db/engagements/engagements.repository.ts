import { and, asc, desc, eq, gte, inArray, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { StateCode } from "../../domain/directory/state-codes.js";
import type { ActionStatus, EngagementKind, EngagementStatus } from "../../domain/engagements/vocabulary.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import type { ConfidentialityLevel } from "../../domain/platform/vocabulary.js";
import type { PartyType } from "../../domain/registry/vocabulary.js";
import { cases } from "../cases/cases.table.js";
import type { Executor } from "../client.js";
import { agencies, people } from "../directory/agencies.table.js";
import { teams } from "../platform/teams.table.js";
import { users } from "../platform/users.table.js";
import { instruments, partyActions } from "../registry/instruments.table.js";
import {
  actionItems,
  engagementOutcomePartyActions,
  engagementOutcomes,
  engagementParticipants,
  engagements,
} from "./engagements.table.js";

export type EngagementRow = typeof engagements.$inferSelect;
export type NewEngagement = typeof engagements.$inferInsert;
export type ParticipantRow = typeof engagementParticipants.$inferSelect;
export type NewParticipant = typeof engagementParticipants.$inferInsert;
export type OutcomeRow = typeof engagementOutcomes.$inferSelect;
export type NewOutcome = typeof engagementOutcomes.$inferInsert;
export type ActionItemRow = typeof actionItems.$inferSelect;
export type NewActionItem = typeof actionItems.$inferInsert;

/** The confidentiality levels a reader may see (need-to-know, engagement.policy.ts). */
export type EngagementVisibility = { levels: readonly ConfidentialityLevel[] };

function visible(visibility: EngagementVisibility): SQL {
  return visibility.levels.length > 0
    ? inArray(engagements.confidentiality, [...visibility.levels])
    : sql`false`;
}

// --- engagements ------------------------------------------------------------------------------

export async function findEngagement(
  executor: Executor,
  id: string,
  forUpdate = false,
): Promise<EngagementRow | null> {
  const query = executor.select().from(engagements).where(eq(engagements.id, id));
  const rows = forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function findEngagementsByIds(
  executor: Executor,
  ids: readonly string[],
): Promise<EngagementRow[]> {
  if (ids.length === 0) return [];
  return executor
    .select()
    .from(engagements)
    .where(inArray(engagements.id, [...ids]));
}

export async function findEngagementBySourceKey(
  executor: Executor,
  sourceKey: string,
): Promise<EngagementRow | null> {
  const rows = await executor.select().from(engagements).where(eq(engagements.sourceKey, sourceKey));
  return rows[0] ?? null;
}

/** The source keys among `keys` that an engagement already has. */
export async function existingSourceKeys(executor: Executor, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await executor
    .select({ sourceKey: engagements.sourceKey })
    .from(engagements)
    .where(inArray(engagements.sourceKey, [...keys]));
  return new Set(rows.flatMap((row) => (row.sourceKey ? [row.sourceKey] : [])));
}

export async function insertEngagementRow(executor: Executor, values: NewEngagement): Promise<EngagementRow> {
  const rows = await executor.insert(engagements).values(values).returning();
  return rows[0]!;
}

/** Compare-and-set on the version; null when someone changed it meanwhile (or it is gone). */
export async function updateEngagementIfVersion(
  executor: Executor,
  id: string,
  version: number,
  patch: Partial<NewEngagement>,
  now: Date,
): Promise<EngagementRow | null> {
  const rows = await executor
    .update(engagements)
    .set({ ...patch, updatedAt: now, version: sql`${engagements.version} + 1` })
    .where(and(eq(engagements.id, id), eq(engagements.version, version)))
    .returning();
  return rows[0] ?? null;
}

/** A change to what hangs off an engagement (an outcome, an action item) bumps its version. */
export async function bumpEngagement(executor: Executor, id: string, now: Date): Promise<EngagementRow> {
  const rows = await executor
    .update(engagements)
    .set({ updatedAt: now, version: sql`${engagements.version} + 1` })
    .where(eq(engagements.id, id))
    .returning();
  return rows[0]!;
}

export type EngagementListFilter = {
  q?: string | undefined;
  state?: StateCode | undefined;
  kind?: EngagementKind | undefined;
  status?: EngagementStatus | undefined;
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
  /** Only those ending on or after this day, soonest first. */
  upcomingFrom?: IsoDate | undefined;
  participant?: string | undefined;
  instrument?: string | undefined;
  openActions?: boolean | undefined;
  demo?: boolean | undefined;
  /** Engagements other than this one (the briefing pack's "previous engagements"). */
  excludeId?: string | undefined;
  /** Only those starting before this day. */
  startsBefore?: IsoDate | undefined;
};

const OUTER_ENGAGEMENT_ID = sql.raw(`"engagements"."id"`);

function listConditions(visibility: EngagementVisibility, filter: EngagementListFilter): SQL[] {
  const conditions: SQL[] = [visible(visibility)];
  if (filter.q) {
    conditions.push(
      sql`${engagements.search} @@ (websearch_to_tsquery('english', ${filter.q}) || websearch_to_tsquery('russian', ${filter.q}) || websearch_to_tsquery('simple', ${filter.q}))`,
    );
  }
  if (filter.state) conditions.push(sql`${engagements.states} @> ARRAY[${filter.state}]::text[]`);
  if (filter.kind) conditions.push(eq(engagements.kind, filter.kind));
  if (filter.status) conditions.push(eq(engagements.status, filter.status));
  if (filter.from) conditions.push(gte(engagements.endOn, filter.from));
  if (filter.to) conditions.push(lte(engagements.startOn, filter.to));
  if (filter.upcomingFrom) conditions.push(gte(engagements.endOn, filter.upcomingFrom));
  if (filter.startsBefore) conditions.push(lt(engagements.startOn, filter.startsBefore));
  if (filter.excludeId) conditions.push(sql`${engagements.id} <> ${filter.excludeId}`);
  if (filter.participant) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM engagement_participants ep WHERE ep.engagement_id = ${OUTER_ENGAGEMENT_ID} AND ep.person_id = ${filter.participant})`,
    );
  }
  if (filter.instrument) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM engagement_outcomes eo WHERE eo.engagement_id = ${OUTER_ENGAGEMENT_ID} AND eo.instrument_id = ${filter.instrument})`,
    );
  }
  if (filter.openActions !== undefined) {
    const open = sql`EXISTS (SELECT 1 FROM action_items ai WHERE ai.engagement_id = ${OUTER_ENGAGEMENT_ID} AND ai.status IN ('open', 'in_progress'))`;
    conditions.push(filter.openActions ? open : sql`NOT ${open}`);
  }
  if (filter.demo !== undefined) conditions.push(eq(engagements.isDemo, filter.demo));
  return conditions;
}

/**
 * The engagements a reader may see, filtered, with the total before paging. Upcoming
 * ones come soonest first; otherwise the newest first.
 */
export async function listEngagements(
  executor: Executor,
  visibility: EngagementVisibility,
  filter: EngagementListFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: EngagementRow[]; total: number }> {
  const where = and(...listConditions(visibility, filter));
  const order = filter.upcomingFrom
    ? [asc(engagements.startOn), asc(engagements.id)]
    : [desc(engagements.startOn), desc(engagements.id)];
  const rows = await executor
    .select()
    .from(engagements)
    .where(where)
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset);
  const total = await executor.select({ count: sql<number>`count(*)::int` }).from(engagements).where(where);
  return { rows, total: total[0]?.count ?? 0 };
}

// --- participants ------------------------------------------------------------------------------

export async function listParticipants(
  executor: Executor,
  engagementIds: readonly string[],
): Promise<ParticipantRow[]> {
  if (engagementIds.length === 0) return [];
  return executor
    .select()
    .from(engagementParticipants)
    .where(inArray(engagementParticipants.engagementId, [...engagementIds]))
    .orderBy(engagementParticipants.engagementId, engagementParticipants.ordinal);
}

/** Replaces the participants of an engagement with `rows` (in their order). */
export async function replaceParticipants(
  executor: Executor,
  engagementId: string,
  rows: readonly Omit<NewParticipant, "engagementId" | "ordinal">[],
): Promise<ParticipantRow[]> {
  await executor.delete(engagementParticipants).where(eq(engagementParticipants.engagementId, engagementId));
  if (rows.length === 0) return [];
  return executor
    .insert(engagementParticipants)
    .values(rows.map((row, ordinal) => ({ ...row, engagementId, ordinal })))
    .returning();
}

// --- outcomes -----------------------------------------------------------------------------------

export async function insertOutcomeRow(executor: Executor, values: NewOutcome): Promise<OutcomeRow> {
  const rows = await executor.insert(engagementOutcomes).values(values).returning();
  return rows[0]!;
}

export async function findOutcome(
  executor: Executor,
  id: string,
  forUpdate = false,
): Promise<OutcomeRow | null> {
  const query = executor.select().from(engagementOutcomes).where(eq(engagementOutcomes.id, id));
  const rows = forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function listOutcomes(
  executor: Executor,
  engagementIds: readonly string[],
): Promise<OutcomeRow[]> {
  if (engagementIds.length === 0) return [];
  return executor
    .select()
    .from(engagementOutcomes)
    .where(inArray(engagementOutcomes.engagementId, [...engagementIds]))
    .orderBy(engagementOutcomes.date, engagementOutcomes.createdAt, engagementOutcomes.id);
}

export async function updateOutcome(
  executor: Executor,
  id: string,
  patch: Partial<NewOutcome>,
): Promise<OutcomeRow> {
  const rows = await executor
    .update(engagementOutcomes)
    .set(patch)
    .where(eq(engagementOutcomes.id, id))
    .returning();
  return rows[0]!;
}

/** The outcome (and its engagement) that planned each of `engagementIds` by accepting an invitation. */
export async function outcomesByIds(executor: Executor, ids: readonly string[]): Promise<OutcomeRow[]> {
  if (ids.length === 0) return [];
  return executor
    .select()
    .from(engagementOutcomes)
    .where(inArray(engagementOutcomes.id, [...ids]));
}

export async function linkOutcomePartyActions(
  executor: Executor,
  outcomeId: string,
  partyActionIds: readonly string[],
): Promise<void> {
  if (partyActionIds.length === 0) return;
  await executor
    .insert(engagementOutcomePartyActions)
    .values(partyActionIds.map((partyActionId) => ({ outcomeId, partyActionId })));
}

/** The registry's party actions each outcome recorded, by outcome id. */
export async function outcomePartyActionIds(
  executor: Executor,
  outcomeIds: readonly string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (outcomeIds.length === 0) return result;
  const rows = await executor
    .select()
    .from(engagementOutcomePartyActions)
    .where(inArray(engagementOutcomePartyActions.outcomeId, [...outcomeIds]));
  for (const row of rows)
    result.set(row.outcomeId, [...(result.get(row.outcomeId) ?? []), row.partyActionId]);
  return result;
}

/** Deletes the links of an outcome to the registry's party actions; returns the party actions' ids. */
export async function unlinkOutcomePartyActions(executor: Executor, outcomeId: string): Promise<string[]> {
  const rows = await executor
    .delete(engagementOutcomePartyActions)
    .where(eq(engagementOutcomePartyActions.outcomeId, outcomeId))
    .returning({ partyActionId: engagementOutcomePartyActions.partyActionId });
  return rows.map((row) => row.partyActionId);
}

/** Deletes an outcome; its action item (a commitment's) goes with it (ON DELETE CASCADE). */
export async function deleteOutcome(executor: Executor, id: string): Promise<void> {
  await executor.delete(engagementOutcomes).where(eq(engagementOutcomes.id, id));
}

/** A signature of the instrument by this party (a state or organisation by code, an agency by id), if recorded. */
export async function signatureOf(
  executor: Executor,
  instrumentId: string,
  partyType: PartyType,
  partyKey: string | null,
): Promise<{ id: string } | null> {
  const rows = await executor
    .select({ id: partyActions.id })
    .from(partyActions)
    .where(
      and(
        eq(partyActions.instrumentId, instrumentId),
        eq(partyActions.partyType, partyType),
        sql`coalesce(${partyActions.partyCode}, ${partyActions.partyAgencyId}::text) = ${partyKey}`,
        eq(partyActions.action, "signature"),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

// --- action items -------------------------------------------------------------------------------

export async function insertActionItem(executor: Executor, values: NewActionItem): Promise<ActionItemRow> {
  const rows = await executor.insert(actionItems).values(values).returning();
  return rows[0]!;
}

export async function findActionItem(
  executor: Executor,
  id: string,
  forUpdate = false,
): Promise<ActionItemRow | null> {
  const query = executor.select().from(actionItems).where(eq(actionItems.id, id));
  const rows = forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

/** The action item a commitment opened, locked for the transaction when asked. */
export async function actionItemOfOutcome(
  executor: Executor,
  outcomeId: string,
  forUpdate = false,
): Promise<ActionItemRow | null> {
  const query = executor.select().from(actionItems).where(eq(actionItems.outcomeId, outcomeId));
  const rows = forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function updateActionItemIfVersion(
  executor: Executor,
  id: string,
  version: number,
  patch: Partial<NewActionItem>,
  now: Date,
): Promise<ActionItemRow | null> {
  const rows = await executor
    .update(actionItems)
    .set({ ...patch, updatedAt: now, version: sql`${actionItems.version} + 1` })
    .where(and(eq(actionItems.id, id), eq(actionItems.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function actionItemsOfEngagements(
  executor: Executor,
  engagementIds: readonly string[],
): Promise<ActionItemRow[]> {
  if (engagementIds.length === 0) return [];
  return executor
    .select()
    .from(actionItems)
    .where(inArray(actionItems.engagementId, [...engagementIds]))
    .orderBy(actionItems.dueOn, actionItems.createdAt, actionItems.id);
}

/** Open and overdue action items per engagement, on `today`. */
export async function actionItemCounts(
  executor: Executor,
  engagementIds: readonly string[],
  today: IsoDate,
): Promise<Map<string, { open: number; overdue: number }>> {
  const result = new Map<string, { open: number; overdue: number }>();
  if (engagementIds.length === 0) return result;
  const rows = await executor
    .select({
      engagementId: actionItems.engagementId,
      open: sql<number>`count(*) FILTER (WHERE ${actionItems.status} IN ('open', 'in_progress'))::int`,
      overdue: sql<number>`count(*) FILTER (WHERE ${actionItems.status} IN ('open', 'in_progress') AND ${actionItems.dueOn} < ${today})::int`,
    })
    .from(actionItems)
    .where(inArray(actionItems.engagementId, [...engagementIds]))
    .groupBy(actionItems.engagementId);
  for (const row of rows) result.set(row.engagementId, { open: row.open, overdue: row.overdue });
  return result;
}

export type ActionItemListFilter = {
  /** The caller's own: owned by this user or by one of these teams. */
  mine?: { userId: string | null; teamIds: readonly string[] } | undefined;
  ownerUserId?: string | undefined;
  ownerTeamId?: string | undefined;
  engagementId?: string | undefined;
  status?: ActionStatus | undefined;
  open?: boolean | undefined;
  /** Open or in progress, and due before this day. */
  overdueOn?: IsoDate | undefined;
  /** Open or in progress, and due on or after this day (with `overdue=false`). */
  notOverdueOn?: IsoDate | undefined;
  demo?: boolean | undefined;
};

const OPEN = sql`${actionItems.status} IN ('open', 'in_progress')`;

/** Action items of the engagements the reader may see, by due day. */
export async function listActionItems(
  executor: Executor,
  visibility: EngagementVisibility,
  filter: ActionItemListFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ActionItemRow[]; total: number }> {
  const conditions: SQL[] = [visible(visibility)];
  if (filter.mine) {
    const owners: SQL[] = [];
    if (filter.mine.userId) owners.push(eq(actionItems.ownerUserId, filter.mine.userId));
    if (filter.mine.teamIds.length > 0)
      owners.push(inArray(actionItems.ownerTeamId, [...filter.mine.teamIds]));
    conditions.push(owners.length > 0 ? or(...owners)! : sql`false`);
  }
  if (filter.ownerUserId) conditions.push(eq(actionItems.ownerUserId, filter.ownerUserId));
  if (filter.ownerTeamId) conditions.push(eq(actionItems.ownerTeamId, filter.ownerTeamId));
  if (filter.engagementId) conditions.push(eq(actionItems.engagementId, filter.engagementId));
  if (filter.status) conditions.push(eq(actionItems.status, filter.status));
  if (filter.open !== undefined) conditions.push(filter.open ? OPEN : sql`NOT ${OPEN}`);
  if (filter.overdueOn) conditions.push(and(OPEN, lt(actionItems.dueOn, filter.overdueOn))!);
  if (filter.notOverdueOn)
    conditions.push(sql`NOT (${OPEN} AND ${actionItems.dueOn} < ${filter.notOverdueOn})`);
  if (filter.demo !== undefined) conditions.push(eq(actionItems.isDemo, filter.demo));
  const where = and(...conditions);
  const rows = await executor
    .select({ item: actionItems })
    .from(actionItems)
    .innerJoin(engagements, eq(engagements.id, actionItems.engagementId))
    .where(where)
    .orderBy(asc(actionItems.dueOn), asc(actionItems.createdAt), asc(actionItems.id))
    .limit(page.limit)
    .offset(page.offset);
  const total = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(actionItems)
    .innerJoin(engagements, eq(engagements.id, actionItems.engagementId))
    .where(where);
  return { rows: rows.map((row) => row.item), total: total[0]?.count ?? 0 };
}

// --- what the views name ------------------------------------------------------------------------

export type NamedRow = { id: string; nameEn: string; nameRu: string };

export async function peopleByIds(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, NamedRow>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: people.id, nameEn: people.nameEn, nameRu: people.nameRu })
    .from(people)
    .where(inArray(people.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function agenciesByIds(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, NamedRow & { abbreviation: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({
      id: agencies.id,
      nameEn: agencies.nameEn,
      nameRu: agencies.nameRu,
      abbreviation: agencies.abbreviation,
    })
    .from(agencies)
    .where(inArray(agencies.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function ownerNames(
  executor: Executor,
  userIds: readonly string[],
  teamIds: readonly string[],
): Promise<{ users: Map<string, string>; teams: Map<string, string> }> {
  const userRows =
    userIds.length === 0
      ? []
      : await executor
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, [...new Set(userIds)]));
  const teamRows =
    teamIds.length === 0
      ? []
      : await executor
          .select({ id: teams.id, name: teams.name })
          .from(teams)
          .where(inArray(teams.id, [...new Set(teamIds)]));
  return {
    users: new Map(userRows.map((row) => [row.id, row.name])),
    teams: new Map(teamRows.map((row) => [row.id, row.name])),
  };
}

export type LinkedCaseRow = Pick<
  typeof cases.$inferSelect,
  "id" | "reference" | "title" | "teamId" | "confidentiality"
>;

export async function casesByIds(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, LinkedCaseRow>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({
      id: cases.id,
      reference: cases.reference,
      title: cases.title,
      teamId: cases.teamId,
      confidentiality: cases.confidentiality,
    })
    .from(cases)
    .where(inArray(cases.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function instrumentsByIds(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, typeof instruments.$inferSelect>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select()
    .from(instruments)
    .where(inArray(instruments.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function partyActionsByIds(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, typeof partyActions.$inferSelect>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select()
    .from(partyActions)
    .where(inArray(partyActions.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}
