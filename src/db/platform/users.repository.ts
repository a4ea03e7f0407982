import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { users } from "./users.table.js";

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type UserPatch = Partial<Omit<UserRow, "id" | "createdAt" | "version">>;

export async function findUserByUsername(executor: Executor, username: string, forUpdate = false) {
  const query = executor.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
  const rows = forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function findUserById(executor: Executor, id: string, forUpdate = false) {
  const query = executor.select().from(users).where(eq(users.id, id));
  const rows = forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function insertUser(executor: Executor, values: NewUser): Promise<UserRow> {
  const rows = await executor.insert(users).values(values).returning();
  return rows[0]!;
}

/** Every change bumps the version, which is the ETag clients send back in If-Match. */
export async function updateUser(
  executor: Executor,
  id: string,
  patch: UserPatch,
  now: Date,
): Promise<UserRow> {
  const rows = await executor
    .update(users)
    .set({ ...patch, updatedAt: now, version: sql`${users.version} + 1` })
    .where(eq(users.id, id))
    .returning();
  return rows[0]!;
}

/** Compare-and-set on the version: null when someone else changed the row meanwhile. */
export async function updateUserIfVersion(
  executor: Executor,
  id: string,
  version: number,
  patch: UserPatch,
  now: Date,
): Promise<UserRow | null> {
  const rows = await executor
    .update(users)
    .set({ ...patch, updatedAt: now, version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  return rows[0] ?? null;
}

export function listUsers(executor: Executor) {
  return executor.select().from(users).orderBy(asc(users.username));
}

export async function countUsers(executor: Executor): Promise<number> {
  const rows = await executor.select({ value: count() }).from(users);
  return rows[0]?.value ?? 0;
}

/** Administrators who can still sign in: not disabled. */
export async function countActiveAdministrators(executor: Executor): Promise<number> {
  const rows = await executor
    .select({ value: count() })
    .from(users)
    .where(and(eq(users.role, "administrator"), isNull(users.disabledAt)));
  return rows[0]?.value ?? 0;
}

/**
 * Sign-in bookkeeping (failure counters, lock, second factor, password, last login).
 * It does not bump the version: an administrator editing the account should not get
 * a conflict because the user signed in meanwhile.
 */
export async function setUserAuthState(executor: Executor, id: string, patch: UserPatch): Promise<UserRow> {
  const rows = await executor.update(users).set(patch).where(eq(users.id, id)).returning();
  return rows[0]!;
}
