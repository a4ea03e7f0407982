import { and, eq } from "drizzle-orm";
import type { Executor } from "../client.js";
import { idempotencyKeys } from "./idempotency-keys.table.js";

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

/**
 * Claims a key for a request inside the caller's transaction. The insert takes the key's
 * unique-index entry: a concurrent request with the same key waits here until this
 * transaction ends, then finds the stored response (or, after a rollback, claims the key
 * itself). Returns null when the key is new, else the row already stored.
 */
export async function claimIdempotencyKey(
  executor: Executor,
  values: { userId: string; key: string; route: string; requestHash: string; createdAt: Date },
): Promise<IdempotencyKeyRow | null> {
  const inserted = await executor.insert(idempotencyKeys).values(values).onConflictDoNothing().returning();
  if (inserted.length > 0) return null;
  const rows = await executor
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, values.userId), eq(idempotencyKeys.key, values.key)));
  return rows[0]!;
}

/** Stores the response that a repeat of the request gets back. */
export async function completeIdempotencyKey(
  executor: Executor,
  userId: string,
  key: string,
  response: { status: number; body: unknown },
): Promise<void> {
  await executor
    .update(idempotencyKeys)
    .set({ responseStatus: response.status, responseBody: response.body })
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
}
