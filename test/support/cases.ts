import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { insertCaseDocument } from "../../src/db/cases/case-documents.repository.js";
import {
  type CaseRow,
  caseColumns,
  findCaseById,
  insertCase,
  insertCaseEvent,
  rewriteCase,
} from "../../src/db/cases/cases.repository.js";
import { insertTeam, insertTeamMember } from "../../src/db/platform/teams.repository.js";
import { users } from "../../src/db/platform/users.table.js";
import {
  type CaseEvent,
  type CaseEventType,
  caseFactsSchema,
  caseHeaderSchema,
} from "../../src/domain/cases/model.js";
import { applyEvent } from "../../src/domain/cases/projection.js";
import type { ConfidentialityLevel } from "../../src/domain/cases/vocabulary.js";
import { dayIn, instantOf } from "../../src/domain/platform/dates.js";
import type { TestApp } from "./app.js";
import { type CaseEventPayloadInput, eventInput } from "./cases-fixtures.js";
import { SAMPLE_DOCUMENTS } from "./documents.js";

let counter = 0;
const next = () => {
  counter += 1;
  return counter;
};

/** A unique, well-formed case reference. */
export function newReference(prefix = "TEST"): string {
  return `${prefix}-${next()}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
}

/** A header a case officer would write for an incoming MLA request, with overrides. */
export function caseHeader(overrides: Record<string, unknown> = {}) {
  return {
    kind: "mla",
    direction: "incoming",
    reference: newReference(),
    requestingState: "KH",
    requestedState: "RU",
    title: "Request for bank records of a suspected fraudster",
    ...overrides,
  };
}

/**
 * Teams, memberships, clearances and cases made directly in the database (fixtures, not
 * the API under test). A case is its `opened` event and the row projected from it, the
 * same shape the API makes; further events go through the domain's applyEvent.
 */
export function caseFixtures(t: TestApp) {
  const database = t.services.database;
  return {
    async team(name = `Team ${next()} ${Math.random().toString(36).slice(2, 6)}`) {
      const now = t.clock.now();
      return insertTeam(database, { name, createdAt: now, updatedAt: now });
    },
    async member(teamId: string, userId: string) {
      await insertTeamMember(database, teamId, userId, t.clock.now());
    },
    async clearance(userId: string, clearance: ConfidentialityLevel) {
      await database.update(users).set({ clearance }).where(eq(users.id, userId));
    },
    async freshCase(
      header: Record<string, unknown> = {},
      facts: Record<string, unknown> = {},
    ): Promise<CaseRow> {
      const opened = {
        type: "opened",
        payload: { header: caseHeaderSchema.parse(caseHeader(header)), facts: caseFactsSchema.parse(facts) },
        sequence: 1,
        recordedAt: instantOf(t.clock.now()),
        actorId: null,
      } as CaseEvent;
      const row = await insertCase(database, caseColumns(applyEvent(null, opened)), t.clock.now());
      await insertCaseEvent(database, row.id, opened);
      return row;
    },
    /**
     * Appends an event as the server would (the state machine must accept it). The payload
     * is written as a client sends it, dates and state codes as plain strings, and parsed
     * with the event's schema.
     */
    async append<T extends CaseEventType>(
      caseId: string,
      input: { type: T; payload: CaseEventPayloadInput<T> },
    ): Promise<CaseRow> {
      const row = (await findCaseById(database, caseId))!;
      const event = {
        ...eventInput(input.type, input.payload),
        sequence: row.version + 1,
        recordedAt: instantOf(t.clock.now()),
        actorId: null,
      } as CaseEvent;
      await insertCaseEvent(database, caseId, event);
      return rewriteCase(database, caseId, caseColumns(applyEvent(row.projection, event)), t.clock.now());
    },
    /** A case with one stored PDF; returns the case and the document's id. */
    async caseWithDocument(header: Record<string, unknown> = {}) {
      const kase = await this.freshCase(header);
      const content = SAMPLE_DOCUMENTS.pdf;
      const sha256 = createHash("sha256").update(content).digest("hex");
      const documentId = randomUUID();
      await insertCaseDocument(database, {
        id: documentId,
        caseId: kase.id,
        name: "request.pdf",
        mediaType: "application/pdf",
        size: content.length,
        sha256,
        content,
        uploadedBy: null,
        uploadedAt: t.clock.now(),
        kind: "uploaded",
      });
      const row = await this.append(kase.id, {
        type: "document_added",
        payload: { on: dayIn("UTC", t.clock.now()), documentId, name: "request.pdf", sha256 },
      });
      return { kase: row, documentId, sha256 };
    },
  };
}
export type CaseFixtures = ReturnType<typeof caseFixtures>;
