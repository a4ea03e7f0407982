import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { type Database, type Executor, prepared } from "../client.js";
import { sessions } from "./sessions.table.js";
import { users } from "./users.table.js";

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(
  executor: Executor,
  values: { tokenHash: Buffer; userId: string; now: Date; sourceIp: string | null; userAgent: string | null },
): Promise<SessionRow> {
  const rows = await executor
    .insert(sessions)
    .values({
      tokenHash: values.tokenHash,
      userId: values.userId,
      createdAt: values.now,
      lastSeenAt: values.now,
      sourceIp: values.sourceIp,
      userAgent: values.userAgent?.slice(0, 512) ?? null,
    })
    .returning();
  return rows[0]!;
}

/**
 * The session behind a cookie, with its user, in one query. Every request runs it, so
 * it is a prepared statement: built once, not on each request.
 */
export async function findSessionByTokenHash(database: Database, tokenHash: Buffer) {
  const lookup = prepared(database, "comity_session_by_token", (db) =>
    db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, sql.placeholder("tokenHash")))
      .prepare("comity_session_by_token"),
  );
  const rows = await lookup.execute({ tokenHash });
  return rows[0] ?? null;
}

export async function touchSession(executor: Executor, id: string, now: Date): Promise<void> {
  await executor.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

export async function endSession(executor: Executor, id: string, reason: string, now: Date): Promise<void> {
  await executor
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
}

/** Ends every open session of a user (logout everywhere, disable, password change). */
export async function endUserSessions(
  executor: Executor,
  userId: string,
  reason: string,
  now: Date,
  exceptSessionId?: string,
): Promise<number> {
  const conditions = [eq(sessions.userId, userId), isNull(sessions.endedAt)];
  if (exceptSessionId) conditions.push(ne(sessions.id, exceptSessionId));
  const rows = await executor
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(...conditions))
    .returning({ id: sessions.id });
  return rows.length;
}

/** A new token for the same session (after the second factor, ASVS 7.2.4). */
export async function rotateSessionToken(
  executor: Executor,
  id: string,
  tokenHash: Buffer,
  changes: { mfaVerifiedAt?: Date; now: Date },
): Promise<void> {
  await executor
    .update(sessions)
    .set({
      tokenHash,
      lastSeenAt: changes.now,
      ...(changes.mfaVerifiedAt ? { mfaVerifiedAt: changes.mfaVerifiedAt } : {}),
    })
    .where(eq(sessions.id, id));
}
