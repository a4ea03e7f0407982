import type { CaseDocumentMetadata } from "../../db/cases/case-documents.repository.js";
import type { CaseListRow, CaseRow, StoredCaseEvent } from "../../db/cases/cases.repository.js";
import type { CaseDocumentView, CaseEventView, CaseSummary, CaseView } from "../../domain/cases/schemas.js";
import { SERVER_ONLY_EVENT_TYPES } from "../../domain/cases/schemas.js";
import { allowedEventTypes } from "../../domain/cases/state-machine.js";
import type {
  CaseKind,
  CaseStatus,
  ConfidentialityLevel,
  Direction,
  Priority,
} from "../../domain/cases/vocabulary.js";

const SERVER_ONLY: readonly string[] = SERVER_ONLY_EVENT_TYPES;

/**
 * A case as the API shows it: its projection, with the id, the team's name, the stored
 * documents' sizes and types, the events a client may record now, and the deadlines.
 */
export function toCaseView(
  row: CaseRow,
  documents: readonly CaseDocumentMetadata[],
  teamName: string | null,
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
        kind: file.kind as CaseDocumentView["kind"],
        uploadedAt: file.uploadedAt.toISOString(),
      };
    }),
    team: row.teamId && teamName !== null ? { id: row.teamId, name: teamName } : null,
    allowedEventTypes: allowedEventTypes(projection).filter((type) => !SERVER_ONLY.includes(type)),
    nextDeadlineOn: row.nextDeadlineOn,
    deadlines: row.deadlines as unknown[],
  };
}

export function toCaseSummary(row: CaseListRow): CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    kind: row.kind as CaseKind,
    direction: row.direction as Direction,
    status: row.status as CaseStatus,
    priority: row.priority as Priority,
    confidentiality: row.confidentiality as ConfidentialityLevel,
    requestingState: row.requestingState,
    requestedState: row.requestedState,
    teamId: row.teamId,
    teamName: row.teamName,
    offenceCategory: row.offenceCategory,
    openedOn: row.openedOn,
    receivedOn: row.receivedOn,
    decidedOn: row.decidedOn,
    closedOn: row.closedOn,
    nextDeadlineOn: row.nextDeadlineOn,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toCaseEventView(event: StoredCaseEvent): CaseEventView {
  return {
    type: event.type,
    payload: event.payload as Record<string, unknown>,
    sequence: event.sequence,
    recordedAt: event.recordedAt,
    actorId: event.actorId,
    actor: event.actor,
  };
}
