import { createHmac, type KeyObject, sign, timingSafeEqual, verify } from "node:crypto";
import { type CanonicalValue, canonicalJson } from "./canonical-json.js";
import type { AuditOutcome } from "./vocabulary.js";

/**
 * The audit trail is an append-only chain (SECURITY.md §3). Each entry is stored as the
 * exact canonical JSON that was authenticated, and
 *
 *   hash(n) = HMAC-SHA-256(chainKey, 0x01 ‖ hash(n-1) ‖ UTF-8(entry(n)))
 *
 * with hash(0) = 32 zero bytes. The chain key lives outside the database (derived from
 * COMITY_SECRET), so someone who can write to the database can neither forge an entry
 * nor recompute the chain after editing one. What a key-less attacker can still do is
 * cut off the tail and move the head back; that is caught against a checkpoint
 * (seq, hash) held outside the database. The leading byte names the scheme, so the
 * algorithm can change later without ambiguity.
 */
export const AUDIT_SCHEME = 0x01;
export const AUDIT_ENTRY_VERSION = 1;
export const GENESIS_HASH: Uint8Array = new Uint8Array(32);

export type AuditDetails = { readonly [key: string]: CanonicalValue | undefined };

/** What the code that records an event supplies (CJIS AU-3 a–f; ASVS 16.2.1). */
export type AuditRecord = {
  eventType: string;
  outcome: AuditOutcome;
  actorId: string | null;
  actorRole: string | null;
  actorUsername: string | null;
  sessionId: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  requestId: string | null;
  node: string;
  objectType: string | null;
  objectId: string | null;
  details: AuditDetails;
};

/** A stored entry: the record plus its place in the chain. */
export type AuditEntryFields = AuditRecord & { seq: number; ts: string };

export type ChainRow = AuditEntryFields & {
  entry: string;
  prevHash: Uint8Array;
  hash: Uint8Array;
};

export function buildEntry(fields: AuditEntryFields): string {
  return canonicalJson({
    v: AUDIT_ENTRY_VERSION,
    seq: fields.seq,
    ts: fields.ts,
    event_type: fields.eventType,
    outcome: fields.outcome,
    actor_id: fields.actorId,
    actor_role: fields.actorRole,
    actor_username: fields.actorUsername,
    session_id: fields.sessionId,
    source_ip: fields.sourceIp,
    user_agent: fields.userAgent,
    request_id: fields.requestId,
    node: fields.node,
    object_type: fields.objectType,
    object_id: fields.objectId,
    details: fields.details,
  });
}

export function chainHash(chainKey: Uint8Array, prevHash: Uint8Array, entry: string): Uint8Array {
  const mac = createHmac("sha256", chainKey);
  mac.update(Uint8Array.of(AUDIT_SCHEME));
  mac.update(prevHash);
  mac.update(entry, "utf8");
  return new Uint8Array(mac.digest());
}

export type AuditFailureReason =
  | "missing_entry"
  | "unexpected_seq"
  | "broken_link"
  | "hash_mismatch"
  | "column_mismatch"
  | "malformed_entry"
  | "head_mismatch"
  | "truncated"
  | "checkpoint_mismatch"
  | "checkpoint_signature_invalid";

export type AuditCheckpoint = { seq: number; hash: Uint8Array };

export type ChainReport = {
  ok: boolean;
  entriesChecked: number;
  lastSeq: number;
  lastHash: string;
  firstBad: { seq: number; reason: AuditFailureReason; detail: string } | null;
};

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

/** Every field that has a column must equal the same field inside the authenticated entry. */
function columnMismatch(row: ChainRow, parsed: Record<string, unknown>): string | null {
  const pairs: [string, unknown, unknown][] = [
    ["seq", row.seq, parsed.seq],
    ["ts", row.ts, parsed.ts],
    ["event_type", row.eventType, parsed.event_type],
    ["outcome", row.outcome, parsed.outcome],
    ["actor_id", row.actorId, parsed.actor_id],
    ["actor_role", row.actorRole, parsed.actor_role],
    ["actor_username", row.actorUsername, parsed.actor_username],
    ["session_id", row.sessionId, parsed.session_id],
    ["source_ip", row.sourceIp, parsed.source_ip],
    ["user_agent", row.userAgent, parsed.user_agent],
    ["request_id", row.requestId, parsed.request_id],
    ["node", row.node, parsed.node],
    ["object_type", row.objectType, parsed.object_type],
    ["object_id", row.objectId, parsed.object_id],
  ];
  for (const [name, column, inEntry] of pairs) {
    if (column !== inEntry) return name;
  }
  const details = parsed.details as CanonicalValue;
  if (canonicalJson(row.details) !== canonicalJson(details ?? null)) return "details";
  return null;
}

/**
 * Streams over the chain in seq order. Feed rows with push(); it stops looking after
 * the first failure, and finish() checks the head and any externally held checkpoints.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private previousHash: Uint8Array = GENESIS_HASH;
  private checked = 0;
  private failure: ChainReport["firstBad"] = null;
  private readonly seenCheckpointHashes = new Map<number, Uint8Array>();

  constructor(
    private readonly chainKey: Uint8Array,
    private readonly checkpoints: readonly AuditCheckpoint[] = [],
  ) {
    for (const checkpoint of checkpoints) this.seenCheckpointHashes.set(checkpoint.seq, checkpoint.hash);
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  push(row: ChainRow): boolean {
    if (this.failure) return false;
    const fail = (seq: number, reason: AuditFailureReason, detail: string) => {
      this.failure = { seq, reason, detail };
      return false;
    };
    if (row.seq !== this.expectedSeq) {
      return row.seq > this.expectedSeq
        ? fail(
            this.expectedSeq,
            "missing_entry",
            `entry ${this.expectedSeq} is missing; next stored is ${row.seq}`,
          )
        : fail(row.seq, "unexpected_seq", `entry ${row.seq} appears after ${this.expectedSeq - 1}`);
    }
    if (!sameBytes(row.prevHash, this.previousHash)) {
      return fail(row.seq, "broken_link", "prev_hash does not equal the previous entry's hash");
    }
    const recomputed = chainHash(this.chainKey, this.previousHash, row.entry);
    if (!sameBytes(recomputed, row.hash)) {
      return fail(row.seq, "hash_mismatch", "the stored hash does not authenticate the stored entry");
    }
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(row.entry) as Record<string, unknown>;
    } catch {
      return fail(row.seq, "malformed_entry", "the entry is not JSON");
    }
    const column = columnMismatch(row, parsed);
    if (column)
      return fail(row.seq, "column_mismatch", `column ${column} differs from the authenticated entry`);
    const held = this.seenCheckpointHashes.get(row.seq);
    if (held && !sameBytes(held, row.hash)) {
      return fail(row.seq, "checkpoint_mismatch", "the entry differs from the externally held checkpoint");
    }
    this.previousHash = row.hash;
    this.expectedSeq += 1;
    this.checked += 1;
    return true;
  }

  finish(head: { seq: number; hash: Uint8Array }): ChainReport {
    const lastSeq = this.expectedSeq - 1;
    if (!this.failure) {
      const beyond = this.checkpoints.filter((checkpoint) => checkpoint.seq > lastSeq);
      if (beyond.length > 0) {
        const furthest = Math.max(...beyond.map((checkpoint) => checkpoint.seq));
        this.failure = {
          seq: lastSeq + 1,
          reason: "truncated",
          detail: `a held checkpoint covers entry ${furthest} but the chain ends at ${lastSeq}`,
        };
      } else if (head.seq !== lastSeq || !sameBytes(head.hash, this.previousHash)) {
        this.failure = {
          seq: head.seq > lastSeq ? lastSeq + 1 : head.seq < lastSeq ? head.seq + 1 : head.seq,
          reason: head.seq > lastSeq ? "truncated" : "head_mismatch",
          detail:
            head.seq === lastSeq
              ? `the head's hash differs from entry ${lastSeq}'s`
              : `the head records entry ${head.seq} but the chain ends at ${lastSeq}`,
        };
      }
    }
    return {
      ok: this.failure === null,
      entriesChecked: this.checked,
      lastSeq,
      lastHash: toHex(this.previousHash),
      firstBad: this.failure,
    };
  }
}

/**
 * A checkpoint: the head (seq, hash) at a moment, signed with an Ed25519 key that is not
 * in the database, and kept outside it (a file on another volume, the log stream, the
 * audit officer's records). Against it, cutting off the tail of the chain is detected.
 */
export type SignedCheckpoint = { seq: number; hash: string; ts: string; keyId: string; signature: string };

function checkpointMessage(checkpoint: Omit<SignedCheckpoint, "signature">): Buffer {
  return Buffer.from(
    `comity-audit-checkpoint/v1\n${checkpoint.keyId}\n${checkpoint.seq}\n${checkpoint.hash}\n${checkpoint.ts}`,
    "utf8",
  );
}

export function signCheckpoint(
  privateKey: KeyObject,
  checkpoint: Omit<SignedCheckpoint, "signature">,
): SignedCheckpoint {
  return {
    ...checkpoint,
    signature: sign(null, checkpointMessage(checkpoint), privateKey).toString("base64"),
  };
}

export function checkpointSignatureValid(publicKey: KeyObject, checkpoint: SignedCheckpoint): boolean {
  try {
    return verify(
      null,
      checkpointMessage(checkpoint),
      publicKey,
      Buffer.from(checkpoint.signature, "base64"),
    );
  } catch {
    return false;
  }
}
