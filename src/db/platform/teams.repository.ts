import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { teamMembers, teams } from "./teams.table.js";
import { users } from "./users.table.js";

export type TeamRow = typeof teams.$inferSelect;
export type NewTeam = typeof teams.$inferInsert;
export type TeamMemberRow = { teamId: string; userId: string; username: string; displayName: string };

export async function listTeams(executor: Executor): Promise<TeamRow[]> {
  return executor.select().from(teams).orderBy(asc(teams.name));
}

/** The members of every team (or of one), with the names the web app shows. */
export async function listTeamMembers(executor: Executor, teamId?: string): Promise<TeamMemberRow[]> {
  return executor
    .select({
      teamId: teamMembers.teamId,
      userId: teamMembers.userId,
      username: users.username,
      displayName: users.displayName,
    })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(teamId ? eq(teamMembers.teamId, teamId) : undefined)
    .orderBy(asc(users.username));
}

export async function findTeam(executor: Executor, id: string, forUpdate = false): Promise<TeamRow | null> {
  const query = executor.select().from(teams).where(eq(teams.id, id));
  const rows = forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function findTeamByName(executor: Executor, name: string): Promise<TeamRow | null> {
  const rows = await executor.select().from(teams).where(sql`lower(${teams.name}) = lower(${name})`);
  return rows[0] ?? null;
}

export async function insertTeam(executor: Executor, values: NewTeam): Promise<TeamRow> {
  const rows = await executor.insert(teams).values(values).returning();
  return rows[0]!;
}

/** Compare-and-set on the version; a membership change bumps it too. */
export async function updateTeamIfVersion(
  executor: Executor,
  id: string,
  version: number,
  patch: Partial<Pick<NewTeam, "name" | "description">>,
  now: Date,
): Promise<TeamRow | null> {
  const rows = await executor
    .update(teams)
    .set({ ...patch, updatedAt: now, version: sql`${teams.version} + 1` })
    .where(and(eq(teams.id, id), eq(teams.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function bumpTeam(executor: Executor, id: string, now: Date): Promise<TeamRow> {
  const rows = await executor
    .update(teams)
    .set({ updatedAt: now, version: sql`${teams.version} + 1` })
    .where(eq(teams.id, id))
    .returning();
  return rows[0]!;
}

/** False when the user already was a member. */
export async function insertTeamMember(
  executor: Executor,
  teamId: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const rows = await executor
    .insert(teamMembers)
    .values({ teamId, userId, addedAt: now })
    .onConflictDoNothing()
    .returning();
  return rows.length > 0;
}

/** False when the user was not a member. */
export async function deleteTeamMember(executor: Executor, teamId: string, userId: string): Promise<boolean> {
  const rows = await executor
    .delete(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
    .returning();
  return rows.length > 0;
}

/** The teams a user belongs to: read on every case request, never cached (ASVS 8.3.2). */
export async function teamIdsOf(executor: Executor, userId: string): Promise<string[]> {
  const rows = await executor
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(eq(teamMembers.userId, userId));
  return rows.map((row) => row.teamId);
}
