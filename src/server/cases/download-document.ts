import { createHash } from "node:crypto";
import { findCaseDocument } from "../../db/cases/case-documents.repository.js";
import { AppError, notFound } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { loadCaseActor, openCase } from "./authorize.js";

export type DownloadDocumentOptions = Caller & { reference: string; documentId: string };

export type DownloadedDocument = { name: string; mediaType: string; sha256: string; content: Buffer };

/** The stored bytes do not hash to the SHA-256 taken at upload: they changed since. */
export const documentCorrupted = () =>
  new AppError(
    500,
    "document_corrupted",
    "The stored document does not match the fingerprint taken when it was uploaded; it is withheld. The audit trail records the mismatch.",
  );

/**
 * A document of a case, if the user may read the case. The bytes are hashed on the way
 * out and compared with the SHA-256 taken at upload: a document changed in the store
 * (bypassing the triggers that forbid it) is not served, and the mismatch is recorded.
 */
export async function downloadDocument({
  services,
  actor,
  origin,
  reference,
  documentId,
}: DownloadDocumentOptions): Promise<DownloadedDocument> {
  const outcome = await runOperation(
    services,
    { eventType: "case.document_downloaded", objectType: "case", objectId: reference, actor, origin },
    async (context) => {
      const row = await openCase(context, await loadCaseActor(context), reference, "read");
      const document = await findCaseDocument(context.tx, row.id, documentId);
      if (!document) throw notFound("document");
      const actual = createHash("sha256").update(document.content).digest("hex");
      const details = { reference: row.reference, documentId, name: document.name, sha256: document.sha256 };
      if (actual !== document.sha256) {
        // Committed with the rest of the entry: the mismatch must be on record, the bytes must not go out.
        context.note({
          outcome: "error",
          details: { ...details, code: "document_corrupted", actualSha256: actual },
        });
        return { corrupted: true as const };
      }
      context.note({ details });
      return {
        corrupted: false as const,
        document: {
          name: document.name,
          mediaType: document.mediaType,
          sha256: document.sha256,
          content: document.content,
        },
      };
    },
  );
  if (outcome.corrupted) throw documentCorrupted();
  return outcome.document;
}
