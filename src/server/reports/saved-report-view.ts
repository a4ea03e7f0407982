import { findSavedReport, type SavedReportRow } from "../../db/reports/saved-reports.repository.js";
import { instantOf } from "../../domain/platform/dates.js";
import type { ReportQuery, SavedReport } from "../../domain/reports/schemas.js";
import { ConcealedError, forbidden, unauthorized } from "../platform/errors.js";
import type { OperationContext } from "../platform/operation.js";
import { loadReportReader } from "./authorize.js";
import { decideSavedReportAction } from "./saved-report.policy.js";

/** Saved reports belong to users: the reader's id, once their role is checked (reports.read). */
export async function loadSavedReportReader(context: OperationContext): Promise<string> {
  if (context.actor.kind !== "user") throw unauthorized();
  await loadReportReader(context);
  return context.actor.userId;
}

/** The saved report `id`, if the reader may do `action` on it; one they may not see answers 404. */
export async function openSavedReport(
  context: OperationContext,
  readerId: string,
  id: string,
  action: "read" | "write",
): Promise<SavedReportRow> {
  const row = await findSavedReport(context.tx, id, action === "write");
  if (!row) throw new ConcealedError("saved report", "not_found");
  const decision = decideSavedReportAction(readerId, action, row);
  if (!decision.allowed) {
    if (decision.conceal) throw new ConcealedError("saved report", "need_to_know");
    throw forbidden(decision.code, decision.message);
  }
  context.note({ objectId: row.id });
  return row;
}

export function savedReportView(row: SavedReportRow, readerId: string): SavedReport {
  return {
    id: row.id,
    name: row.name,
    query: row.query as ReportQuery,
    shared: row.shared,
    version: row.version,
    owner: { id: row.ownerId, displayName: row.ownerDisplayName },
    mine: row.ownerId === readerId,
    createdAt: instantOf(row.createdAt),
    updatedAt: instantOf(row.updatedAt),
  };
}
