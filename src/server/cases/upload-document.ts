import { createHash } from "node:crypto";
import { insertCaseDocument } from "../../db/cases/case-documents.repository.js";
import { cleanDocumentName, identifyDocument } from "../../domain/cases/document-types.js";
import type { CaseView } from "../../domain/cases/schemas.js";
import type { UploadedFile } from "../../domain/platform/schemas.js";
import { AppError, preconditionFailed } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { loadCaseActor, openCase } from "./authorize.js";
import { loadCaseView } from "./case-view.js";
import { recordCaseEvent } from "./record-event.js";

export type UploadDocumentOptions = Caller & {
  reference: string;
  /** The version the client read (If-Match), or null when it sent none. */
  expectedVersion: number | null;
  file: UploadedFile;
};

/**
 * Stores a document in a case with the SHA-256 of its bytes, and records it in the
 * stream (`document_added`, written by the server), in one transaction. Only the kinds
 * of document on the list are accepted, and only if the bytes are what the name says
 * (415). If-Match is optional: documents add to a case without contradicting anything,
 * but a client that sends it gets the usual 412 when the case moved on.
 */
export async function uploadDocument({
  services,
  actor,
  origin,
  reference,
  expectedVersion,
  file,
}: UploadDocumentOptions): Promise<CaseView> {
  return runOperation(
    services,
    { eventType: "case.document_uploaded", objectType: "case", objectId: reference, actor, origin },
    async (context) => {
      const caseActor = await loadCaseActor(context);
      const row = await openCase(context, caseActor, reference, "write");
      if (expectedVersion !== null && row.version !== expectedVersion) throw preconditionFailed(row.version);
      const name = cleanDocumentName(file.filename);
      const identified = identifyDocument(name, file.content);
      if (!identified.ok) {
        throw new AppError(415, identified.code, identified.message, [
          { path: "body.file", message: identified.message },
        ]);
      }
      const content = Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength);
      const sha256 = createHash("sha256").update(content).digest("hex");
      const document = await insertCaseDocument(context.tx, {
        caseId: row.id,
        name,
        mediaType: identified.mediaType,
        size: content.length,
        sha256,
        content,
        uploadedBy: caseActor.userId,
        uploadedAt: context.now,
        kind: "uploaded",
      });
      const { row: updated, event } = await recordCaseEvent(
        context,
        row,
        {
          type: "document_added",
          payload: { on: officeToday(context.services, context.now), documentId: document.id, name, sha256 },
        },
        caseActor.userId,
      );
      context.note({
        details: {
          reference: row.reference,
          documentId: document.id,
          name,
          mediaType: identified.mediaType,
          size: content.length,
          sha256,
          sequence: event.sequence,
        },
      });
      return loadCaseView(context, updated);
    },
  );
}
