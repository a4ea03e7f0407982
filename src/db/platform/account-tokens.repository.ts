import { and, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "../client.js";
import { accountTokens } from "./account-tokens.table.js";

export type AccountTokenPurpose = "setup" | "invitation";

export async function insertAccountToken(
  executor: Executor,
  values: {
    tokenHash: Buffer;
    purpose: AccountTokenPurpose;
    userId: string | null;
    createdBy: string | null;
    now: Date;
    expiresAt: Date;
  },
) {
  const rows = await executor
    .insert(accountTokens)
    .values({
      tokenHash: values.tokenHash,
      purpose: values.purpose,
      userId: values.userId,
      createdBy: values.createdBy,
      createdAt: values.now,
      expiresAt: values.expiresAt,
    })
    .returning();
  return rows[0]!;
}

/** An unused, unrevoked, unexpired token, locked for the caller's transaction. */
export async function findUsableAccountToken(
  executor: Executor,
  tokenHash: Buffer,
  purpose: AccountTokenPurpose,
  now: Date,
) {
  const rows = await executor
    .select()
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.tokenHash, tokenHash),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .for("update");
  return rows[0] ?? null;
}

export async function markAccountTokenUsed(executor: Executor, id: string, now: Date): Promise<void> {
  await executor.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.id, id));
}

/** Revokes the open tokens of one purpose, for one user or (userId null) for the setup link. */
export async function revokeAccountTokens(
  executor: Executor,
  purpose: AccountTokenPurpose,
  userId: string | null,
  now: Date,
): Promise<void> {
  await executor
    .update(accountTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(accountTokens.purpose, purpose),
        userId ? eq(accountTokens.userId, userId) : isNull(accountTokens.userId),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
      ),
    );
}
