import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertPosition } from "../../src/db/directory/agencies.repository.js";
import { insertPartyActions } from "../../src/db/registry/instruments.repository.js";
import { parseStateCode } from "../../src/domain/directory/state-codes.js";
import { parseIsoDate } from "../../src/domain/platform/dates.js";
import { type Client, createTestApp, signInAs, type TestApp } from "../support/app.js";
import { engagementFixtures, engagementInput } from "../support/engagements-fixtures.js";
import { registryFixtures } from "../support/registry.js";

/**
 * Engagements through the API: recording a visit with its participants (a new person on
 * the spot), editing it under If-Match, and outcomes that write to the registry in the
 * same transaction, rolled back together on failure. Action items, invitations,
 * need-to-know and the list are in engagements-actions.test.ts and engagements-access.test.ts.
 */

let t: TestApp;
let registrar: Client;
let officer: Client;

beforeAll(async () => {
  t = await createTestApp();
  registrar = (await signInAs(t, "registrar")).client;
  officer = (await signInAs(t, "case_officer")).client;
});
afterAll(async () => {
  await t.close();
});

async function count(sql: string, params: unknown[] = []): Promise<number> {
  return (await t.db.pool.query(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0].n;
}

describe("recording an engagement", () => {
  it("records a visit with two participants, one added on the spot, with the positions they held", async () => {
    const fx = registryFixtures(t);
    const russianOffice = await fx.freshAgency("RU");
    const cambodianOffice = await fx.freshAgency("KH");
    const known = await fx.freshPerson();
    await insertPosition(t.services.database, {
      personId: known.id,
      agencyId: russianOffice.id,
      titleEn: "Deputy Prosecutor General",
      titleRu: "Заместитель Генерального прокурора",
      startOn: parseIsoDate("2020-01-01"),
      endOn: parseIsoDate("2025-05-31"),
      createdAt: t.clock.now(),
    });
    await insertPosition(t.services.database, {
      personId: known.id,
      agencyId: russianOffice.id,
      titleEn: "Prosecutor General",
      titleRu: "Генеральный прокурор",
      startOn: parseIsoDate("2025-06-01"),
      createdAt: t.clock.now(),
    });
    const newPerson = {
      nameEn: "Chea Leang Test",
      nameRu: "Чеа Леанг Тест",
      agencyId: cambodianOffice.id,
      titleEn: "Prosecutor General at the Supreme Court",
      titleRu: "Генеральный прокурор при Верховном суде",
    };
    const body = engagementInput({
      hostAgencyId: cambodianOffice.id,
      participants: [
        { side: "RU", role: "head_of_delegation", personId: known.id },
        { side: "KH", role: "host", newPerson },
      ],
    });

    const created = await officer.post("/api/engagements", body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.etag).toBe('"v1"');
    const detail = created.body;
    expect(detail).toMatchObject({
      kind: "outgoing_visit",
      startOn: "2025-05-26",
      endOn: "2025-05-27",
      precision: "day",
      hostAgency: { id: cambodianOffice.id },
      openActionItems: 0,
      version: 1,
    });
    expect(detail.states.sort()).toEqual(["KH", "RU"]);
    expect(detail.participants).toHaveLength(2);
    // The position held on the first day of the visit, not the one taken up a week later.
    expect(detail.participants[0]).toMatchObject({
      side: "RU",
      role: "head_of_delegation",
      person: { id: known.id },
      position: { titleEn: "Deputy Prosecutor General", agencyId: russianOffice.id },
    });
    expect(detail.participants[1]).toMatchObject({
      side: "KH",
      role: "host",
      person: { nameEn: newPerson.nameEn, nameRu: newPerson.nameRu },
      position: { titleEn: newPerson.titleEn, titleRu: newPerson.titleRu, agencyId: cambodianOffice.id },
    });

    // Read back as anyone who reads engagements.
    const { client: analyst } = await signInAs(t, "analyst");
    const read = await analyst.get(`/api/engagements/${detail.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"v1"');
    expect(read.body.participants).toEqual(detail.participants);

    // The new person is in the directory, with their position from the visit's first day.
    const addedId = detail.participants[1].person.id;
    const person = await registrar.get(`/api/directory/people/${addedId}`);
    expect(person.status).toBe(200);
    expect(JSON.stringify(person.body)).toContain("2025-05-26");

    // The same names again take the same person rather than adding a second one.
    const again = await officer.post(
      "/api/engagements",
      engagementInput({ participants: [{ side: "KH", role: "member", newPerson }] }),
    );
    expect(again.status).toBe(201);
    expect(again.body.participants[0].person.id).toBe(addedId);
    expect(await count("people WHERE name_en = $1", [newPerson.nameEn])).toBe(1);

    // The audit entry names ids and codes, never people.
    const entry = (
      await t.db.pool.query(
        "SELECT entry FROM audit_log WHERE event_type = 'engagements.engagement_created' AND object_id = $1",
        [detail.id],
      )
    ).rows[0];
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).not.toContain(newPerson.nameEn);
  });

  it("resolves agencies by name or abbreviation within the side's state, and dates a month as the whole month", async () => {
    const fx = registryFixtures(t);
    const agency = await fx.freshAgency("AZ");
    await t.db.pool.query("UPDATE agencies SET abbreviation = 'GPO-AZ-T' WHERE id = $1", [agency.id]);
    const created = await officer.post(
      "/api/engagements",
      engagementInput({
        kind: "bilateral_meeting",
        titleEn: "Meeting with the Prosecutor General of Azerbaijan",
        titleRu: "Встреча с Генеральным прокурором Азербайджана",
        startOn: "2021-01-14",
        endOn: null,
        precision: "month",
        placeState: "RU",
        hostState: "RU",
        states: ["RU"],
        participants: [
          { side: "AZ", role: "head_of_delegation", agencyName: "gpo-az-t" },
          { side: "AZ", role: "member", agencyName: agency.nameRu.toUpperCase() },
        ],
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ startOn: "2021-01-01", endOn: "2021-01-31", precision: "month" });
    expect(created.body.participants.map((p: { agency: { id: string } }) => p.agency.id)).toEqual([
      agency.id,
      agency.id,
    ]);
    expect(created.body.states.sort()).toEqual(["AZ", "RU"]);
  });

  it("refuses references that do not exist, naming the field", async () => {
    const fx = registryFixtures(t);
    const person = await fx.freshPerson();
    const cases: [Record<string, unknown>, number, string, string][] = [
      [
        {
          participants: [
            { side: "RU", role: "member", personId: person.id },
            { side: "KH", role: "member", personId: "00000000-0000-4000-8000-000000000000" },
          ],
        },
        400,
        "unknown_person",
        "body.participants.1.personId",
      ],
      [
        { participants: [{ side: "KH", role: "member", agencyName: "No Such Ministry" }] },
        400,
        "unknown_agency",
        "body.participants.0.agencyName",
      ],
      [{ hostAgencyId: "00000000-0000-4000-8000-000000000000" }, 400, "unknown_agency", "body.hostAgencyId"],
      [{ hostAgencyName: "Nobody's office" }, 400, "unknown_agency", "body.hostAgencyName"],
      [{ startOn: "2025-05-27", endOn: "2025-05-26" }, 400, "invalid_input", "body.endOn"],
      [{ participants: [{ side: "XX", role: "member" }] }, 400, "invalid_input", "body.participants.0.side"],
      [{ kind: "picnic" }, 400, "invalid_input", "body.kind"],
    ];
    const before = await count("engagements");
    for (const [overrides, status, code, path] of cases) {
      const response = await officer.post("/api/engagements", engagementInput(overrides));
      expect(response.status, JSON.stringify(overrides)).toBe(status);
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.fields.map((field: { path: string }) => field.path)).toContain(path);
    }
    expect(await count("engagements")).toBe(before);
  });

  it("records a source key once", async () => {
    const body = engagementInput({ sourceKey: `press-2025-05-27-${Math.random().toString(36).slice(2, 8)}` });
    expect((await officer.post("/api/engagements", body)).status).toBe(201);
    const again = await officer.post("/api/engagements", body);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: "source_key_taken",
      fields: [{ path: "body.sourceKey" }],
    });
  });

  it("refuses an analyst, and a level above the writer's clearance", async () => {
    const { client: analyst } = await signInAs(t, "analyst");
    expect((await analyst.post("/api/engagements", engagementInput())).status).toBe(403);
    const restricted = await officer.post(
      "/api/engagements",
      engagementInput({ confidentiality: "restricted" }),
    );
    expect(restricted.status).toBe(403);
    expect(restricted.body.error.code).toBe("clearance_exceeded");
  });

  it("edits an engagement under If-Match, replacing its participants", async () => {
    const fx = registryFixtures(t);
    const person = await fx.freshPerson();
    const created = await officer.post(
      "/api/engagements",
      engagementInput({ participants: [{ side: "RU", role: "member", personId: person.id }] }),
    );
    const id = created.body.id;
    expect((await officer.patch(`/api/engagements/${id}`, { summary: "Changed" })).status).toBe(428);
    const updated = await officer.patch(
      `/api/engagements/${id}`,
      {
        status: "held",
        summary: "The sides signed a memorandum on legal training.",
        participants: [
          { side: "KH", role: "host", note: "Deputy Prosecutor General" },
          { side: "TH", role: "observer" },
        ],
      },
      { "if-match": '"v1"' },
    );
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.headers.etag).toBe('"v2"');
    expect(updated.body).toMatchObject({
      version: 2,
      summary: "The sides signed a memorandum on legal training.",
      titleEn: "Working visit to Cambodia",
    });
    expect(updated.body.participants.map((p: { side: string }) => p.side)).toEqual(["KH", "TH"]);
    expect(updated.body.states.sort()).toEqual(["KH", "RU", "TH"]);
    // Nobody else is searched by the person who is no longer a participant.
    const search = await officer.get(`/api/engagements?participant=${person.id}`);
    expect(search.body.engagements.map((e: { id: string }) => e.id)).not.toContain(id);

    const stale = await officer.patch(`/api/engagements/${id}`, { notes: "Late" }, { "if-match": '"v1"' });
    expect(stale.status).toBe(412);
    expect(stale.headers.etag).toBe('"v2"');

    const dates = await officer.patch(
      `/api/engagements/${id}`,
      { startOn: "2025-06-02", endOn: "2025-06-01" },
      { "if-match": '"v2"' },
    );
    expect(dates.status).toBe(400);
    const late = await officer.patch(
      `/api/engagements/${id}`,
      { endOn: "2025-05-01" },
      { "if-match": '"v2"' },
    );
    expect(late.status).toBe(400);
    expect(late.body.error.fields[0].path).toBe("body.endOn");
  });
});

describe("outcomes that write to the registry", () => {
  const source = {
    url: "https://example.org/press/memorandum",
    title: "A memorandum on legal training was signed",
    publishedOn: "2025-05-27",
  };

  it("records the signatures of an instrument signed, in the registry, and the instrument page shows them", async () => {
    const engagement = (await registrar.post("/api/engagements", engagementInput())).body;
    const recorded = await registrar.post(`/api/engagements/${engagement.id}/outcomes`, {
      kind: "instrument_signed",
      source,
      newInstrument: {
        code: "RU-KH-MOU-TRAINING-T1",
        kind: "memorandum",
        titleEn: "Memorandum on cooperation in legal training",
        titleRu: "Меморандум о сотрудничестве в области подготовки кадров",
        subjects: ["general_cooperation"],
        binding: false,
        level: "interagency",
        scope: "bilateral",
        sources: [{ kind: "press_release", url: source.url, title: source.title }],
      },
      parties: [
        { type: "state", code: "RU" },
        { type: "state", code: "KH" },
      ],
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const outcome = recorded.body.outcome;
    expect(outcome).toMatchObject({
      kind: "instrument_signed",
      date: "2025-05-26",
      instrument: { code: "RU-KH-MOU-TRAINING-T1", kind: "memorandum" },
    });
    expect(outcome.parties.map((party: { code: string }) => party.code)).toEqual(["RU", "KH"]);
    expect(outcome.partyActionIds).toHaveLength(2);
    expect(recorded.body.engagement.version).toBe(2);
    expect(recorded.body.engagement.outcomes).toHaveLength(1);

    const page = await registrar.get(`/api/registry/instruments/${outcome.instrument.id}?date=2025-06-01`);
    expect(page.status).toBe(200);
    const signatures = page.body.actions.filter(
      (action: { action: string }) => action.action === "signature",
    );
    expect(signatures).toHaveLength(2);
    for (const signature of signatures) {
      expect(signature).toMatchObject({
        date: "2025-05-26",
        origin: "engagement",
        source: { kind: "press_release", url: source.url, title: source.title, date: "2025-05-27" },
      });
      expect(outcome.partyActionIds).toContain(signature.id);
    }
    expect(page.body.parties.map((party: { signedOn: string }) => party.signedOn)).toEqual([
      "2025-05-26",
      "2025-05-26",
    ]);

    // The engagements at which it was signed: what the instrument page links to.
    const at = await registrar.get(`/api/engagements?instrument=${outcome.instrument.id}`);
    expect(at.body.engagements.map((e: { id: string }) => e.id)).toEqual([engagement.id]);

    // A signature removed in the registry leaves the outcome, which no longer names it.
    const removed = await registrar.request(
      "DELETE",
      `/api/registry/instruments/${outcome.instrument.id}/actions/${outcome.partyActionIds[1]}`,
    );
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    const after = (await registrar.get(`/api/engagements/${engagement.id}`)).body;
    expect(after.outcomes[0].partyActionIds).toEqual([outcome.partyActionIds[0]]);
  });

  it("signs an instrument of the registry named by code, citing the engagement's source", async () => {
    const instrument = await registryFixtures(t).freshInstrument();
    const engagement = (await registrar.post("/api/engagements", engagementInput())).body;
    const recorded = await registrar.post(`/api/engagements/${engagement.id}/outcomes`, {
      kind: "instrument_signed",
      instrumentCode: instrument.code.toLowerCase(),
      date: "2025-05-27",
      parties: [{ type: "state", code: "KH" }],
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const page = await registrar.get(`/api/registry/instruments/${instrument.id}`);
    expect(page.body.actions).toHaveLength(1);
    expect(page.body.actions[0]).toMatchObject({
      date: "2025-05-27",
      source: { url: "https://example.org/press/2025-05-27-cambodia", title: "Press release of 27 May 2025" },
    });
    expect(page.body.version).toBe(instrument.version + 1);
  });

  it("rolls back the outcome, the new instrument and every signature when one party has already signed", async () => {
    const engagement = (await registrar.post("/api/engagements", engagementInput())).body;
    const actionsBefore = await count("party_actions");
    const outcomesBefore = await count("engagement_outcomes");

    // A new instrument whose party list names Russia twice: the second signature is a duplicate.
    const duplicate = await registrar.post(`/api/engagements/${engagement.id}/outcomes`, {
      kind: "instrument_signed",
      newInstrument: {
        code: "RU-KH-ROLLBACK-T1",
        kind: "memorandum",
        titleEn: "Memorandum that is never recorded",
        subjects: ["mla"],
        binding: false,
        level: "interagency",
        scope: "bilateral",
        sources: [{ kind: "url", url: "https://example.org/x" }],
      },
      parties: [
        { type: "state", code: "KH" },
        { type: "state", code: "RU" },
        { type: "state", code: "RU" },
      ],
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({
      code: "duplicate_fact",
      fields: [{ path: "body.parties.2" }],
    });
    expect(await count("instruments WHERE code = 'RU-KH-ROLLBACK-T1'")).toBe(0);

    // An instrument of the registry Cambodia signed already: Russia's signature is not kept either.
    const instrument = await registryFixtures(t).freshInstrument();
    await insertPartyActions(t.services.database, [
      {
        instrumentId: instrument.id,
        partyType: "state",
        partyCode: "KH",
        partyState: parseStateCode("KH"),
        action: "signature",
        date: parseIsoDate("2024-01-10"),
        source: { kind: "url", url: "https://example.org/earlier" },
        createdAt: t.clock.now(),
      },
    ]);
    const already = await registrar.post(`/api/engagements/${engagement.id}/outcomes`, {
      kind: "instrument_signed",
      instrumentId: instrument.id,
      parties: [
        { type: "state", code: "RU" },
        { type: "state", code: "KH" },
      ],
    });
    expect(already.status).toBe(409);
    expect(already.body.error.code).toBe("duplicate_fact");

    expect(await count("party_actions")).toBe(actionsBefore + 1);
    expect(await count("party_actions WHERE instrument_id = $1", [instrument.id])).toBe(1);
    expect(await count("engagement_outcomes")).toBe(outcomesBefore);
    const after = await registrar.get(`/api/engagements/${engagement.id}`);
    expect(after.body).toMatchObject({ version: 1, outcomes: [] });
    const page = await registrar.get(`/api/registry/instruments/${instrument.id}`);
    expect(page.body.version).toBe(instrument.version);
  });

  it("adopts a cooperation programme with its term, and refuses another kind", async () => {
    const engagement = (
      await registrar.post(
        "/api/engagements",
        engagementInput({
          kind: "multilateral_meeting",
          titleEn: "Trilateral meeting with Azerbaijan and Armenia",
          titleRu: "Трехсторонняя встреча с Азербайджаном и Арменией",
          startOn: "2021-01-20",
          endOn: null,
          placeState: "RU",
          hostState: "RU",
          states: ["RU", "AZ", "AM"],
        }),
      )
    ).body;
    const adopted = await registrar.post(`/api/engagements/${engagement.id}/outcomes`, {
      kind: "programme_adopted",
      newInstrument: {
        code: "RU-AZ-AM-PROG-2021-T",
        kind: "cooperation_programme",
        titleEn: "Programme of cooperation for 2021-2022",
        titleRu: "Программа сотрудничества на 2021-2022 годы",
        subjects: ["general_cooperation"],
        binding: false,
        level: "interagency",
        scope: "plurilateral",
        termStart: "2021-01-20",
        termEnd: "2023-01-19",
        durationMonths: 24,
        sources: [{ kind: "press_release", url: "https://example.org/programme" }],
      },
      parties: [
        { type: "state", code: "RU" },
        { type: "state", code: "AZ" },
        { type: "state", code: "AM" },
      ],
    });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(201);
    expect(adopted.body.outcome).toMatchObject({
      kind: "programme_adopted",
      date: "2021-01-20",
      instrument: { kind: "cooperation_programme", termEnd: "2023-01-19" },
    });
    expect(adopted.body.outcome.partyActionIds).toHaveLength(3);

    const memorandum = await registryFixtures(t).freshInstrument({ kind: "memorandum" });
    const wrongKind = await registrar.post(`/api/engagements/${engagement.id}/outcomes`, {
      kind: "programme_adopted",
      instrumentId: memorandum.id,
      parties: [{ type: "state", code: "RU" }],
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.fields[0].path).toBe("body.instrumentId");
    const newWrongKind = await registrar.post(`/api/engagements/${engagement.id}/outcomes`, {
      kind: "programme_adopted",
      newInstrument: {
        code: "RU-AZ-NOT-PROG-T",
        kind: "treaty",
        titleEn: "Not a programme",
        subjects: ["mla"],
        binding: true,
        level: "interstate",
        scope: "bilateral",
        sources: [{ kind: "url", url: "https://example.org/x" }],
      },
      parties: [{ type: "state", code: "RU" }],
    });
    expect(newWrongKind.status).toBe(400);
    expect(newWrongKind.body.error.fields[0].path).toBe("body.newInstrument.kind");
  });

  it("refuses unknown instruments and parties by field, a code already taken, and writers without registry.write", async () => {
    const engagement = (await registrar.post("/api/engagements", engagementInput())).body;
    const url = `/api/engagements/${engagement.id}/outcomes`;
    const unknownId = await registrar.post(url, {
      kind: "instrument_signed",
      instrumentId: "00000000-0000-4000-8000-000000000000",
      parties: [{ type: "state", code: "RU" }],
    });
    expect(unknownId.body.error).toMatchObject({
      code: "unknown_instrument",
      fields: [{ path: "body.instrumentId" }],
    });
    const unknownCode = await registrar.post(url, {
      kind: "instrument_signed",
      instrumentCode: "NO-SUCH-CODE",
      parties: [{ type: "state", code: "RU" }],
    });
    expect(unknownCode.body.error).toMatchObject({
      code: "unknown_instrument",
      fields: [{ path: "body.instrumentCode" }],
    });
    const instrument = await registryFixtures(t).freshInstrument();
    const unknownAgency = await registrar.post(url, {
      kind: "instrument_signed",
      instrumentId: instrument.id,
      parties: [
        { type: "state", code: "RU" },
        { type: "agency", id: "00000000-0000-4000-8000-000000000000" },
      ],
    });
    expect(unknownAgency.body.error).toMatchObject({
      code: "unknown_agency",
      fields: [{ path: "body.parties.1" }],
    });
    const taken = await registrar.post(url, {
      kind: "instrument_signed",
      newInstrument: {
        code: instrument.code,
        kind: "memorandum",
        titleEn: "Taken",
        subjects: ["mla"],
        binding: false,
        level: "interagency",
        scope: "bilateral",
        sources: [{ kind: "url", url: "https://example.org/x" }],
      },
      parties: [{ type: "state", code: "RU" }],
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({
      code: "code_taken",
      fields: [{ path: "body.newInstrument.code" }],
    });
    const both = await registrar.post(url, {
      kind: "instrument_signed",
      instrumentId: instrument.id,
      instrumentCode: instrument.code,
      parties: [{ type: "state", code: "RU" }],
    });
    expect(both.status).toBe(400);

    const refused = await officer.post(url, {
      kind: "instrument_signed",
      instrumentId: instrument.id,
      parties: [{ type: "state", code: "RU" }],
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("permission_denied");
    expect(await count("party_actions WHERE instrument_id = $1", [instrument.id])).toBe(0);
  });

  it("records a statement dated as given, and 404s for an engagement that does not exist", async () => {
    const engagement = (await officer.post("/api/engagements", engagementInput())).body;
    const statement = await officer.post(`/api/engagements/${engagement.id}/outcomes`, {
      kind: "statement",
      date: "2025-05-27",
      titleEn: "Joint communiqué",
      titleRu: "Совместное коммюнике",
      url: "https://example.org/communique",
      source,
    });
    expect(statement.status).toBe(201);
    expect(statement.body.outcome).toMatchObject({
      kind: "statement",
      date: "2025-05-27",
      titleEn: "Joint communiqué",
      source: { url: source.url, title: source.title, publishedOn: "2025-05-27" },
    });
    const missing = await officer.post("/api/engagements/00000000-0000-4000-8000-000000000000/outcomes", {
      kind: "statement",
      titleEn: "Nothing",
    });
    expect(missing.status).toBe(404);
  });
});

describe("engagement fixtures", () => {
  it("are visible through the API like recorded ones", async () => {
    const row = await engagementFixtures(t).engagement();
    const read = await officer.get(`/api/engagements/${row.id}`);
    expect(read.status).toBe(200);
    expect(read.body.titleEn).toBe(row.titleEn);
  });
});

describe("removing an outcome", () => {
  const removeUrl = (engagementId: string, outcomeId: string) =>
    `/api/engagements/${engagementId}/outcomes/${outcomeId}`;

  async function recorded(client: Client, body: Record<string, unknown>) {
    const engagement = (await client.post("/api/engagements", engagementInput())).body;
    const outcome = await client.post(`/api/engagements/${engagement.id}/outcomes`, body);
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(201);
    return { engagementId: engagement.id as string, body: outcome.body };
  }

  const commitment = (ownerUserId: string) => ({
    kind: "commitment",
    commitmentKind: "agreement",
    textEn: "The sides agreed to exchange training programmes.",
    action: { title: "Send the training programme", ownerUserId, dueOn: "2026-06-01" },
  });

  it("takes an instrument signed back out of the registry, keeping the instrument, and bumps the version", async () => {
    const instrument = await registryFixtures(t).freshInstrument();
    const { engagementId, body } = await recorded(registrar, {
      kind: "instrument_signed",
      instrumentId: instrument.id,
      parties: [
        { type: "state", code: "RU" },
        { type: "state", code: "KH" },
      ],
    });
    const before = await registrar.get(`/api/registry/instruments/${instrument.id}`);
    expect(before.body.actions).toHaveLength(2);
    const version = body.engagement.version;

    const removed = await registrar.request("DELETE", removeUrl(engagementId, body.outcome.id), {
      headers: { "if-match": `"v${version}"` },
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.version).toBe(version + 1);
    expect(removed.headers.etag).toBe(`"v${version + 1}"`);
    expect(removed.body.outcomes).toHaveLength(0);

    const after = await registrar.get(`/api/registry/instruments/${instrument.id}`);
    expect(after.status).toBe(200);
    expect(after.body.actions).toHaveLength(0);
    expect(after.body.version).toBe(before.body.version + 1);
    expect(await count("outcome_party_actions WHERE outcome_id = $1", [body.outcome.id])).toBe(0);
  });

  it("removes a commitment with its open action item, and refuses one whose item is done", async () => {
    const { user: owner } = await signInAs(t, "analyst");
    const open = await recorded(officer, commitment(owner.row.id));
    const itemId = open.body.outcome.actionItemId;
    const removed = await officer.request("DELETE", removeUrl(open.engagementId, open.body.outcome.id), {
      headers: { "if-match": `"v${open.body.engagement.version}"` },
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.actionItems).toHaveLength(0);
    expect(await count("action_items WHERE id = $1", [itemId])).toBe(0);

    const done = await recorded(officer, commitment(owner.row.id));
    const closed = await officer.patch(
      `/api/action-items/${done.body.outcome.actionItemId}`,
      { status: "done", note: "Sent by letter of 1 June" },
      { "if-match": '"v1"' },
    );
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const page = await officer.get(`/api/engagements/${done.engagementId}`);
    const refused = await officer.request("DELETE", removeUrl(done.engagementId, done.body.outcome.id), {
      headers: { "if-match": page.headers.etag as string },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("outcome_in_use");
    expect(await count("engagement_outcomes WHERE id = $1", [done.body.outcome.id])).toBe(1);
  });

  it("refuses an accepted invitation, removes a pending one, and answers a stale If-Match with 412", async () => {
    const invitation = {
      kind: "invitation",
      direction: "extended",
      counterpart: "Prosecutor General of Cambodia",
      eventEn: "St Petersburg International Legal Forum",
    };
    const accepted = await recorded(officer, invitation);
    const answered = await officer.post(
      `/api/engagements/${accepted.engagementId}/outcomes/${accepted.body.outcome.id}/answer`,
      {
        answer: "accepted",
        engagement: engagementInput({
          status: "planned",
          startOn: "2026-05-01",
          endOn: undefined,
          precision: "month",
        }),
      },
    );
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const refused = await officer.request(
      "DELETE",
      removeUrl(accepted.engagementId, accepted.body.outcome.id),
      { headers: { "if-match": `"v${answered.body.engagement.version}"` } },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("outcome_in_use");

    const pending = await recorded(officer, invitation);
    const url = removeUrl(pending.engagementId, pending.body.outcome.id);
    const stale = await officer.request("DELETE", url, { headers: { "if-match": '"v1"' } });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe("stale_version");
    const missing = await officer.request("DELETE", url, {});
    expect(missing.status).toBe(428);
    const removed = await officer.request("DELETE", url, {
      headers: { "if-match": `"v${pending.body.engagement.version}"` },
    });
    expect(removed.status).toBe(200);
    const again = await officer.request("DELETE", url, {
      headers: { "if-match": `"v${removed.body.version}"` },
    });
    expect(again.status).toBe(404);
  });

  it("refuses a case officer removing an instrument signed: it writes to the registry", async () => {
    const instrument = await registryFixtures(t).freshInstrument();
    const { engagementId, body } = await recorded(registrar, {
      kind: "instrument_signed",
      instrumentId: instrument.id,
      parties: [{ type: "state", code: "KH" }],
    });
    const refused = await officer.request("DELETE", removeUrl(engagementId, body.outcome.id), {
      headers: { "if-match": `"v${body.engagement.version}"` },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("permission_denied");
    const page = await registrar.get(`/api/registry/instruments/${instrument.id}`);
    expect(page.body.actions).toHaveLength(1);
  });
});
