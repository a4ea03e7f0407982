import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { StateCode } from "../../domain/directory/state-codes.js";
import type { Executor } from "../client.js";
import { agencies, people, positions } from "./agencies.table.js";

export type AgencyRow = typeof agencies.$inferSelect;
export type NewAgency = typeof agencies.$inferInsert;
export type PersonRow = typeof people.$inferSelect;
export type PositionRow = typeof positions.$inferSelect;

const parent = alias(agencies, "parent");

function like(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Agencies, searched in Latin or Cyrillic (English, Russian and original names, abbreviation). */
export async function listAgencies(
  executor: Executor,
  filter: { q?: string | undefined; state?: StateCode | undefined; kind?: string | undefined },
) {
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = like(filter.q);
    conditions.push(
      sql`(${agencies.nameEn} ILIKE ${pattern} OR ${agencies.nameRu} ILIKE ${pattern} OR ${agencies.nameOriginal} ILIKE ${pattern} OR ${agencies.abbreviation} ILIKE ${pattern})`,
    );
  }
  if (filter.state) conditions.push(eq(agencies.stateCode, filter.state));
  if (filter.kind) conditions.push(eq(agencies.kind, filter.kind));
  return executor
    .select({ agency: agencies, parentNameEn: parent.nameEn })
    .from(agencies)
    .leftJoin(parent, eq(parent.id, agencies.parentAgencyId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(agencies.stateCode), asc(agencies.nameEn))
    .limit(1000);
}

export async function findAgency(
  executor: Executor,
  id: string,
  forUpdate = false,
): Promise<AgencyRow | null> {
  const query = executor.select().from(agencies).where(eq(agencies.id, id));
  const rows = forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function insertAgency(executor: Executor, values: NewAgency): Promise<AgencyRow> {
  const rows = await executor.insert(agencies).values(values).returning();
  return rows[0]!;
}

export async function updateAgencyIfVersion(
  executor: Executor,
  id: string,
  version: number,
  patch: Partial<NewAgency>,
  now: Date,
) {
  const rows = await executor
    .update(agencies)
    .set({ ...patch, updatedAt: now, version: sql`${agencies.version} + 1` })
    .where(and(eq(agencies.id, id), eq(agencies.version, version)))
    .returning();
  return rows[0] ?? null;
}

/** True when making `parentId` the parent of `id` would create a cycle. */
export async function wouldCycle(executor: Executor, id: string, parentId: string): Promise<boolean> {
  const result = await executor.execute<{ found: boolean }>(sql`
    WITH RECURSIVE chain(id, parent) AS (
      SELECT id, parent_agency_id FROM agencies WHERE id = ${parentId}
      UNION ALL
      SELECT a.id, a.parent_agency_id FROM agencies a JOIN chain c ON a.id = c.parent
    )
    SELECT EXISTS (SELECT 1 FROM chain WHERE id = ${id}) AS found`);
  return result.rows[0]?.found ?? false;
}

// --- people and positions ------------------------------------------------------------------------

export type PositionWithAgency = PositionRow & {
  agencyNameEn: string;
  agencyNameRu: string;
  stateCode: StateCode;
};

export async function positionsOf(executor: Executor, personIds: string[]): Promise<PositionWithAgency[]> {
  if (personIds.length === 0) return [];
  const rows = await executor
    .select({
      position: positions,
      agencyNameEn: agencies.nameEn,
      agencyNameRu: agencies.nameRu,
      stateCode: agencies.stateCode,
    })
    .from(positions)
    .innerJoin(agencies, eq(agencies.id, positions.agencyId))
    .where(inArray(positions.personId, personIds))
    .orderBy(sql`coalesce(${positions.startOn}, '')`);
  return rows.map((row) => ({
    ...row.position,
    agencyNameEn: row.agencyNameEn,
    agencyNameRu: row.agencyNameRu,
    stateCode: row.stateCode,
  }));
}

/**
 * People by name (Latin or Cyrillic), state, agency, and who held a position on a date
 * with a title like the one asked ("Prosecutor General of X on date D").
 */
export async function listPeople(
  executor: Executor,
  filter: {
    q?: string | undefined;
    state?: string | undefined;
    agency?: string | undefined;
    on?: string | undefined;
    title?: string | undefined;
  },
): Promise<PersonRow[]> {
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = like(filter.q);
    conditions.push(sql`(${people.nameEn} ILIKE ${pattern} OR ${people.nameRu} ILIKE ${pattern})`);
  }
  const positionConditions: SQL[] = [];
  if (filter.state) positionConditions.push(sql`a.state_code = ${filter.state}`);
  if (filter.agency) positionConditions.push(sql`p.agency_id = ${filter.agency}`);
  if (filter.on) {
    positionConditions.push(
      sql`(p.start_on IS NULL OR p.start_on <= ${filter.on}) AND (p.end_on IS NULL OR p.end_on >= ${filter.on})`,
    );
  }
  if (filter.title) {
    const pattern = like(filter.title);
    positionConditions.push(sql`(p.title_en ILIKE ${pattern} OR p.title_ru ILIKE ${pattern})`);
  }
  if (positionConditions.length > 0) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM positions p JOIN agencies a ON a.id = p.agency_id WHERE p.person_id = ${people.id} AND ${sql.join(positionConditions, sql` AND `)})`,
    );
  }
  return executor
    .select()
    .from(people)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(people.nameEn))
    .limit(1000);
}

export async function findPerson(
  executor: Executor,
  id: string,
  forUpdate = false,
): Promise<PersonRow | null> {
  const query = executor.select().from(people).where(eq(people.id, id));
  const rows = forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function insertPerson(
  executor: Executor,
  values: typeof people.$inferInsert,
): Promise<PersonRow> {
  const rows = await executor.insert(people).values(values).returning();
  return rows[0]!;
}

export async function updatePersonIfVersion(
  executor: Executor,
  id: string,
  version: number,
  patch: Partial<typeof people.$inferInsert>,
  now: Date,
) {
  const rows = await executor
    .update(people)
    .set({ ...patch, updatedAt: now, version: sql`${people.version} + 1` })
    .where(and(eq(people.id, id), eq(people.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function bumpPerson(executor: Executor, id: string, now: Date): Promise<void> {
  await executor
    .update(people)
    .set({ updatedAt: now, version: sql`${people.version} + 1` })
    .where(eq(people.id, id));
}

export async function insertPosition(
  executor: Executor,
  values: typeof positions.$inferInsert,
): Promise<PositionRow> {
  const rows = await executor.insert(positions).values(values).returning();
  return rows[0]!;
}

export async function deletePosition(
  executor: Executor,
  personId: string,
  id: string,
): Promise<PositionRow | null> {
  const rows = await executor
    .delete(positions)
    .where(and(eq(positions.id, id), eq(positions.personId, personId)))
    .returning();
  return rows[0] ?? null;
}
