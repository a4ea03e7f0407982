import type { CaseDocumentMetadata } from "../../db/cases/case-documents.repository.js";
import type { CaseListRow, CaseRow, StoredCaseEvent } from "../../db/cases/cases.repository.js";
import type { CaseDocumentView, CaseEventView, CaseSummary, CaseView } from "../../domain/cases/schemas.js";
import { SERVER_ONLY_EVENT_TYPES } from "../../domain/cases/schemas.js";
import { allowedEventTypes } from "../../domain/cases/state-machine.js";
import { instantOf } from "../../domain/platform/dates.js";
import type { CaseEvaluation } from "./evaluate-case.js";

const SERVER_ONLY: readonly string[] = SERVER_ONLY_EVENT_TYPES;

/**
 * A case as the API shows it: its projection, with the id, the team's name, the stored
 * documents' sizes and types, the events a client may record now, and what its rules say
 * today (the checker's findings and the deadlines).
 */
export function toCaseView(
  row: CaseRow,
  documents: readonly CaseDocumentMetadata[],
  teamName: string | null,
  evaluation: Pick<CaseEvaluation, "checker" | "deadlines">,
): CaseView {
  const projection = row.projection;
  const stored = new Map(documents.map((document) => [document.id, document]));
  return {
    ...projection,
    id: row.id,
    documents: projection.documents.map((document): CaseDocumentView => {
      const file = stored.get(document.documentId);
      // The event and the stored file are written in one transaction; one without the other is a fault.
      if (!file) throw new Error(`document ${document.documentId} of case ${row.id} is not in the store`);
      return {
        ...document,
        mediaType: file.mediaType,
        size: file.size,
        kind: file.kind,
        uploadedAt: instantOf(file.uploadedAt),
      };
    }),
    team: row.teamId && teamName !== null ? { id: row.teamId, name: teamName } : null,
    allowedEventTypes: allowedEventTypes(projection).filter((type) => !SERVER_ONLY.includes(type)),
    nextDeadlineOn: row.nextDeadlineOn,
    deadlines: evaluation.deadlines,
    checker: evaluation.checker,
  };
}

export function toCaseSummary(row: CaseListRow): CaseSummary {
  // The search rank orders the list; it is not part of the summary (a strict schema).
  const { rank: _rank, ...summary } = row;
  return { ...summary, updatedAt: instantOf(row.updatedAt) };
}

export function toCaseEventView(event: StoredCaseEvent): CaseEventView {
  return event;
}
