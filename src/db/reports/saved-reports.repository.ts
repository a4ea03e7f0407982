import { and, asc, eq, or, sql } from "drizzle-orm";
import type { ReportQuery } from "../../domain/reports/schemas.js";
import type { Executor } from "../client.js";
import { users } from "../platform/users.table.js";
import { savedReports } from "./reports.table.js";

/**
 * Saved reports: a name and a report query, owned by a user, shared with every reader of
 * reports or not. Who may see or change one is src/server/reports/saved-report.policy.ts.
 */

export type SavedReportRow = typeof savedReports.$inferSelect & { ownerDisplayName: string };

const COLUMNS = {
  id: savedReports.id,
  ownerId: savedReports.ownerId,
  name: savedReports.name,
  query: savedReports.query,
  shared: savedReports.shared,
  version: savedReports.version,
  createdAt: savedReports.createdAt,
  updatedAt: savedReports.updatedAt,
  ownerDisplayName: users.displayName,
};

/** The reader's own reports and every shared one, by name. */
export async function listSavedReports(executor: Executor, readerId: string): Promise<SavedReportRow[]> {
  return executor
    .select(COLUMNS)
    .from(savedReports)
    .innerJoin(users, eq(users.id, savedReports.ownerId))
    .where(or(eq(savedReports.ownerId, readerId), eq(savedReports.shared, true)))
    .orderBy(asc(savedReports.name), asc(savedReports.id));
}

/** One saved report, locked for the transaction when it is to be changed. */
export async function findSavedReport(
  executor: Executor,
  id: string,
  forUpdate = false,
): Promise<SavedReportRow | null> {
  const query = executor
    .select(COLUMNS)
    .from(savedReports)
    .innerJoin(users, eq(users.id, savedReports.ownerId))
    .where(eq(savedReports.id, id));
  const rows = forUpdate ? await query.for("update", { of: savedReports }) : await query;
  return rows[0] ?? null;
}

export async function insertSavedReport(
  executor: Executor,
  values: { ownerId: string; name: string; query: ReportQuery; shared: boolean; now: Date },
): Promise<string> {
  const [row] = await executor
    .insert(savedReports)
    .values({
      ownerId: values.ownerId,
      name: values.name,
      query: values.query,
      shared: values.shared,
      createdAt: values.now,
      updatedAt: values.now,
    })
    .returning({ id: savedReports.id });
  return row!.id;
}

export async function updateSavedReport(
  executor: Executor,
  id: string,
  changes: { name?: string; query?: ReportQuery; shared?: boolean; now: Date },
): Promise<void> {
  const { now, ...set } = changes;
  await executor
    .update(savedReports)
    .set({ ...set, version: sql`${savedReports.version} + 1`, updatedAt: now })
    .where(eq(savedReports.id, id));
}

export async function deleteSavedReport(executor: Executor, id: string, ownerId: string): Promise<void> {
  await executor.delete(savedReports).where(and(eq(savedReports.id, id), eq(savedReports.ownerId, ownerId)));
}
