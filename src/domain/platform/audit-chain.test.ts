import { generateKeyPairSync, randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AuditRecord,
  buildEntry,
  type ChainRow,
  ChainVerifier,
  chainHash,
  checkpointSignatureValid,
  GENESIS_HASH,
  signCheckpoint,
  toHex,
} from "./audit-chain.js";

const KEY = new Uint8Array(randomBytes(32));

const recordArbitrary: fc.Arbitrary<AuditRecord> = fc.record({
  eventType: fc.constantFrom("auth.login", "user.created", "user.disabled", "audit.read", "access.denied"),
  outcome: fc.constantFrom("success", "failure", "denied", "error"),
  actorId: fc.option(fc.uuid(), { nil: null }),
  actorRole: fc.option(fc.constantFrom("administrator", "auditor", "registrar"), { nil: null }),
  actorUsername: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: null }),
  sessionId: fc.option(fc.uuid(), { nil: null }),
  sourceIp: fc.option(fc.ipV4(), { nil: null }),
  userAgent: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
  requestId: fc.option(fc.uuid(), { nil: null }),
  node: fc.constant("node-1"),
  objectType: fc.option(fc.constantFrom("user", "session", "route"), { nil: null }),
  objectId: fc.option(fc.string({ minLength: 1, maxLength: 36 }), { nil: null }),
  details: fc.dictionary(
    fc.string({ minLength: 1, maxLength: 8 }),
    fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null)),
    { maxKeys: 4 },
  ),
});

function buildChain(
  records: AuditRecord[],
  key = KEY,
): { rows: ChainRow[]; head: { seq: number; hash: Uint8Array } } {
  let previous = GENESIS_HASH;
  const rows = records.map((record, index) => {
    const seq = index + 1;
    const ts = new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString().replace("Z", "000Z");
    const entry = buildEntry({ ...record, seq, ts });
    const hash = chainHash(key, previous, entry);
    const row: ChainRow = { ...record, seq, ts, entry, prevHash: previous, hash };
    previous = hash;
    return row;
  });
  return { rows, head: { seq: rows.length, hash: previous } };
}

function verify(
  rows: ChainRow[],
  head: { seq: number; hash: Uint8Array },
  checkpoints: { seq: number; hash: Uint8Array }[] = [],
) {
  const verifier = new ChainVerifier(KEY, checkpoints);
  for (const row of rows) if (!verifier.push(row)) break;
  return verifier.finish(head);
}

type Mutation =
  | { kind: "edit_entry"; at: number }
  | { kind: "edit_column"; at: number }
  | { kind: "delete"; at: number }
  | { kind: "swap"; at: number; with: number }
  | { kind: "insert_forged"; at: number }
  | { kind: "truncate_tail"; from: number }
  | { kind: "recompute_from"; at: number }
  | { kind: "replace_head"; seq: number };

/** Applies one mutation and returns the tampered chain and the seq the verifier must name. */
function mutate(chain: ReturnType<typeof buildChain>, mutation: Mutation) {
  const rows = chain.rows.map((row) => ({ ...row }));
  let head = { ...chain.head };
  const n = rows.length;
  switch (mutation.kind) {
    case "edit_entry": {
      const row = rows[mutation.at - 1]!;
      row.entry = row.entry.replace(
        /"outcome":"(\w+)"/,
        (_match, outcome) => `"outcome":"${outcome === "success" ? "failure" : "success"}"`,
      );
      return { rows, head, expected: mutation.at };
    }
    case "edit_column": {
      rows[mutation.at - 1]!.actorUsername = `${rows[mutation.at - 1]!.actorUsername ?? ""}x`;
      return { rows, head, expected: mutation.at };
    }
    case "delete":
      rows.splice(mutation.at - 1, 1);
      return { rows, head, expected: mutation.at };
    case "swap": {
      const [i, j] = [Math.min(mutation.at, mutation.with), Math.max(mutation.at, mutation.with)];
      const a = rows[i - 1]!;
      const b = rows[j - 1]!;
      rows[i - 1] = { ...b, seq: i };
      rows[j - 1] = { ...a, seq: j };
      return { rows, head, expected: i };
    }
    case "insert_forged": {
      // The forger knows everything but the key: they make a well-formed entry and
      // hash it with a key of their own, then renumber the rows after it.
      const seq = mutation.at;
      const prevHash = seq === 1 ? GENESIS_HASH : rows[seq - 2]!.hash;
      const forgedRecord = { ...rows[0]!, eventType: "user.created", outcome: "success" as const };
      const ts = rows[seq - 1]?.ts ?? rows[n - 1]!.ts;
      const entry = buildEntry({ ...forgedRecord, seq, ts });
      const forged: ChainRow = {
        ...forgedRecord,
        seq,
        ts,
        entry,
        prevHash,
        hash: chainHash(randomBytes(32), prevHash, entry),
      };
      const shifted = rows.slice(seq - 1).map((row) => ({ ...row, seq: row.seq + 1 }));
      const result = [...rows.slice(0, seq - 1), forged, ...shifted];
      head = { seq: n + 1, hash: result.at(-1)!.hash };
      return { rows: result, head, expected: seq };
    }
    case "truncate_tail": {
      const kept = rows.slice(0, mutation.from - 1);
      head = { seq: kept.length, hash: kept.at(-1)?.hash ?? GENESIS_HASH };
      return { rows: kept, head, expected: mutation.from };
    }
    case "recompute_from": {
      // Edit entry k and recompute every hash from k with a key that is not the chain's.
      const attackerKey = randomBytes(32);
      rows[mutation.at - 1]!.entry = rows[mutation.at - 1]!.entry.replace('"v":1', '"v":1 ');
      let previous = mutation.at === 1 ? GENESIS_HASH : rows[mutation.at - 2]!.hash;
      for (let index = mutation.at - 1; index < n; index++) {
        rows[index]!.prevHash = previous;
        rows[index]!.hash = chainHash(attackerKey, previous, rows[index]!.entry);
        previous = rows[index]!.hash;
      }
      head = { seq: n, hash: previous };
      return { rows, head, expected: mutation.at };
    }
    case "replace_head": {
      head = { seq: mutation.seq, hash: new Uint8Array(randomBytes(32)) };
      const expected = mutation.seq > n ? n + 1 : mutation.seq < n ? mutation.seq + 1 : n;
      return { rows, head, expected };
    }
  }
}

function mutationFor(n: number): fc.Arbitrary<Mutation> {
  const position = fc.integer({ min: 1, max: n });
  return fc.oneof(
    position.map((at) => ({ kind: "edit_entry" as const, at })),
    position.map((at) => ({ kind: "edit_column" as const, at })),
    position.map((at) => ({ kind: "delete" as const, at })),
    ...(n >= 2
      ? [
          fc
            .tuple(position, position)
            .filter(([a, b]) => a !== b)
            .map(([at, other]) => ({ kind: "swap" as const, at, with: other })),
        ]
      : []),
    position.map((at) => ({ kind: "insert_forged" as const, at })),
    position.map((from) => ({ kind: "truncate_tail" as const, from })),
    position.map((at) => ({ kind: "recompute_from" as const, at })),
    fc.integer({ min: 0, max: n + 5 }).map((seq) => ({ kind: "replace_head" as const, seq })),
  );
}

describe("audit chain verifier", () => {
  it("never fails an untouched chain (1,000 random chains)", () => {
    fc.assert(
      fc.property(fc.array(recordArbitrary, { minLength: 0, maxLength: 60 }), (records) => {
        const chain = buildChain(records);
        const checkpoint = chain.rows.length > 0 ? [{ seq: chain.head.seq, hash: chain.head.hash }] : [];
        const report = verify(chain.rows, chain.head, checkpoint);
        expect(report.firstBad).toBeNull();
        expect(report.ok).toBe(true);
        expect(report.entriesChecked).toBe(records.length);
      }),
      { numRuns: 1000 },
    );
  });

  it("detects every mutation and names the first bad entry (10,000 mutations)", () => {
    const detected: Record<string, number> = {};
    fc.assert(
      fc.property(
        fc
          .array(recordArbitrary, { minLength: 1, maxLength: 40 })
          .chain((records) => fc.tuple(fc.constant(records), mutationFor(records.length))),
        ([records, mutation]) => {
          const chain = buildChain(records);
          // The checkpoint of the untouched head is held outside the database.
          const held = [{ seq: chain.head.seq, hash: chain.head.hash }];
          const tampered = mutate(chain, mutation);
          const report = verify(tampered.rows, tampered.head, held);
          expect(report.ok).toBe(false);
          expect(report.firstBad?.seq).toBe(tampered.expected);
          detected[mutation.kind] = (detected[mutation.kind] ?? 0) + 1;
        },
      ),
      { numRuns: 10_000 },
    );
    // Every kind of mutation was exercised many times.
    for (const kind of [
      "edit_entry",
      "edit_column",
      "delete",
      "swap",
      "insert_forged",
      "truncate_tail",
      "recompute_from",
      "replace_head",
    ]) {
      expect(detected[kind] ?? 0).toBeGreaterThan(500);
    }
  });

  it("cannot see tail truncation without a checkpoint held outside the database (why checkpoints exist)", () => {
    const chain = buildChain(fc.sample(recordArbitrary, 10));
    const tampered = mutate(chain, { kind: "truncate_tail", from: 6 });
    expect(verify(tampered.rows, tampered.head).ok).toBe(true);
    expect(verify(tampered.rows, tampered.head, [{ seq: 10, hash: chain.head.hash }]).firstBad).toMatchObject(
      { seq: 6, reason: "truncated" },
    );
  });

  it("signs checkpoints with Ed25519 and rejects a changed one", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const checkpoint = signCheckpoint(privateKey, {
      seq: 42,
      hash: toHex(randomBytes(32)),
      ts: "2026-01-01T00:00:00.000Z",
      keyId: "k1",
    });
    expect(checkpointSignatureValid(publicKey, checkpoint)).toBe(true);
    expect(checkpointSignatureValid(publicKey, { ...checkpoint, seq: 41 })).toBe(false);
    expect(checkpointSignatureValid(generateKeyPairSync("ed25519").publicKey, checkpoint)).toBe(false);
  });
});
