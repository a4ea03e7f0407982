import type { Database, Transaction } from "../../db/client.js";
import { appendAudit } from "../../db/platform/audit.repository.js";
import type { AuditDetails, AuditRecord } from "../../domain/platform/audit-chain.js";
import type { AuditOutcome, Role } from "../../domain/platform/vocabulary.js";
import type { Config } from "./config.js";
import { ConcealedError, ForbiddenError } from "./errors.js";
import type { Secrets } from "./secrets.js";

/** Who acts. Every audit entry names one of these. */
export type Actor =
  | { kind: "user"; userId: string; username: string; role: Role; sessionId: string }
  | { kind: "anonymous" }
  | { kind: "cli"; osUser: string }
  | { kind: "system" };

/** Where the request came from (CJIS AU-3 c, d). */
export type Origin = { requestId: string | null; sourceIp: string | null; userAgent: string | null };

/** What every operation may use. Built once per process. */
export type Services = {
  database: Database;
  secrets: Secrets;
  config: Config;
  clock: () => Date;
  /** Host name of this app server, recorded in audit entries. */
  node: string;
};

/**
 * What every operation is called with besides its own input: the services, who acts and
 * from where. Operations take one options object, `{ ...caller, ...input }`, never
 * positional arguments (a route builds the caller with `callerOf`).
 */
export type Caller = { services: Services; actor: Actor; origin: Origin };

/** For work that runs without a caller (loading reference data at start): the services and a progress line. */
export type BackgroundWorkOptions = {
  services: Services;
  /** Told what is being done, for the CLI's and the server's progress lines. */
  onProgress?: (message: string) => void;
};

export type AuditNote = {
  outcome?: AuditOutcome;
  objectType?: string | null;
  objectId?: string | null;
  details?: AuditDetails;
  /** For events about a user who is not (yet) the session's actor, such as a login. */
  subject?: { id: string; username: string; role: string; sessionId?: string | null };
};

export type OperationContext = {
  tx: Transaction;
  actor: Actor;
  origin: Origin;
  services: Services;
  /** The operation's clock reading, taken once so every timestamp in it agrees. */
  now: Date;
  /** Adds facts to this operation's single audit entry. */
  note(note: AuditNote): void;
};

export type OperationMeta = {
  /** The audit event type, such as "user.disabled". */
  eventType: string;
  objectType?: string;
  objectId?: string | null;
  actor: Actor;
  origin: Origin;
};

function actorColumns(actor: Actor) {
  switch (actor.kind) {
    case "user":
      return {
        actorId: actor.userId,
        actorRole: actor.role,
        actorUsername: actor.username,
        sessionId: actor.sessionId,
      };
    case "cli":
      return { actorId: null, actorRole: "cli", actorUsername: `cli:${actor.osUser}`, sessionId: null };
    case "system":
      return { actorId: null, actorRole: "system", actorUsername: "system", sessionId: null };
    case "anonymous":
      return { actorId: null, actorRole: null, actorUsername: null, sessionId: null };
  }
}

export function auditRecord(services: Services, meta: OperationMeta, note: AuditNote): AuditRecord {
  const actor = actorColumns(meta.actor);
  const subject = note.subject;
  return {
    eventType: meta.eventType,
    outcome: note.outcome ?? "success",
    actorId: subject ? subject.id : actor.actorId,
    actorRole: subject ? subject.role : actor.actorRole,
    actorUsername: subject ? subject.username : actor.actorUsername,
    sessionId: subject ? (subject.sessionId ?? null) : actor.sessionId,
    sourceIp: meta.origin.sourceIp,
    userAgent: meta.origin.userAgent?.slice(0, 512) ?? null,
    requestId: meta.origin.requestId,
    node: services.node,
    objectType: note.objectType !== undefined ? note.objectType : (meta.objectType ?? null),
    objectId: note.objectId !== undefined ? note.objectId : (meta.objectId ?? null),
    details: note.details ?? {},
  };
}

const RETRYABLE = new Set(["40001", "40P01"]);

function isRetryable(error: unknown): boolean {
  const code =
    (error as { code?: string; cause?: { code?: string } }).code ??
    (error as { cause?: { code?: string } }).cause?.code;
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * Runs one business operation in ONE database transaction and appends exactly one
 * audit entry in that same transaction (ARCHITECTURE.md §2). If the work or the audit
 * insert fails, nothing is committed (fail closed, CJIS AU-5). A refusal by a policy
 * (ForbiddenError) rolls the work back and is then recorded as a "denied" entry; so is
 * a refusal answered as "not found" to conceal the object (ConcealedError).
 * Serialisation failures and deadlocks are retried.
 */
export async function runOperation<T>(
  services: Services,
  meta: OperationMeta,
  work: (context: OperationContext) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await services.database.transaction(async (tx) => {
        const collected: AuditNote = {};
        const context: OperationContext = {
          tx,
          actor: meta.actor,
          origin: meta.origin,
          services,
          now: services.clock(),
          note(note) {
            Object.assign(collected, note, {
              details: { ...(collected.details ?? {}), ...(note.details ?? {}) },
            });
          },
        };
        const result = await work(context);
        await appendAudit(tx, services.secrets.auditChainKey, [auditRecord(services, meta, collected)]);
        return result;
      });
    } catch (error) {
      if (attempt < 4 && isRetryable(error)) continue;
      if (error instanceof ForbiddenError) {
        await recordEvent(services, meta, {
          outcome: "denied",
          details: { code: error.code },
        });
      }
      if (error instanceof ConcealedError) {
        await recordEvent(services, meta, {
          outcome: error.reason === "need_to_know" ? "denied" : "failure",
          details: { code: error.reason },
        });
      }
      throw error;
    }
  }
}

/** Records an event that changes nothing else (a refused request, a failed sign-in). */
export async function recordEvent(services: Services, meta: OperationMeta, note: AuditNote): Promise<void> {
  await services.database.transaction(async (tx) => {
    await appendAudit(tx, services.secrets.auditChainKey, [auditRecord(services, meta, note)]);
  });
}
