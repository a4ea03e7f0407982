import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../client.js";
import { caseDocuments } from "./cases.table.js";

export type CaseDocumentRow = typeof caseDocuments.$inferSelect;
export type CaseDocumentMetadata = Omit<CaseDocumentRow, "content">;

export async function insertCaseDocument(
  executor: Executor,
  values: typeof caseDocuments.$inferInsert,
): Promise<CaseDocumentMetadata> {
  const rows = await executor.insert(caseDocuments).values(values).returning({
    id: caseDocuments.id,
    caseId: caseDocuments.caseId,
    name: caseDocuments.name,
    mediaType: caseDocuments.mediaType,
    size: caseDocuments.size,
    sha256: caseDocuments.sha256,
    uploadedBy: caseDocuments.uploadedBy,
    uploadedAt: caseDocuments.uploadedAt,
    kind: caseDocuments.kind,
  });
  return rows[0]!;
}

/** The documents of a case without their bytes: what a case view lists. */
export async function listCaseDocuments(executor: Executor, caseId: string): Promise<CaseDocumentMetadata[]> {
  return executor
    .select({
      id: caseDocuments.id,
      caseId: caseDocuments.caseId,
      name: caseDocuments.name,
      mediaType: caseDocuments.mediaType,
      size: caseDocuments.size,
      sha256: caseDocuments.sha256,
      uploadedBy: caseDocuments.uploadedBy,
      uploadedAt: caseDocuments.uploadedAt,
      kind: caseDocuments.kind,
    })
    .from(caseDocuments)
    .where(eq(caseDocuments.caseId, caseId))
    .orderBy(asc(caseDocuments.uploadedAt));
}

/** One document with its bytes, only within its own case: an id from another case finds nothing. */
export async function findCaseDocument(
  executor: Executor,
  caseId: string,
  id: string,
): Promise<CaseDocumentRow | null> {
  const rows = await executor
    .select()
    .from(caseDocuments)
    .where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.id, id)));
  return rows[0] ?? null;
}
