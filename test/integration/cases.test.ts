import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  createTestApp,
  createUser,
  signIn,
  signInAs,
  type TestApp,
  type TestUser,
} from "../support/app.js";
import { caseFixtures, caseHeader } from "../support/cases.js";
import { databaseDigest } from "../support/database.js";
import { multipartBody, SAMPLE_DOCUMENTS } from "../support/documents.js";

let t: TestApp;
let fixtures: ReturnType<typeof caseFixtures>;
let teamId: string;
let officerUser: TestUser;
let officer: Client;
let supervisor: Client;
beforeAll(async () => {
  t = await createTestApp();
  fixtures = caseFixtures(t);
  teamId = (await fixtures.team("MLA desk")).id;
  officerUser = await createUser(t, { role: "case_officer" });
  await fixtures.member(teamId, officerUser.row.id);
  await fixtures.clearance(officerUser.row.id, "restricted");
  officer = await signIn(t, officerUser);
  supervisor = (await signInAs(t, "supervisor")).client;
});
afterAll(async () => {
  await t.close();
});

const count = async (sql: string, values: unknown[] = []) =>
  Number((await t.db.pool.query(sql, values)).rows[0].n);
const key = () => `key-${Math.random().toString(36).slice(2)}-${Date.now()}`;
const logged = (summary = "Letter from the requesting state") => ({
  type: "correspondence_logged",
  payload: { on: "2026-03-01", direction: "in", channel: "email", summary },
});

async function openCase(
  client: Client,
  header: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  const response = await client.post(
    "/api/cases",
    { header: caseHeader({ teamId, ...header }), facts: {}, ...extra },
    { "idempotency-key": key() },
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response;
}

describe("opening a case", () => {
  it("opens a case with its opened and received events, answering 201 with the view and its ETag", async () => {
    const header = caseHeader({ teamId, priority: "urgent", confidentiality: "restricted" });
    const response = await officer.post(
      "/api/cases",
      { header, facts: {}, receivedOn: "2026-02-27" },
      { "idempotency-key": key() },
    );
    expect(response.status).toBe(201);
    expect(response.headers.etag).toBe('"v2"');
    expect(response.body).toMatchObject({
      header: { reference: header.reference, kind: "mla", direction: "incoming", priority: "urgent", teamId },
      status: "received",
      version: 2,
      receivedOn: "2026-02-27",
      openedOn: "2026-03-02",
      team: { id: teamId, name: "MLA desk" },
      documents: [],
      deadlines: [],
      nextDeadlineOn: null,
    });
    expect(response.body.allowedEventTypes).toContain("registered");
    for (const serverOnly of ["opened", "document_added", "follow_up_opened"])
      expect(response.body.allowedEventTypes).not.toContain(serverOnly);
    const events = await officer.get(`/api/cases/${header.reference}/events`);
    expect(
      events.body.events.map((event: { type: string; sequence: number }) => [event.type, event.sequence]),
    ).toEqual([
      ["opened", 1],
      ["received", 2],
    ]);
    expect(events.body.events[0].actor).toMatchObject({
      id: officerUser.row.id,
      username: officerUser.username,
    });
    const row = (await t.db.pool.query("SELECT * FROM cases WHERE reference = $1", [header.reference]))
      .rows[0];
    expect(row).toMatchObject({ status: "received", version: 2, priority: "urgent", team_id: teamId });
    // Without a date of receipt the stream is the opening alone.
    expect((await openCase(officer)).headers.etag).toBe('"v1"');
  });

  it("returns the first response for a repeat with the same key and body, and refuses the key with another body", async () => {
    const idempotencyKey = key();
    const body = { header: caseHeader({ teamId }), facts: {} };
    const first = await officer.post("/api/cases", body, { "idempotency-key": idempotencyKey });
    expect(first.status).toBe(201);
    t.clock.advance(60_000);
    const repeat = await officer.post("/api/cases", body, { "idempotency-key": idempotencyKey });
    expect(repeat.status).toBe(201);
    expect(repeat.body).toEqual(first.body);
    expect(repeat.headers.etag).toBe(first.headers.etag);
    expect(repeat.headers["idempotent-replayed"]).toBe("true");
    expect(await count("SELECT count(*) AS n FROM cases WHERE reference = $1", [body.header.reference])).toBe(
      1,
    );
    expect(await count("SELECT count(*) AS n FROM case_events WHERE case_id = $1", [first.body.id])).toBe(1);

    const before = await databaseDigest(t.db.pool);
    const other = await officer.post(
      "/api/cases",
      { ...body, header: { ...body.header, title: "Another request" } },
      { "idempotency-key": idempotencyKey },
    );
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({
      code: "idempotency_key_reused",
      fields: [{ path: "headers.idempotency-key", message: expect.any(String) }],
    });
    expect(await databaseDigest(t.db.pool)).toBe(before);

    // Keys belong to their user: another user's identical request is a new request.
    const colleague = await createUser(t, { role: "case_officer" });
    await fixtures.member(teamId, colleague.row.id);
    const theirs = await (await signIn(t, colleague)).post("/api/cases", body, {
      "idempotency-key": idempotencyKey,
    });
    expect(theirs.status).toBe(409);
    expect(theirs.body.error.code).toBe("reference_taken");
  });

  it("requires an Idempotency-Key", async () => {
    const before = await databaseDigest(t.db.pool);
    const response = await officer.post("/api/cases", { header: caseHeader({ teamId }), facts: {} });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual([
      { path: "headers.idempotency-key", message: expect.any(String) },
    ]);
    expect(await databaseDigest(t.db.pool)).toBe(before);
  });

  it("refuses a taken reference (409), references to nothing (422) and a date of receipt on an outgoing request (400)", async () => {
    const taken = (await openCase(officer)).body.header.reference;
    const duplicate = await officer.post(
      "/api/cases",
      { header: caseHeader({ teamId, reference: taken }), facts: {} },
      { "idempotency-key": key() },
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({
      code: "reference_taken",
      fields: [{ path: "body.header.reference", message: "taken" }],
    });

    // A state outside the shipped list of states is bad input (400), not a reference to nothing.
    const unknownState = await officer.post(
      "/api/cases",
      { header: caseHeader({ teamId, requestingState: "ZZ" }), facts: {} },
      { "idempotency-key": key() },
    );
    expect(unknownState.status).toBe(400);
    expect(unknownState.body.error).toMatchObject({
      code: "invalid_input",
      fields: [{ path: "body.header.requestingState", message: expect.any(String) }],
    });

    const nowhere = await officer.post(
      "/api/cases",
      {
        header: caseHeader({
          teamId,
          legalBasis: { type: "instrument", instrumentId: "00000000-0000-4000-8000-000000000000" },
        }),
        facts: {},
      },
      { "idempotency-key": key() },
    );
    expect(nowhere.status).toBe(422);
    expect(nowhere.body.error.code).toBe("invalid_reference");
    expect(nowhere.body.error.fields.map((field: { path: string }) => field.path).sort()).toEqual([
      "body.header.legalBasis.instrumentId",
    ]);

    const sameState = await officer.post(
      "/api/cases",
      { header: caseHeader({ teamId, requestingState: "RU", requestedState: "RU" }), facts: {} },
      { "idempotency-key": key() },
    );
    expect(sameState.status).toBe(422);
    expect(sameState.body.error.code).toBe("invalid_reference");

    const outgoing = await officer.post(
      "/api/cases",
      { header: caseHeader({ teamId, direction: "outgoing" }), facts: {}, receivedOn: "2026-01-10" },
      { "idempotency-key": key() },
    );
    expect(outgoing.status).toBe(400);
    expect(outgoing.body.error.fields).toEqual([{ path: "body.receivedOn", message: expect.any(String) }]);
  });

  it("refuses, and records, a case above the creator's clearance or outside their teams", async () => {
    const refusals: [Record<string, unknown>, string][] = [
      [{ teamId, confidentiality: "secret" }, "clearance_exceeded"],
      [{ teamId: (await fixtures.team()).id }, "not_team_member"],
      [{ teamId: null }, "team_required"],
    ];
    for (const [header, code] of refusals) {
      const before = await count(
        "SELECT count(*) AS n FROM audit_log WHERE event_type = 'case.created' AND outcome = 'denied'",
      );
      const response = await officer.post(
        "/api/cases",
        { header: caseHeader(header), facts: {} },
        { "idempotency-key": key() },
      );
      expect(response.status, code).toBe(403);
      expect(response.body.error.code).toBe(code);
      expect(
        await count(
          "SELECT count(*) AS n FROM audit_log WHERE event_type = 'case.created' AND outcome = 'denied'",
        ),
      ).toBe(before + 1);
    }
    // A supervisor may open a case of no team.
    expect((await openCase(supervisor, { teamId: null })).body.team).toBeNull();
  });
});

describe("recording events", () => {
  it("requires If-Match (428), refuses a stale one (412 with the current ETag) and appends with the right one", async () => {
    const reference = (await openCase(officer)).body.header.reference;
    const url = `/api/cases/${reference}/events`;
    const missing = await officer.post(url, logged());
    expect(missing.status).toBe(428);
    expect(missing.body.error.code).toBe("if_match_required");
    const stale = await officer.post(url, logged(), { "if-match": '"v7"' });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe("stale_version");
    expect(stale.headers.etag).toBe('"v1"');
    const appended = await officer.post(url, logged(), { "if-match": stale.headers.etag as string });
    expect(appended.status).toBe(200);
    expect(appended.headers.etag).toBe('"v2"');
    expect(appended.body.version).toBe(2);
    const read = await officer.get(`/api/cases/${reference}`);
    expect(read.headers.etag).toBe('"v2"');
    expect(read.body.status).toBe("received");
  });

  it("moves the case through its state machine and keeps the row in step with the projection", async () => {
    const reference = (await openCase(officer, {}, { receivedOn: "2026-02-20" })).body.header.reference;
    const url = `/api/cases/${reference}/events`;
    let etag = '"v2"';
    const record = async (event: unknown) => {
      const response = await officer.post(url, event, { "if-match": etag });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      etag = response.headers.etag as string;
      return response.body;
    };
    expect((await record({ type: "registered", payload: { on: "2026-02-21" } })).status).toBe("registered");
    const assigned = await record({
      type: "assigned",
      payload: { on: "2026-02-22", teamId, officer: "A. Petrova" },
    });
    expect(assigned.status).toBe("under_examination");
    const amended = await record({
      type: "header_amended",
      payload: { header: { title: "Bank records, Phnom Penh branch" } },
    });
    expect(amended.header.title).toBe("Bank records, Phnom Penh branch");
    const decided = await record({ type: "decided", payload: { on: "2026-03-01", outcome: "granted" } });
    expect(decided).toMatchObject({ status: "granted", decidedOn: "2026-03-01" });
    const row = (
      await t.db.pool.query(
        "SELECT *, decided_on::text AS decided_on, received_on::text AS received_on FROM cases WHERE reference = $1",
        [reference],
      )
    ).rows[0];
    expect(row).toMatchObject({
      status: "granted",
      version: 6,
      title: "Bank records, Phnom Penh branch",
      decided_on: "2026-03-01",
      received_on: "2026-02-20",
    });
    expect(row.projection.status).toBe("granted");
  });

  it("refuses an illegal transition with 409 and the state machine's message, changing nothing", async () => {
    const reference = (await openCase(officer)).body.header.reference;
    const before = await databaseDigest(t.db.pool);
    const response = await officer.post(
      `/api/cases/${reference}/events`,
      { type: "surrendered", payload: { on: "2026-03-01" } },
      { "if-match": '"v1"' },
    );
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe("illegal_transition");
    expect(response.body.error.message).toMatch(/surrendered/);
    expect(await databaseDigest(t.db.pool)).toBe(before);
  });

  it("refuses a reference to a fact the case does not have with 422 invalid_reference", async () => {
    const kase = await fixtures.freshCase(
      { teamId },
      {
        measures: [
          { id: "bank-records", kind: "bank_information", description: "Statements of account 4401" },
        ],
      },
    );
    await fixtures.append(kase.id, { type: "received", payload: { on: "2026-02-20" } });
    await fixtures.append(kase.id, { type: "registered", payload: { on: "2026-02-21" } });
    await fixtures.append(kase.id, { type: "assigned", payload: { on: "2026-02-22" } });
    const granted = await fixtures.append(kase.id, {
      type: "decided",
      payload: { on: "2026-02-25", outcome: "granted", grounds: [] },
    });
    const url = `/api/cases/${kase.reference}/events`;
    const ifMatch = { "if-match": `"v${granted.version}"` };
    const before = await databaseDigest(t.db.pool);
    const unknown = await officer.post(
      url,
      {
        type: "measure_status_changed",
        payload: { on: "2026-03-01", measureId: "no-such-measure", status: "executed" },
      },
      ifMatch,
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe("invalid_reference");
    expect(unknown.body.error.message).toMatch(/no-such-measure/);
    expect(await databaseDigest(t.db.pool)).toBe(before);
    const known = await officer.post(
      url,
      {
        type: "measure_status_changed",
        payload: { on: "2026-03-01", measureId: "bank-records", status: "executed" },
      },
      ifMatch,
    );
    expect(known.status, JSON.stringify(known.body)).toBe(200);
  });

  it("answers bad input with 400 naming the field, refuses server-only events, and changes nothing", async () => {
    const reference = (await openCase(officer)).body.header.reference;
    const url = `/api/cases/${reference}/events`;
    const before = await databaseDigest(t.db.pool);
    const cases: [unknown, string][] = [
      [
        { type: "correspondence_logged", payload: { direction: "in", channel: "email", summary: "x" } },
        "body.payload.on",
      ],
      [{ type: "registered", payload: { on: "2026-13-45" } }, "body.payload.on"],
      [{ type: "no_such_event", payload: {} }, "body.type"],
      [{ type: "registered", payload: { on: "2026-03-01", extra: true } }, "body.payload"],
      [{ type: "opened", payload: { header: caseHeader(), facts: {} } }, "body.type"],
      [
        {
          type: "document_added",
          payload: {
            on: "2026-03-01",
            documentId: crypto.randomUUID(),
            name: "x.pdf",
            sha256: "0".repeat(64),
          },
        },
        "body.type",
      ],
      [
        { type: "follow_up_opened", payload: { on: "2026-03-01", task: "domestic_prosecution" } },
        "body.type",
      ],
    ];
    for (const [body, field] of cases) {
      const response = await officer.post(url, body, { "if-match": '"v1"' });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe("invalid_input");
      expect(response.body.error.fields.map((problem: { path: string }) => problem.path)).toContain(field);
    }
    expect(await databaseDigest(t.db.pool)).toBe(before);
  });

  it("keeps the stream append-only in the database itself", async () => {
    const { id } = (await openCase(officer)).body;
    for (const statement of [
      "UPDATE case_events SET payload = '{}' WHERE case_id = $1",
      "DELETE FROM case_events WHERE case_id = $1",
    ]) {
      await expect(t.db.pool.query(statement, [id])).rejects.toMatchObject({ code: "42501" });
    }
    await expect(t.db.pool.query("TRUNCATE case_events CASCADE")).rejects.toMatchObject({ code: "42501" });
    await expect(
      t.db.pool.query(
        "INSERT INTO case_events (case_id, sequence, type, payload, recorded_at) VALUES ($1, 5, 'closed', '{}', now())",
        [id],
      ),
    ).rejects.toMatchObject({ code: "23514" });
  });
});

describe("documents", () => {
  it("stores an upload with its SHA-256, records it in the stream, and serves it back verified", async () => {
    const reference = (await openCase(officer)).body.header.reference;
    const upload = await officer.upload(`/api/cases/${reference}/documents`, {
      name: "Запрос о выдаче.pdf",
      content: SAMPLE_DOCUMENTS.pdf,
    });
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    expect(upload.headers.etag).toBe('"v2"');
    const sha256 = createHash("sha256").update(SAMPLE_DOCUMENTS.pdf).digest("hex");
    const [document] = upload.body.documents;
    expect(document).toMatchObject({
      name: "Запрос о выдаче.pdf",
      mediaType: "application/pdf",
      size: SAMPLE_DOCUMENTS.pdf.length,
      sha256,
      kind: "uploaded",
      sequence: 2,
    });
    const events = await officer.get(`/api/cases/${reference}/events`);
    expect(events.body.events[1]).toMatchObject({
      type: "document_added",
      payload: { documentId: document.documentId, sha256 },
      actorId: officerUser.row.id,
    });

    const download = await officer.get(`/api/cases/${reference}/documents/${document.documentId}`);
    expect(download.status).toBe(200);
    expect(download.raw.rawPayload.equals(SAMPLE_DOCUMENTS.pdf)).toBe(true);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toBe(
      `attachment; filename="______ _ ______.pdf"; filename*=UTF-8''${encodeURIComponent("Запрос о выдаче.pdf")}`,
    );
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.headers["cache-control"]).toBe("no-store");
    expect(download.headers["repr-digest"]).toBe(
      `sha-256=:${Buffer.from(sha256, "hex").toString("base64")}:`,
    );
    const entries = await t.db.pool.query(
      "SELECT event_type, outcome, details FROM audit_log WHERE object_id = $1 ORDER BY seq",
      [upload.body.id],
    );
    expect(entries.rows.map((row) => row.event_type)).toEqual([
      "case.created",
      "case.document_uploaded",
      "case.events_read",
      "case.document_downloaded",
    ]);
    expect(entries.rows[1].details).toMatchObject({ sha256, size: SAMPLE_DOCUMENTS.pdf.length });
  });

  it("accepts every listed kind whose bytes match its name, and refuses renamed, unlisted or malformed uploads, changing nothing", async () => {
    const reference = (await openCase(officer)).body.header.reference;
    const url = `/api/cases/${reference}/documents`;
    for (const [type, content] of Object.entries(SAMPLE_DOCUMENTS)) {
      const response = await officer.upload(url, { name: `sample.${type}`, content });
      expect(response.status, `${type}: ${JSON.stringify(response.body)}`).toBe(201);
    }
    const before = await databaseDigest(t.db.pool);
    const refused: [string, Buffer, number, string][] = [
      [
        "invoice.pdf",
        Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(60)]),
        415,
        "document_content_mismatch",
      ],
      ["scan.png", Buffer.from("<html><script>alert(1)</script></html>"), 415, "document_content_mismatch"],
      ["page.html", Buffer.from("<html></html>"), 415, "unsupported_document_type"],
      ["setup.exe", Buffer.from("MZ"), 415, "unsupported_document_type"],
      ["empty.txt", Buffer.alloc(0), 415, "empty_document"],
    ];
    for (const [name, content, status, code] of refused) {
      const response = await officer.upload(url, { name, content });
      expect(response.status, name).toBe(status);
      expect(response.body.error.code, name).toBe(code);
      expect(response.body.error.fields[0].path).toBe("body.file");
    }
    const twoFiles = multipartBody([
      { name: "file", filename: "a.txt", content: "a" },
      { name: "file", filename: "b.txt", content: "b" },
    ]);
    const extraPart = multipartBody([
      { name: "file", filename: "a.txt", content: "a" },
      { name: "comment", content: "hello" },
    ]);
    for (const body of [twoFiles, extraPart]) {
      const response = await officer.request("POST", url, {
        rawBody: body.payload,
        headers: { "content-type": body.contentType },
      });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("invalid_multipart");
    }
    const broken = await officer.request("POST", url, {
      rawBody: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nno end',
      headers: { "content-type": "multipart/form-data; boundary=x" },
    });
    expect(broken.status).toBe(400);
    const json = await officer.post(url, { file: "not a file" });
    expect(json.status).toBe(400);
    expect(json.body.error.fields[0].path).toBe("body.file");
    const stale = await officer.upload(url, { name: "a.txt", content: "a" }, { "if-match": '"v1"' });
    expect(stale.status).toBe(412);
    expect(await databaseDigest(t.db.pool)).toBe(before);
  });

  it("refuses a file over the configured limit with 413", async () => {
    const small = await createTestApp({ env: { COMITY_MAX_UPLOAD_BYTES: "2048" } });
    try {
      const team = await caseFixtures(small).team();
      const kase = await caseFixtures(small).freshCase({ teamId: team.id });
      const { client } = await signInAs(small, "supervisor");
      const url = `/api/cases/${kase.reference}/documents`;
      const fits = await client.upload(url, { name: "fits.txt", content: "x".repeat(2048) });
      expect(fits.status).toBe(201);
      const over = await client.upload(url, { name: "over.txt", content: "x".repeat(2049) });
      expect(over.status).toBe(413);
      const far = await client.upload(url, { name: "far.txt", content: "x".repeat(100_000) });
      expect(far.status).toBe(413);
      expect(far.body.error.code).toBe("payload_too_large");
      expect(Number((await small.db.pool.query("SELECT count(*) AS n FROM case_documents")).rows[0].n)).toBe(
        1,
      );
    } finally {
      await small.close();
    }
  });

  it("detects a document changed in the store: 500 document_corrupted, bytes withheld, mismatch recorded", async () => {
    const reference = (await openCase(officer)).body.header.reference;
    const upload = await officer.upload(`/api/cases/${reference}/documents`, {
      name: "letter.txt",
      content: SAMPLE_DOCUMENTS.txt,
    });
    const documentId = upload.body.documents[0].documentId;
    // The application's own connection cannot change a stored document...
    await expect(
      t.db.pool.query("UPDATE case_documents SET content = 'forged' WHERE id = $1", [documentId]),
    ).rejects.toMatchObject({ code: "42501" });
    // ...someone with the database superuser's power can, bypassing the triggers.
    const client = await t.db.pool.connect();
    try {
      await client.query("SET session_replication_role = replica");
      await client.query(
        "UPDATE case_documents SET content = overlay(content placing '\\x58'::bytea from 3) WHERE id = $1",
        [documentId],
      );
      await client.query("SET session_replication_role = origin");
    } finally {
      client.release();
    }
    const download = await officer.get(`/api/cases/${reference}/documents/${documentId}`);
    expect(download.status).toBe(500);
    expect(download.body.error.code).toBe("document_corrupted");
    expect(download.raw.rawPayload.includes(Buffer.from("Letter requesting"))).toBe(false);
    const entry = (
      await t.db.pool.query(
        "SELECT outcome, details FROM audit_log WHERE event_type = 'case.document_downloaded' ORDER BY seq DESC LIMIT 1",
      )
    ).rows[0];
    expect(entry.outcome).toBe("error");
    expect(entry.details).toMatchObject({
      code: "document_corrupted",
      documentId,
      sha256: upload.body.documents[0].sha256,
    });
    expect(entry.details.actualSha256).not.toBe(entry.details.sha256);
  });

  it("finds no document of another case under this case's address", async () => {
    const first = await fixtures.caseWithDocument({ teamId });
    const other = (await openCase(officer)).body.header.reference;
    const response = await officer.get(`/api/cases/${other}/documents/${first.documentId}`);
    expect(response.status).toBe(404);
  });
});

describe("search and lists", () => {
  let searchTeam: string;
  beforeAll(async () => {
    searchTeam = (await fixtures.team("Search desk")).id;
    await fixtures.freshCase(
      {
        teamId: searchTeam,
        title: "Extradition of a suspect in a fraud scheme",
        kind: "extradition",
        reference: "EXT-IN-2026-00001",
      },
      {
        offences: [
          {
            id: "o1",
            article: "Criminal Code of Cambodia, art. 377",
            description: "Large-scale fraud using bank transfers",
          },
        ],
        persons: [{ id: "p1", role: "sought", fullName: "Ivan Petrov", otherNames: ["Иван Петров"] }],
      },
    );
    await fixtures.freshCase(
      {
        teamId: searchTeam,
        title: "Запрос о правовой помощи по делу о мошенничестве",
        summary: "Мошенничество в особо крупном размере с использованием подставных компаний",
        requestingState: "RU",
        requestedState: "KZ",
        reference: "MLA-IN-2026-00002",
      },
      { persons: [{ id: "p1", role: "suspect", fullName: "Сергей Иванов" }] },
    );
    await fixtures.freshCase({
      teamId: searchTeam,
      title: "Preservation of traffic data after a cyber attack",
      kind: "preservation_of_data",
      direction: "outgoing",
      requestingState: "RU",
      requestedState: "DE",
      reference: "PRES-OUT-2026-00003",
    });
  });

  const references = async (query: string) => {
    const response = await supervisor.get(`/api/cases?teamId=${searchTeam}&${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return {
      total: response.body.total as number,
      references: response.body.items.map((item: { reference: string }) => item.reference) as string[],
    };
  };

  it("searches in English with stemming, in Russian with stemming, and names in any script", async () => {
    expect((await references("q=frauds")).references).toEqual(["EXT-IN-2026-00001"]);
    expect((await references("q=extradited")).references).toEqual(["EXT-IN-2026-00001"]);
    expect((await references(`q=${encodeURIComponent("мошенничества")}`)).references).toEqual([
      "MLA-IN-2026-00002",
    ]);
    expect((await references(`q=${encodeURIComponent("подставной компании")}`)).references).toEqual([
      "MLA-IN-2026-00002",
    ]);
    expect((await references(`q=${encodeURIComponent("Петров")}`)).references).toEqual(["EXT-IN-2026-00001"]);
    expect((await references("q=petrov")).references).toEqual(["EXT-IN-2026-00001"]);
    // The stem of the surname Иванов is also the first name Иван: both cases match, the closer one first.
    expect((await references(`q=${encodeURIComponent("Иванов")}`)).references[0]).toBe("MLA-IN-2026-00002");
    expect((await references("q=PRES-OUT")).references).toEqual(["PRES-OUT-2026-00003"]);
    expect((await references("q=unrelatedword")).total).toBe(0);
  });

  it("filters by status, kind, direction, states, priority, team and opening dates, with totals and paging", async () => {
    expect((await references("kind=extradition")).references).toEqual(["EXT-IN-2026-00001"]);
    expect((await references("direction=outgoing")).references).toEqual(["PRES-OUT-2026-00003"]);
    expect((await references("status=draft")).references).toEqual(["PRES-OUT-2026-00003"]);
    expect((await references("state=RU&sort=reference")).references).toEqual([
      "EXT-IN-2026-00001",
      "MLA-IN-2026-00002",
      "PRES-OUT-2026-00003",
    ]);
    expect((await references("requestingState=RU&sort=reference")).references).toEqual([
      "MLA-IN-2026-00002",
      "PRES-OUT-2026-00003",
    ]);
    expect((await references("requestedState=KZ")).references).toEqual(["MLA-IN-2026-00002"]);
    expect((await references("priority=urgent")).total).toBe(0);
    expect((await references("openedFrom=2026-03-02&openedTo=2026-03-02")).total).toBe(3);
    expect((await references("openedTo=2026-03-01")).total).toBe(0);
    const page = await references("sort=-reference&limit=2&offset=0");
    expect(page).toEqual({ total: 3, references: ["PRES-OUT-2026-00003", "MLA-IN-2026-00002"] });
    expect((await references("sort=-reference&limit=2&offset=2")).references).toEqual(["EXT-IN-2026-00001"]);
    const wrong = await supervisor.get("/api/cases?limit=201");
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe("querystring.limit");
  });

  it("finds overdue cases and cases due within N days from their next deadline", async () => {
    // The clock engine fills next_deadline_on; here it is set by hand. Today is 2026-03-02.
    const dates: Record<string, string | null> = {
      "EXT-IN-2026-00001": "2026-02-28",
      "MLA-IN-2026-00002": "2026-03-05",
      "PRES-OUT-2026-00003": null,
    };
    for (const [reference, date] of Object.entries(dates))
      await t.db.pool.query("UPDATE cases SET next_deadline_on = $2 WHERE reference = $1", [reference, date]);
    expect((await references("overdue=true")).references).toEqual(["EXT-IN-2026-00001"]);
    expect((await references("overdue=false&sort=reference")).references).toEqual([
      "MLA-IN-2026-00002",
      "PRES-OUT-2026-00003",
    ]);
    expect((await references("dueWithinDays=2")).total).toBe(0);
    expect((await references("dueWithinDays=3")).references).toEqual(["MLA-IN-2026-00002"]);
    expect((await references("sort=nextDeadlineOn")).references).toEqual([
      "EXT-IN-2026-00001",
      "MLA-IN-2026-00002",
      "PRES-OUT-2026-00003",
    ]);
  });

  it("records every list with its filters and the references it showed", async () => {
    await references("q=frauds");
    const entry = (
      await t.db.pool.query(
        "SELECT details, outcome FROM audit_log WHERE event_type = 'case.listed' ORDER BY seq DESC LIMIT 1",
      )
    ).rows[0];
    expect(entry.details).toMatchObject({
      filters: { q: "frauds", teamId: searchTeam },
      total: 1,
      references: ["EXT-IN-2026-00001"],
    });
  });
});

describe("references in addresses", () => {
  it("serves a case whose reference contains slashes and dots, percent-encoded in the address", async () => {
    const reference = `MLA/IN/2026.${Math.floor(Math.random() * 1e6)}`;
    await openCase(officer, { reference });
    const response = await officer.get(`/api/cases/${encodeURIComponent(reference)}`);
    expect(response.status).toBe(200);
    expect(response.body.header.reference).toBe(reference);
    const appended = await officer.post(`/api/cases/${encodeURIComponent(reference)}/events`, logged(), {
      "if-match": '"v1"',
    });
    expect(appended.status).toBe(200);
  });
});
