import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertPartyActions } from "../../src/db/registry/instruments.repository.js";
import { type Client, createTestApp, createUser, signIn, type TestApp } from "../support/app.js";
import { caseFixtures, caseHeader } from "../support/cases.js";
import { databaseDigest } from "../support/database.js";
import { registryFixtures } from "../support/registry.js";

/**
 * The rules at work through the API: the clock engine's deadlines on the case and in its
 * row, the admissibility checker's findings on the view, a decision refused while a
 * condition of the legal basis is unmet (UNTOC art. 16(16): consult before refusing),
 * the follow-up a refusal of an own national opens (UNTOC art. 16(10)), and the letter of
 * request, refused while incomplete and printed as a marked draft.
 */
let t: TestApp;
let officer: Client;
let teamId: string;
let untocId: string;
beforeAll(async () => {
  t = await createTestApp();
  const fixtures = caseFixtures(t);
  teamId = (await fixtures.team("Extradition desk")).id;
  const user = await createUser(t, { role: "case_officer" });
  await fixtures.member(teamId, user.row.id);
  officer = await signIn(t, user);
  untocId = (await registryFixtures(t).catalogueInstrument("UNTOC")).id;
});
afterAll(async () => {
  await t.close();
});

const key = () => `key-${Math.random().toString(36).slice(2)}-${Date.now()}`;

/** Armenia asks Russia to extradite a person charged with fraud, under UNTOC. */
async function openExtradition(nationality: string, receivedOn: string | null = "2026-02-20") {
  const header = caseHeader({
    kind: "extradition",
    direction: "incoming",
    requestingState: "AM",
    requestedState: "RU",
    purpose: "prosecution",
    title: "Extradition of a fraud suspect",
    teamId,
    legalBasis: { type: "instrument", instrumentId: untocId },
  });
  const facts = {
    persons: [{ id: "p1", role: "sought", fullName: "Aram Petrosyan", nationalities: [nationality] }],
    offences: [
      {
        id: "o1",
        article: "Criminal Code of Armenia, art. 178",
        description: "Large-scale fraud by an organised group",
        maximumPenaltyMonths: 120,
        minimumPenaltyMonths: 48,
      },
    ],
  };
  const response = await officer.post(
    "/api/cases",
    { header, facts, ...(receivedOn ? { receivedOn } : {}) },
    { "idempotency-key": key() },
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { reference: header.reference as string, etag: response.headers.etag as string };
}

async function append(reference: string, etag: string, event: Record<string, unknown>) {
  return officer.post(`/api/cases/${reference}/events`, event, { "if-match": etag });
}

/** Registered and assigned: the steps before a decision. Returns the new ETag. */
async function prepare(reference: string, etag: string): Promise<string> {
  const registered = await append(reference, etag, { type: "registered", payload: { on: "2026-02-21" } });
  expect(registered.status, JSON.stringify(registered.body)).toBe(200);
  const assigned = await append(reference, registered.headers.etag as string, {
    type: "assigned",
    payload: { on: "2026-02-21", officer: "A. Officer" },
  });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  return assigned.headers.etag as string;
}

const arrest = { type: "provisional_arrest", payload: { on: "2026-02-24", personId: "p1" } };
const refusal = {
  type: "decided",
  payload: { on: "2026-03-02", outcome: "refused", grounds: [{ code: "own_national" }] },
};
const consultation = {
  type: "consultation_held",
  payload: { on: "2026-03-01", withState: "AM", summary: "Armenia was heard on the intended refusal." },
};

describe("deadlines", () => {
  it("derives the 40-day limit of a provisional arrest, shows its derivation, and stores the next deadline", async () => {
    // A request for provisional arrest comes first; the request itself has not arrived.
    const opened = await openExtradition("AM", null);
    const arrested = await append(opened.reference, opened.etag, arrest);
    expect(arrested.status, JSON.stringify(arrested.body)).toBe(200);
    const deadlines = arrested.body.deadlines as {
      ruleId: string;
      days: number;
      dueOn: string;
      state: string;
      derivation: { en: string; ru: string };
    }[];
    const forty = deadlines.find((deadline) => deadline.days === 40);
    expect(forty, JSON.stringify(deadlines)).toBeDefined();
    expect(forty).toMatchObject({ dueOn: "2026-04-05", state: "running" });
    expect(forty!.derivation.en).toContain("2026-04-05");
    expect(forty!.derivation.en).toContain("40 days");
    expect(forty!.derivation.en).toContain("2026-02-24");
    expect(forty!.derivation.ru).toContain("40");
    expect(arrested.body.nextDeadlineOn).toBe("2026-04-05");
    const row = await t.db.pool.query(
      "SELECT next_deadline_on::text AS next FROM cases WHERE reference = $1",
      [opened.reference],
    );
    expect(row.rows[0].next).toBe("2026-04-05");
    const due = await officer.get("/api/cases?dueWithinDays=60");
    expect(due.body.items.map((item: { reference: string }) => item.reference)).toContain(opened.reference);
  });
});

describe("the checker's conditions", () => {
  it("refuses a refusal before the consultation UNTOC art. 16(16) requires, and accepts it after", async () => {
    const opened = await openExtradition("AM");
    const view = await officer.get(`/api/cases/${opened.reference}`);
    expect(view.body.checker.legalBasisCodes).toContain("UNTOC");
    const etag = await prepare(opened.reference, opened.etag);
    const before = await databaseDigest(t.db.pool);
    const blocked = await append(opened.reference, etag, refusal);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe("condition_unmet");
    expect(JSON.stringify(blocked.body.error)).toMatch(/16\(16\)/);
    expect(await databaseDigest(t.db.pool)).toBe(before);

    const consulted = await append(opened.reference, etag, consultation);
    expect(consulted.status, JSON.stringify(consulted.body)).toBe(200);
    const refused = await append(opened.reference, consulted.headers.etag as string, refusal);
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect(refused.body.status).toBe("refused");
  });

  it("opens domestic prosecution when the person refused is the requested state's own national", async () => {
    const opened = await openExtradition("RU");
    const consulted = await append(
      opened.reference,
      await prepare(opened.reference, opened.etag),
      consultation,
    );
    const refused = await append(opened.reference, consulted.headers.etag as string, refusal);
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    const events = await officer.get(`/api/cases/${opened.reference}/events`);
    const types = events.body.events.map((event: { type: string }) => event.type);
    expect(types.slice(-2)).toEqual(["decided", "follow_up_opened"]);
    const followUp = events.body.events.at(-1);
    expect(followUp.payload).toMatchObject({ task: "domestic_prosecution", on: "2026-03-02" });
    expect(followUp.payload.ruleId).toBe("T16-10");
    expect(followUp.actorId).toBeNull();
    expect(refused.body.version).toBe(followUp.sequence);
  });
});

describe("reservations and declarations from the registry", () => {
  it("apply to the checker: the own-nationals clause of KH-RU-EXT-2017 counts once Russia's declaration is recorded", async () => {
    const registry = registryFixtures(t);
    const treaty = await registry.freshInstrument({
      code: "KH-RU-EXT-2017",
      titleEn: "Treaty between the Russian Federation and the Kingdom of Cambodia on Extradition",
    });
    const now = t.clock.now();
    const action = (state: string, kind: string, date: string, payload: unknown = null) => ({
      instrumentId: treaty.id,
      partyType: "state",
      partyCode: state,
      partyState: state,
      action: kind,
      date,
      payload,
      text: `${state} ${kind}`,
      source: { kind: "url", url: "https://example.org/source" },
      origin: "manual",
      createdAt: now,
    });
    await insertPartyActions(t.services.database, [
      action("KH", "signature", "2017-03-23"),
      action("RU", "signature", "2017-03-23"),
      action("KH", "entry_into_force", "2019-05-01"),
      action("RU", "entry_into_force", "2019-05-01"),
    ] as never);
    const header = caseHeader({
      kind: "extradition",
      requestingState: "KH",
      requestedState: "RU",
      purpose: "prosecution",
      teamId,
      legalBasis: { type: "instrument", instrumentId: treaty.id },
    });
    const facts = {
      persons: [{ id: "p1", role: "sought", fullName: "Ivan Petrov", nationalities: ["RU"] }],
      offences: [{ id: "o1", article: "Criminal Code of Cambodia, art. 372", description: "Blackmail" }],
    };
    const created = await officer.post("/api/cases", { header, facts }, { "idempotency-key": key() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const ownNational = async () =>
      (await officer.get(`/api/cases/${header.reference}`)).body.checker.grounds.filter(
        (ground: { ground: string; instrument: string }) =>
          ground.ground === "own_national" && ground.instrument === "KH-RU-EXT-2017",
      );
    expect(await ownNational()).toEqual([]);

    await insertPartyActions(t.services.database, [
      action("RU", "declaration", "2019-05-01", { kind: "own_nationals", subjects: ["extradition"] }),
    ] as never);
    expect(await ownNational()).toMatchObject([{ status: "applies", kind: "optional" }]);
  });
});

describe("the letter of request", () => {
  it("is refused while incomplete (422, listing the items), printed as a draft, and audited", async () => {
    // An outgoing request for legal assistance under UNTOC art. 18(15), with no measure recorded yet.
    const header = caseHeader({
      kind: "mla",
      direction: "outgoing",
      requestingState: "RU",
      requestedState: "AM",
      title: "Bank records of a fraud suspect",
      teamId,
      legalBasis: { type: "instrument", instrumentId: untocId },
    });
    const created = await officer.post("/api/cases", { header, facts: {} }, { "idempotency-key": key() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const opened = { reference: header.reference as string };
    const refused = await officer.get(`/api/cases/${opened.reference}/letter?language=en`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("request_incomplete");
    expect(refused.body.error.fields.length).toBeGreaterThan(0);
    expect(refused.body.error.fields[0].path).toMatch(/^content\./);

    for (const language of ["en", "ru"]) {
      const draft = await officer.request(
        "GET",
        `/api/cases/${opened.reference}/letter?language=${language}&draft=true`,
      );
      expect(draft.status).toBe(200);
      expect(draft.headers["content-type"]).toBe("application/pdf");
      expect(draft.headers["content-disposition"]).toContain(`${opened.reference}-${language}.pdf`);
      expect(draft.raw.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    }
    const audit = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE event_type = 'case.letter_printed' AND outcome = 'success' AND details->>'reference' = $1",
      [opened.reference],
    );
    expect(audit.rows[0].n).toBe(2);

    const bad = await officer.get(`/api/cases/${opened.reference}/letter?language=fr`);
    expect(bad.status).toBe(400);
  });
});
