import { writeFile } from "node:fs/promises";
import fc from "fast-check";
import { generate } from "otplib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertNotifications } from "../../src/db/notifications/notifications.repository.js";
import { appendAudit } from "../../src/db/platform/audit.repository.js";
import type { AuditRecord } from "../../src/domain/platform/audit-chain.js";
import type { Role } from "../../src/domain/platform/vocabulary.js";
import { createCheckpoint } from "../../src/server/platform/audit/create-checkpoint.js";
import { verifyAudit } from "../../src/server/platform/audit/verify-audit.js";
import {
  Client,
  createTestApp,
  createUser,
  signIn,
  signInAs,
  type TestApp,
  totpCode,
} from "../support/app.js";
import { registryFixtures } from "../support/registry.js";
import { SAMPLES } from "../support/samples.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const AU3_COLUMNS = [
  "seq",
  "ts",
  "event_type",
  "outcome",
  "node",
  "source_ip",
  "user_agent",
  "request_id",
  "object_type",
  "entry",
  "hash",
];

async function headSeq(): Promise<number> {
  return Number((await t.db.pool.query("SELECT seq FROM audit_head WHERE id = 1")).rows[0].seq);
}

async function entriesAfter(seq: number) {
  return (await t.db.pool.query("SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq", [seq])).rows;
}

/**
 * One successful call per state-changing route. The completeness test fails when a
 * route in the route table has no scenario here, so a new write route cannot escape it.
 */
type Scenario = () => Promise<{
  client: Client;
  call: () => Promise<{ status: number; headers: Record<string, unknown> }>;
  actorId: string | null;
  eventType: string;
  expectedStatus?: number;
}>;

const SCENARIOS: Record<string, Scenario> = {
  "POST /api/auth/login": async () => {
    const user = await createUser(t);
    const client = new Client(t);
    await client.refreshSession();
    return {
      client,
      actorId: user.row.id,
      eventType: "auth.login",
      call: () => client.post("/api/auth/login", { username: user.username, password: user.password }),
    };
  },
  "POST /api/auth/logout": async () => {
    const { client, user } = await signInAs(t, "analyst");
    return {
      client,
      actorId: user.row.id,
      eventType: "auth.logout",
      call: () => client.post("/api/auth/logout"),
    };
  },
  "POST /api/auth/mfa/enrolment": async () => {
    const user = await createUser(t, { enrolled: false });
    const client = new Client(t);
    await client.post("/api/auth/login", { username: user.username, password: user.password });
    return {
      client,
      actorId: user.row.id,
      eventType: "auth.mfa.enrolment_started",
      call: () => client.post("/api/auth/mfa/enrolment"),
    };
  },
  "POST /api/auth/mfa/enrolment/confirm": async () => {
    const user = await createUser(t, { enrolled: false });
    const client = new Client(t);
    await client.post("/api/auth/login", { username: user.username, password: user.password });
    const { body } = await client.post("/api/auth/mfa/enrolment");
    const code = await totpCode(t, body.secret);
    return {
      client,
      actorId: user.row.id,
      eventType: "auth.mfa.enrolled",
      call: () => client.post("/api/auth/mfa/enrolment/confirm", { code }),
    };
  },
  "POST /api/auth/mfa/verify": async () => {
    const user = await createUser(t);
    const client = new Client(t);
    t.clock.advance(30_000);
    await client.post("/api/auth/login", { username: user.username, password: user.password });
    const code = await totpCode(t, user.totpSecret!);
    return {
      client,
      actorId: user.row.id,
      eventType: "auth.mfa.verified",
      call: () => client.post("/api/auth/mfa/verify", { code }),
    };
  },
  "POST /api/auth/password": async () => {
    const { client, user } = await signInAs(t, "registrar");
    return {
      client,
      actorId: user.row.id,
      eventType: "user.password_changed",
      call: () =>
        client.post("/api/auth/password", {
          currentPassword: user.password,
          newPassword: "fresh river stone morning walk",
        }),
    };
  },
  "PUT /api/auth/preferences": async () => {
    const { client, user } = await signInAs(t, "case_officer");
    return {
      client,
      actorId: user.row.id,
      eventType: "user.preferences_changed",
      call: () => client.put("/api/auth/preferences", { locale: "ru" }),
    };
  },
  "POST /api/users": async () => {
    const { client, user } = await signInAs(t, "administrator");
    return {
      client,
      actorId: user.row.id,
      eventType: "user.created",
      expectedStatus: 201,
      call: () =>
        client.post("/api/users", {
          username: `audited-${Math.random().toString(36).slice(2, 8)}`,
          displayName: "Audited",
          role: "analyst",
        }),
    };
  },
  "PATCH /api/users/:id": async () => {
    const { client, user } = await signInAs(t, "administrator");
    const target = await createUser(t, { role: "analyst" });
    return {
      client,
      actorId: user.row.id,
      eventType: "user.updated",
      call: () =>
        client.patch(
          `/api/users/${target.row.id}`,
          { role: "registrar" },
          { "if-match": `"v${target.row.version}"` },
        ),
    };
  },
  "POST /api/users/:id/disable": async () => userAction("disable", "user.disabled"),
  "POST /api/users/:id/enable": async () => userAction("enable", "user.enabled"),
  "POST /api/users/:id/unlock": async () => userAction("unlock", "user.unlocked"),
  "POST /api/users/:id/reset-access": async () => userAction("reset-access", "user.access_reset"),
  "POST /api/invitations/accept": async () => {
    const { client: admin } = await signInAs(t, "administrator");
    const created = await admin.post("/api/users", {
      username: `invitee-${Math.random().toString(36).slice(2, 8)}`,
      displayName: "Invitee",
      role: "analyst",
    });
    const client = new Client(t);
    await client.refreshSession();
    return {
      client,
      actorId: created.body.user.id,
      eventType: "user.invitation_accepted",
      call: () =>
        client.post("/api/invitations/accept", {
          token: created.body.invitation.token,
          password: "my own chosen passphrase words",
        }),
    };
  },
};

/** Registry and directory writes: a registrar sends the route's sample request. */
function registrarWrite(key: string, eventType: string, expectedStatus: number): Scenario {
  return async () => {
    const { client, user } = await signInAs(t, "registrar");
    const [method] = key.split(" ");
    const sample = await SAMPLES[key]!({ t, target: user.row.id, fx: registryFixtures(t) });
    return {
      client,
      actorId: user.row.id,
      eventType,
      expectedStatus,
      call: () =>
        client.request(method as "POST", sample.url, {
          body: sample.body ?? {},
          ...(sample.headers ? { headers: sample.headers } : {}),
        }),
    };
  };
}

const REGISTRY_WRITES: [string, string, number][] = [
  ["POST /api/directory/agencies", "directory.agency_created", 201],
  ["PATCH /api/directory/agencies/:id", "directory.agency_updated", 200],
  ["POST /api/directory/people", "directory.person_created", 201],
  ["PATCH /api/directory/people/:id", "directory.person_updated", 200],
  ["POST /api/directory/people/:id/positions", "directory.position_added", 201],
  ["DELETE /api/directory/people/:id/positions/:positionId", "directory.position_removed", 200],
  ["POST /api/registry/instruments", "registry.instrument_created", 201],
  ["PATCH /api/registry/instruments/:id", "registry.instrument_updated", 200],
  ["POST /api/registry/instruments/:id/actions", "registry.party_action_added", 201],
  ["DELETE /api/registry/instruments/:id/actions/:childId", "registry.party_action_removed", 200],
  ["POST /api/registry/instruments/:id/stages", "registry.stage_added", 201],
  ["DELETE /api/registry/instruments/:id/stages/:childId", "registry.stage_removed", 200],
  ["POST /api/registry/instruments/:id/relations", "registry.relation_added", 201],
  ["DELETE /api/registry/instruments/:id/relations/:childId", "registry.relation_removed", 200],
  ["POST /api/registry/party-actions/import", "registry.party_actions_imported", 200],
  ["POST /api/engagements/import", "engagements.imported", 200],
];
for (const [key, eventType, status] of REGISTRY_WRITES)
  SCENARIOS[key] = registrarWrite(key, eventType, status);

/**
 * Case and team writes: the route's sample request, by a role whose permissions and
 * relations let it succeed (a supervisor reads every team's cases; teams are the
 * administrators').
 */
function sampleWrite(key: string, eventType: string, expectedStatus: number, role: Role): Scenario {
  return async () => {
    const { client, user } = await signInAs(t, role);
    const [method] = key.split(" ");
    const target = (await createUser(t, { role: "case_officer" })).row.id;
    const sample = await SAMPLES[key]!({ t, target, fx: registryFixtures(t) });
    return {
      client,
      actorId: user.row.id,
      eventType,
      expectedStatus,
      call: () =>
        client.request(method as "POST", sample.url, {
          ...(sample.multipart ? { rawBody: sample.multipart.payload } : { body: sample.body ?? {} }),
          headers: {
            ...sample.headers,
            ...(sample.multipart ? { "content-type": sample.multipart.contentType } : {}),
          },
        }),
    };
  };
}

const CASE_AND_TEAM_WRITES: [string, string, number, Role][] = [
  ["POST /api/teams", "team.created", 201, "administrator"],
  ["PATCH /api/teams/:id", "team.updated", 200, "administrator"],
  ["POST /api/teams/:id/members", "team.member_added", 200, "administrator"],
  ["DELETE /api/teams/:id/members/:userId", "team.member_removed", 200, "administrator"],
  ["POST /api/cases", "case.created", 201, "supervisor"],
  ["POST /api/cases/:reference/events", "case.event_recorded", 200, "supervisor"],
  ["POST /api/cases/:reference/documents", "case.document_uploaded", 201, "supervisor"],
];
for (const [key, eventType, status, role] of CASE_AND_TEAM_WRITES)
  SCENARIOS[key] = sampleWrite(key, eventType, status, role);

/** Engagement writes: the route's sample request, by a case officer (a registrar for nothing registry-bound). */
const ENGAGEMENT_WRITES: [string, string, number, Role][] = [
  ["POST /api/engagements", "engagements.engagement_created", 201, "case_officer"],
  ["PATCH /api/engagements/:id", "engagements.engagement_updated", 200, "case_officer"],
  ["POST /api/engagements/:id/outcomes", "engagements.outcome_recorded", 201, "case_officer"],
  [
    "POST /api/engagements/:id/outcomes/:outcomeId/answer",
    "engagements.invitation_answered",
    200,
    "supervisor",
  ],
  ["PATCH /api/action-items/:id", "engagements.action_item_updated", 200, "case_officer"],
  ["DELETE /api/engagements/:id/outcomes/:outcomeId", "engagements.outcome_removed", 200, "case_officer"],
];
for (const [key, eventType, status, role] of ENGAGEMENT_WRITES)
  SCENARIOS[key] = sampleWrite(key, eventType, status, role);

/** Marking one's own notification read: a notification about no case, written for the user. */
async function ownNotification(action: "read" | "read-all") {
  const { client, user } = await signInAs(t, "case_officer");
  const [notification] = await t.services.database.transaction(async (tx) => {
    await insertNotifications(tx, [
      {
        userId: user.row.id,
        kind: "deadline_reminder",
        title: "A reminder",
        body: {},
        createdAt: t.clock.now(),
      },
    ]);
    return tx.query.notifications.findMany({ where: (row, { eq }) => eq(row.userId, user.row.id) });
  });
  const url =
    action === "read" ? `/api/notifications/${notification!.id}/read` : "/api/notifications/read-all";
  return {
    client,
    actorId: user.row.id,
    eventType: action === "read" ? "notification.read" : "notification.read_all",
    call: () => client.post(url),
  };
}
SCENARIOS["POST /api/notifications/:id/read"] = () => ownNotification("read");
SCENARIOS["POST /api/notifications/read-all"] = () => ownNotification("read-all");

/** Saved reports: an analyst saves one, then renames or deletes their own. */
async function ownSavedReport(action: "update" | "delete") {
  const { client, user } = await signInAs(t, "analyst");
  const saved = await client.post("/api/reports/saved", {
    name: "Refusals on political grounds",
    query: { measure: "refusals", from: "2025-01-01", to: "2025-12-31", ground: "political_offence" },
  });
  const url = `/api/reports/saved/${saved.body.id}`;
  return {
    client,
    actorId: user.row.id,
    eventType: action === "update" ? "reports.saved_report_updated" : "reports.saved_report_deleted",
    call: () =>
      action === "update"
        ? client.patch(url, { shared: true }, { "if-match": '"v1"' })
        : client.request("DELETE", url),
  };
}
SCENARIOS["POST /api/reports/saved"] = async () => {
  const { client, user } = await signInAs(t, "analyst");
  const sample = await SAMPLES["POST /api/reports/saved"]!({
    t,
    target: user.row.id,
    fx: registryFixtures(t),
  });
  return {
    client,
    actorId: user.row.id,
    eventType: "reports.saved_report_created",
    expectedStatus: 201,
    call: () => client.post(sample.url, sample.body),
  };
};
SCENARIOS["PATCH /api/reports/saved/:id"] = () => ownSavedReport("update");
SCENARIOS["DELETE /api/reports/saved/:id"] = () => ownSavedReport("delete");

async function userAction(action: string, eventType: string) {
  const { client, user } = await signInAs(t, "administrator");
  const target = await createUser(t, { role: "analyst" });
  return {
    client,
    actorId: user.row.id,
    eventType,
    call: () => client.post(`/api/users/${target.row.id}/${action}`),
  };
}

/** Writes that change nothing when successful, or are covered elsewhere (setup needs an empty database). */
const NOT_WRITES = new Set(["POST /api/invitations/inspect"]);
const ELSEWHERE = new Set(["POST /api/setup"]); // test/integration/setup.test.ts checks its single audit entry

describe("audit completeness", () => {
  it("every state-changing route appends exactly one entry, with every AU-3 field, in its own request", async () => {
    const writeRoutes = t.app.routeTable
      .filter((route) => route.method !== "GET")
      .map((route) => `${route.method} ${route.url}`);
    expect(
      writeRoutes.filter((key) => !(key in SCENARIOS) && !NOT_WRITES.has(key) && !ELSEWHERE.has(key)),
    ).toEqual([]);
    for (const [key, scenario] of Object.entries(SCENARIOS)) {
      const prepared = await scenario();
      const before = await headSeq();
      const response = await prepared.call();
      expect(response.status, key).toBe(prepared.expectedStatus ?? 200);
      const entries = await entriesAfter(before);
      expect(entries, key).toHaveLength(1);
      const entry = entries[0];
      for (const column of AU3_COLUMNS) expect(entry[column], `${key} ${column}`).not.toBeNull();
      expect(entry).toMatchObject({
        event_type: prepared.eventType,
        outcome: "success",
        source_ip: prepared.client.ip,
        user_agent: "comity-test",
        node: "test-node",
      });
      expect(entry.request_id).toBe(response.headers["x-request-id"]);
      expect(entry.actor_id, key).toBe(prepared.actorId);
      expect(entry.actor_role, key).not.toBeNull();
    }
  });

  it("reads of the audit trail are themselves recorded", async () => {
    const { client, user } = await signInAs(t, "auditor");
    const before = await headSeq();
    expect((await client.get("/api/audit?limit=3&eventType=auth.login")).status).toBe(200);
    expect((await client.get("/api/audit/1")).status).toBe(200);
    const entries = await entriesAfter(before);
    expect(entries.map((entry) => entry.event_type)).toEqual(["audit.read", "audit.read"]);
    expect(entries[0].actor_id).toBe(user.row.id);
    expect(entries[0].details.filter).toEqual({ eventType: "auth.login" });
    expect(entries[1]).toMatchObject({ object_type: "audit_entry", object_id: "1" });
  });

  it("keeps secrets out of the trail (passwords, codes, tokens)", async () => {
    const canary = "canary passphrase that must never be logged 7f3a";
    const user = await createUser(t, { password: canary });
    const client = new Client(t);
    await client.post("/api/auth/login", { username: user.username, password: canary });
    await client.post("/api/auth/login", { username: user.username, password: `${canary} wrong` });
    const code = await totpCode(t, user.totpSecret!);
    await client.post("/api/auth/mfa/verify", { code });
    const token = client.cookies.get("comity_session")!;
    const dump = (await t.db.pool.query("SELECT string_agg(entry, '\n') AS text FROM audit_log")).rows[0]
      .text as string;
    expect(dump).not.toContain("canary passphrase");
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(user.totpSecret!);
  });
});

describe("audit atomicity", () => {
  it("rolls the change back when the audit insert fails, and answers 5xx", async () => {
    const { client } = await signInAs(t, "administrator");
    const admin = new pg.Client({ connectionString: t.db.url });
    await admin.connect();
    try {
      await admin.query(`
        CREATE FUNCTION test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.event_type = 'user.created' THEN RAISE EXCEPTION 'injected audit failure'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_fail_audit();`);
      const before = await headSeq();
      const response = await client.post("/api/users", {
        username: "never-created",
        displayName: "Never",
        role: "analyst",
      });
      expect(response.status).toBe(500);
      expect(response.body.error.code).toBe("internal_error");
      expect(JSON.stringify(response.body)).not.toContain("injected");
      expect(
        (await t.db.pool.query("SELECT count(*)::int AS n FROM users WHERE username = 'never-created'"))
          .rows[0].n,
      ).toBe(0);
      expect(
        (
          await t.db.pool.query(
            "SELECT count(*)::int AS n FROM account_tokens WHERE created_at IS NOT NULL AND user_id NOT IN (SELECT id FROM users)",
          )
        ).rows[0].n,
      ).toBe(0);
      expect(await headSeq()).toBe(before);
    } finally {
      await admin.query(
        "DROP TRIGGER IF EXISTS test_fail_audit ON audit_log; DROP FUNCTION IF EXISTS test_fail_audit()",
      );
      await admin.end();
    }
  });

  it("keeps seq gapless under concurrent writers", async () => {
    // Sign in one after another: signing in moves the shared test clock.
    const clients = [];
    for (let i = 0; i < 4; i++) clients.push(await signInAs(t, "case_officer"));
    const before = await headSeq();
    await Promise.all(
      clients.flatMap(({ client }) =>
        Array.from({ length: 5 }, (_, i) =>
          client.put("/api/auth/preferences", { locale: i % 2 ? "ru" : "en" }),
        ),
      ),
    );
    const entries = await entriesAfter(before);
    expect(entries).toHaveLength(20);
    expect(entries.map((entry) => Number(entry.seq))).toEqual(
      Array.from({ length: 20 }, (_, i) => before + 1 + i),
    );
    const report = await verifyAudit({
      services: t.services,
      actor: { kind: "system" },
      origin: { requestId: null, sourceIp: null, userAgent: null },
    });
    expect(report.firstBad).toBeNull();
  });
});

describe("audit immutability in the database", () => {
  for (const statement of [
    "UPDATE audit_log SET outcome = 'success' WHERE seq = 1",
    "DELETE FROM audit_log WHERE seq = 1",
    "TRUNCATE audit_log",
    "UPDATE audit_head SET seq = 0",
    "DELETE FROM audit_head",
    "DELETE FROM audit_checkpoints",
  ]) {
    it(`refuses: ${statement}`, async () => {
      await createCheckpoint({ services: t.services, force: true }); // so that there is a checkpoint row to delete
      await expect(t.db.pool.query(statement)).rejects.toMatchObject({ code: "42501" });
    });
  }

  it("refuses an insert that does not extend the chain", async () => {
    const head = (await t.db.pool.query("SELECT seq, hash FROM audit_head")).rows[0];
    const insert = (seq: number, prev: Buffer) =>
      t.db.pool.query(
        `INSERT INTO audit_log (seq, ts, event_type, outcome, node, details, entry, prev_hash, hash)
         VALUES ($1, now(), 'forged', 'success', 'x', '{}', '{}', $2, $3)`,
        [seq, prev, Buffer.alloc(32, 7)],
      );
    await expect(insert(Number(head.seq) + 5, head.hash)).rejects.toMatchObject({ code: "23514" });
    await expect(insert(Number(head.seq) + 1, Buffer.alloc(32, 1))).rejects.toMatchObject({ code: "23514" });
  });
});

describe("audit verification against the database", () => {
  let tampered: TestApp;
  beforeAll(async () => {
    tampered = await createTestApp();
  });
  afterAll(async () => {
    await tampered.close();
  });

  it("names the first bad entry after tampering done by a database superuser (fast-check)", async () => {
    const t = tampered;
    const probe = new pg.Client({ connectionString: t.db.url });
    await probe.connect();
    const superuser = (await probe.query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
      .rows[0].rolsuper;
    await probe.end();
    if (!superuser) throw new Error("this test needs a superuser connection to disable the audit triggers");
    const origin = { requestId: null, sourceIp: "192.0.2.1", userAgent: "property-test" };
    const record = (i: number): AuditRecord => ({
      eventType: "test.event",
      outcome: "success",
      actorId: null,
      actorRole: "system",
      actorUsername: "system",
      sessionId: null,
      sourceIp: origin.sourceIp,
      userAgent: origin.userAgent,
      requestId: null,
      node: "test-node",
      objectType: "thing",
      objectId: String(i),
      details: { i },
    });
    const mutations = [
      "edit_entry",
      "edit_column",
      "delete",
      "swap",
      "insert",
      "truncate",
      "replace_head",
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 25 }),
        fc.constantFrom(...mutations),
        fc.nat(),
        async (extra, mutation, pick) => {
          const client = new pg.Client({ connectionString: t.db.url });
          await client.connect();
          try {
            await client.query("SET session_replication_role = replica");
            await client.query("TRUNCATE audit_log, audit_checkpoints");
            await client.query("UPDATE audit_head SET seq = 0, hash = decode(repeat('00', 32), 'hex')");
            await client.query("SET session_replication_role = origin");
            await writeFile(t.services.config.auditCheckpointFile, "");
            for (let i = 0; i < extra; i++) {
              await t.services.database.transaction((tx) =>
                appendAudit(tx, t.services.secrets.auditChainKey, [record(i)]),
              );
            }
            const checkpoint = await createCheckpoint({ services: t.services, force: true });
            const n = extra;
            const at = 1 + (pick % n);
            let expected = at;
            await client.query("SET session_replication_role = replica");
            switch (mutation) {
              case "edit_entry":
                await client.query(
                  'UPDATE audit_log SET entry = replace(entry, \'"outcome":"success"\', \'"outcome":"failure"\') WHERE seq = $1',
                  [at],
                );
                break;
              case "edit_column":
                await client.query("UPDATE audit_log SET actor_username = 'mallory' WHERE seq = $1", [at]);
                break;
              case "delete":
                await client.query("DELETE FROM audit_log WHERE seq = $1", [at]);
                break;
              case "swap": {
                const other = at === n ? at - 1 : at + 1;
                await client.query("UPDATE audit_log SET seq = -seq WHERE seq IN ($1, $2)", [at, other]);
                await client.query(
                  "UPDATE audit_log SET seq = CASE WHEN seq = -$1::bigint THEN $2::bigint ELSE $1::bigint END WHERE seq IN (-$1::bigint, -$2::bigint)",
                  [at, other],
                );
                expected = Math.min(at, other);
                break;
              }
              case "insert":
                await client.query("UPDATE audit_log SET seq = -(seq + 1) WHERE seq >= $1", [at]);
                await client.query("UPDATE audit_log SET seq = -seq WHERE seq < 0");
                await client.query(
                  `INSERT INTO audit_log (seq, ts, event_type, outcome, node, details, entry, prev_hash, hash)
                   SELECT $1::bigint, now(), 'forged', 'success', 'test-node', '{}', '{"forged":true}',
                          coalesce((SELECT hash FROM audit_log WHERE seq = $1::bigint - 1), decode(repeat('00', 32), 'hex')), sha256('forged')`,
                  [at],
                );
                await client.query("UPDATE audit_head SET seq = seq + 1");
                break;
              case "truncate":
                // A superuser cuts the tail and moves the head back consistently; only
                // the checkpoint held outside the database (the file) can tell.
                await client.query("DELETE FROM audit_log WHERE seq >= $1", [at]);
                await client.query("DELETE FROM audit_checkpoints");
                await client.query(
                  "UPDATE audit_head SET seq = $1::bigint - 1, hash = coalesce((SELECT hash FROM audit_log WHERE seq = $1::bigint - 1), decode(repeat('00', 32), 'hex'))",
                  [at],
                );
                break;
              case "replace_head":
                await client.query("UPDATE audit_head SET hash = sha256('other')");
                expected = n;
                break;
            }
            await client.query("SET session_replication_role = origin");
            const report = await verifyAudit({ services: t.services, actor: { kind: "system" }, origin });
            expect(checkpoint).not.toBeNull();
            expect(report.ok, mutation).toBe(false);
            expect(
              report.firstBad?.seq,
              `${mutation} at ${at} of ${n}: ${JSON.stringify(report.firstBad)}`,
            ).toBe(expected);
          } finally {
            await client.end();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("reports an intact chain through the API, for auditors only", async () => {
    const { client } = await signInAs(t, "auditor");
    const response = await client.get("/api/audit/verification");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ok: true, firstBad: null });
    expect(response.body.entriesChecked).toBeGreaterThan(0);
    const { client: admin } = await signInAs(t, "administrator");
    expect((await admin.get("/api/audit/verification")).status).toBe(403);
  });

  it("uses a real TOTP implementation (codes from otplib are accepted)", async () => {
    // Guards against the test helper and the server drifting apart.
    const user = await createUser(t);
    const client = new Client(t);
    t.clock.advance(30_000);
    await client.post("/api/auth/login", { username: user.username, password: user.password });
    const code = await generate({
      secret: user.totpSecret!,
      epoch: Math.floor(t.clock.now().getTime() / 1000),
    });
    expect((await client.post("/api/auth/mfa/verify", { code })).status).toBe(200);
    await signIn(t, user);
  });
});

describe("checkpoint file", () => {
  it("reports a forged or damaged line in the checkpoint file held outside the database", async () => {
    const { appendFile } = await import("node:fs/promises");
    const checkpoint = await createCheckpoint({ services: t.services, force: true });
    const origin = { requestId: null, sourceIp: null, userAgent: null };
    expect((await verifyAudit({ services: t.services, actor: { kind: "system" }, origin })).ok).toBe(true);
    await appendFile(
      t.services.config.auditCheckpointFile,
      `${JSON.stringify({ ...checkpoint, seq: checkpoint!.seq - 1 })}\nnot json\n`,
    );
    const report = await verifyAudit({ services: t.services, actor: { kind: "system" }, origin });
    expect(report.ok).toBe(false);
    expect(report.firstBad?.reason).toBe("checkpoint_signature_invalid");
    await writeFile(t.services.config.auditCheckpointFile, "");
  });
});
