import type { ErrorCodeOf } from "../../domain/platform/vocabulary.js";

/**
 * Who sees and changes a saved report. Read as sentences:
 * - a reader of reports (reports.read) sees the reports they saved and every shared one;
 * - a report another user saved and did not share does not exist for them (404, as if
 *   there were none);
 * - only its owner renames, changes, shares or unshares and deletes a report; a shared one
 *   is read-only to everyone else (403);
 * - the figures of a saved report are computed anew for whoever opens it: saving keeps the
 *   query, never the figures.
 */

export type SavedReportPlacement = { ownerId: string; shared: boolean };

export type SavedReportDecision =
  | { allowed: true }
  | { allowed: false; conceal: true }
  | { allowed: false; conceal: false; code: ErrorCodeOf<403>; message: string };

export function maySeeSavedReport(readerId: string, report: SavedReportPlacement): boolean {
  return report.ownerId === readerId || report.shared;
}

export function decideSavedReportAction(
  readerId: string,
  action: "read" | "write",
  report: SavedReportPlacement,
): SavedReportDecision {
  if (!maySeeSavedReport(readerId, report)) return { allowed: false, conceal: true };
  if (action === "write" && report.ownerId !== readerId)
    return {
      allowed: false,
      conceal: false,
      code: "forbidden",
      message: "Only the user who saved this report may change or delete it.",
    };
  return { allowed: true };
}
