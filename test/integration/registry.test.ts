import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/server/registry/seed-demo.js";
import { type Client, createTestApp, signInAs, type TestApp } from "../support/app.js";
import { registryFixtures } from "../support/registry.js";

let t: TestApp;
let registrar: Client;
let analyst: Client;
beforeAll(async () => {
  t = await createTestApp();
  registrar = (await signInAs(t, "registrar")).client;
  analyst = (await signInAs(t, "analyst")).client;
});
afterAll(async () => {
  await t.close();
});

const CITATION = { kind: "url", url: "https://example.org/depositary" };
const HEADER = "instrument,state,action,date,source_url,as_of,verified";
const codes = (response: { body: { instruments: { code: string }[] } }) =>
  response.body.instruments.map((instrument) => instrument.code);
const count = async (sql: string, values: unknown[] = []) =>
  (await t.db.pool.query(sql, values)).rows[0].n as number;

describe("shipped catalogue", () => {
  it("lists the multilateral instruments with how old their party lists are", async () => {
    const response = await analyst.get("/api/registry/instruments?limit=500");
    expect(response.status).toBe(200);
    expect(response.body.total).toBeGreaterThanOrEqual(19);
    const untoc = response.body.instruments.find(
      (instrument: { code: string }) => instrument.code === "UNTOC",
    );
    expect(untoc).toMatchObject({
      kind: "convention",
      scope: "universal",
      binding: true,
      partyListAsOf: "2014-07-10",
      isDemo: false,
    });
    expect(untoc.partiesCount).toBeGreaterThan(180);
  });

  it("keeps each action's source, as-of date and verified flag, and computes each party's status on a date", async () => {
    const list = await analyst.get("/api/registry/instruments?q=MINSK1993");
    const minsk = list.body.instruments.find(
      (instrument: { code: string }) => instrument.code === "MINSK1993",
    );
    const detail = await analyst.get(`/api/registry/instruments/${minsk.id}?date=2000-01-01`);
    expect(detail.headers.etag).toMatch(/^"v\d+"$/);
    const russia = detail.body.parties.find(
      (party: { party: { code: string } }) => party.party.code === "RU",
    );
    expect(russia).toMatchObject({ status: "in_force", inForceFrom: "1994-12-10" });
    const action = detail.body.actions.find((item: { party: { code: string } }) => item.party.code === "RU");
    expect(action).toMatchObject({
      action: "entry_into_force",
      date: "1994-12-10",
      verified: true,
      origin: "catalogue",
      source: { url: "https://edis74.ru/minskaya-konventsiya-1993/" },
    });
    expect(detail.body.relations).toContainEqual(
      expect.objectContaining({
        kind: "supersedes",
        direction: "incoming",
        other: expect.objectContaining({ code: "CHISINAU2002" }),
      }),
    );
    const before = await analyst.get(`/api/registry/instruments/${minsk.id}?date=1994-01-01`);
    expect(
      before.body.parties.find((party: { party: { code: string } }) => party.party.code === "RU").status,
    ).toBe("none");
  });

  it("searches titles with English and Russian stemming", async () => {
    expect(codes(await analyst.get("/api/registry/instruments?q=extraditions"))).toEqual(
      expect.arrayContaining(["CETS024", "CETS086"]),
    );
    expect(codes(await analyst.get(`/api/registry/instruments?q=${encodeURIComponent("выдача")}`))).toContain(
      "CETS024",
    );
    expect(
      codes(await analyst.get(`/api/registry/instruments?q=${encodeURIComponent("коррупция")}`)),
    ).toEqual(["UNCAC"]);
    expect(codes(await analyst.get("/api/registry/instruments?q=cybercrime&kind=protocol"))).toEqual(
      expect.arrayContaining(["CETS189", "CETS224"]),
    );
  });

  it("filters by kind, subject, scope, binding and a party's status on a date", async () => {
    expect(
      codes(await analyst.get("/api/registry/instruments?kind=protocol&limit=500")).every((code) =>
        code.startsWith("CETS"),
      ),
    ).toBe(true);
    expect(codes(await analyst.get("/api/registry/instruments?subject=corruption"))).toContain("UNCAC");
    expect(codes(await analyst.get("/api/registry/instruments?scope=universal&limit=500")).sort()).toEqual([
      "UNCAC",
      "UNCC2024",
      "UNTOC",
    ]);
    const inForce = codes(
      await analyst.get("/api/registry/instruments?party=RU&status=in_force&date=2020-01-01&limit=500"),
    );
    expect(inForce).toEqual(expect.arrayContaining(["MINSK1993", "UNTOC", "UNCAC"]));
    expect(inForce).not.toContain("CHISINAU2002");
    expect(
      codes(
        await analyst.get("/api/registry/instruments?party=RU&status=in_force&date=2024-01-01&limit=500"),
      ),
    ).toContain("CHISINAU2002");
  });
});

describe("CSV import and export of party actions", () => {
  it("imports a good file, and importing it again adds nothing", async () => {
    const csv = `${HEADER}\nUNTOC,TH,declaration,2013-10-17,https://example.org/untc,2026-11-01,true\nCETS185,JP,ratification,2012-07-03,https://example.org/coe,2026-11-01,true\n`;
    const first = await registrar.post("/api/registry/party-actions/import", { csv });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ dryRun: false, rows: 2, inserted: 2, unchanged: 0 });
    const again = await registrar.post("/api/registry/party-actions/import", { csv });
    expect(again.body).toMatchObject({ rows: 2, inserted: 0, unchanged: 2 });
    expect(
      await count(
        "SELECT count(*)::int AS n FROM party_actions WHERE origin = 'import' AND party_code = 'JP'",
      ),
    ).toBe(1);
    const entry = (
      await t.db.pool.query(
        "SELECT * FROM audit_log WHERE event_type = 'registry.party_actions_imported' ORDER BY seq DESC LIMIT 1",
      )
    ).rows[0];
    expect(entry.details).toMatchObject({ rows: 2, inserted: 0, unchanged: 2 });
  });

  it("writes nothing when one row is bad, and names the line", async () => {
    const before = await count("SELECT count(*)::int AS n FROM party_actions");
    const csv = `${HEADER}\nUNTOC,VN,signature,2000-12-13,https://example.org/untc,,true\nUNTOC,VN,ratification,2012-02-30,https://example.org/untc,,true\nUNTOC,LA,accession,2003-09-26,https://example.org/untc,,true\n`;
    const response = await registrar.post("/api/registry/party-actions/import", { csv });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: "invalid_csv",
      fields: [{ path: "line 3: date", message: expect.stringContaining("2012-02-30") }],
    });
    expect(await count("SELECT count(*)::int AS n FROM party_actions")).toBe(before);
  });

  it("checks a file in a dry run without writing", async () => {
    const before = await count("SELECT count(*)::int AS n FROM party_actions");
    const response = await registrar.post("/api/registry/party-actions/import", {
      csv: "state,action,date,source_url,as_of,verified\nNZ,declaration,2002-07-19,https://example.org/x,,false\n",
      instrument: "UNTOC",
      dryRun: true,
    });
    expect(response.body).toMatchObject({ dryRun: true, rows: 1, inserted: 1 });
    expect(await count("SELECT count(*)::int AS n FROM party_actions")).toBe(before);
  });

  it("exports in the import format, which imports back unchanged", async () => {
    const response = await analyst.get("/api/registry/party-actions/export?instrument=MINSK1993");
    expect(String(response.headers["content-type"])).toContain("text/csv");
    const lines = String(response.body).trim().split("\n");
    expect(lines[0]).toBe(HEADER);
    expect(lines).toContain(
      "MINSK1993,RU,entry_into_force,1994-12-10,https://edis74.ru/minskaya-konventsiya-1993/,,true",
    );
    const back = await registrar.post("/api/registry/party-actions/import", { csv: String(response.body) });
    expect(back.body).toMatchObject({ inserted: 0, unchanged: lines.length - 1 });
  });

  it("is for registrars only", async () => {
    expect((await analyst.post("/api/registry/party-actions/import", { csv: `${HEADER}\n` })).status).toBe(
      403,
    );
  });
});

describe("recording an instrument and finding it", () => {
  it("creates a bilateral treaty with two parties, and the resolver and the map see it", async () => {
    const mapBefore = await analyst.get("/api/registry/map?state=KE&date=2026-01-01");
    expect(
      mapBefore.body.partners.find((partner: { state: string }) => partner.state === "UY").relation,
    ).toBe("none");

    const created = await registrar.post("/api/registry/instruments", {
      code: "KE-UY-MLA-2024",
      kind: "treaty",
      titleEn: "Treaty between Kenya and Uruguay on Mutual Legal Assistance in Criminal Matters",
      titleRu: "Договор между Кенией и Уругваем о взаимной правовой помощи по уголовным делам",
      subjects: ["mla", "asset_recovery"],
      binding: true,
      level: "interstate",
      scope: "bilateral",
      entryIntoForce: "2025-03-01",
      sources: [CITATION],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    for (const [state, action, date] of [
      ["KE", "signature", "2024-02-10"],
      ["UY", "signature", "2024-02-10"],
      ["KE", "ratification", "2024-10-01"],
      ["UY", "ratification", "2025-01-15"],
    ] as const) {
      const response = await registrar.post(`/api/registry/instruments/${id}/actions`, {
        party: { type: "state", code: state },
        action,
        date,
        source: CITATION,
        verified: true,
      });
      expect(response.status).toBe(201);
    }
    const duplicate = await registrar.post(`/api/registry/instruments/${id}/actions`, {
      party: { type: "state", code: "KE" },
      action: "signature",
      date: "2024-02-10",
      source: CITATION,
    });
    expect(duplicate.status).toBe(409);

    const resolved = await analyst.get(
      "/api/registry/resolve?requesting=KE&requested=UY&kind=mla&date=2025-06-01",
    );
    expect(resolved.body.candidates[0]).toMatchObject({
      recommended: true,
      status: "applies",
      instrument: { code: "KE-UY-MLA-2024" },
    });
    expect(resolved.body.candidates[0].explanation).toContain("in force for both states since 2025-03-01");
    // Before entry into force the universal conventions are all there is, and the treaty says why.
    const early = await analyst.get(
      "/api/registry/resolve?requesting=KE&requested=UY&kind=mla&date=2024-12-01",
    );
    const treaty = early.body.candidates.find(
      (candidate: { instrument: { code: string } | null }) => candidate.instrument?.code === "KE-UY-MLA-2024",
    );
    expect(treaty).toMatchObject({ status: "not_applicable", recommended: false });
    expect(treaty.reasons).toContainEqual({ code: "not_yet_in_force", state: "KE", from: "2025-03-01" });
    expect(
      early.body.candidates.find((candidate: { recommended: boolean }) => candidate.recommended).instrument
        .scope,
    ).toBe("universal");

    const mapAfter = await analyst.get("/api/registry/map?state=KE&date=2026-01-01");
    expect(mapAfter.body.partners.find((partner: { state: string }) => partner.state === "UY")).toMatchObject(
      { relation: "in_force", numeric: "858", instrumentIds: [id] },
    );
    expect(
      (await analyst.get("/api/registry/map?state=KE&date=2024-06-01")).body.partners.find(
        (partner: { state: string }) => partner.state === "UY",
      ).relation,
    ).toBe("signed");

    const pair = await analyst.get("/api/registry/pair?state=UY&partner=KE&date=2026-01-01");
    expect(
      pair.body.instruments.map((item: { instrument: { code: string } }) => item.instrument.code),
    ).toContain("KE-UY-MLA-2024");
  });

  it("validates instruments: a source is required, the term is ordered, codes are unique", async () => {
    const base = {
      code: "BAD-1",
      kind: "treaty",
      titleEn: "x",
      subjects: ["mla"],
      binding: true,
      level: "interstate",
      scope: "bilateral",
    };
    const noSource = await registrar.post("/api/registry/instruments", { ...base, sources: [] });
    expect(noSource.status).toBe(400);
    expect(noSource.body.error.fields[0].path).toBe("body.sources");
    const term = await registrar.post("/api/registry/instruments", {
      ...base,
      sources: [CITATION],
      termStart: "2025-01-01",
      termEnd: "2024-01-01",
    });
    expect(term.body.error.fields[0].path).toBe("body.termEnd");
    const taken = await registrar.post("/api/registry/instruments", {
      ...base,
      code: "UNTOC",
      sources: [CITATION],
    });
    expect(taken.status).toBe(409);
    const unknownParty = await registrar.post("/api/registry/instruments", {
      ...base,
      code: "BAD-2",
      sources: [CITATION],
      intendedParties: [{ type: "state", code: "ZZ" }],
    });
    expect(unknownParty.status).toBe(400);
    expect(unknownParty.body.error).toMatchObject({
      code: "invalid_input",
      fields: [{ path: "body.intendedParties.0.code", message: expect.any(String) }],
    });
  });

  it("keeps the lists a PATCH does not name, and ends a term given as a start and a duration", async () => {
    const created = await registrar.post("/api/registry/instruments", {
      code: "KE-UY-PROG-2023",
      kind: "cooperation_programme",
      titleEn: "Programme of cooperation between the prosecution services of Kenya and Uruguay for 2023-2025",
      subjects: ["mla"],
      binding: false,
      level: "interagency",
      scope: "bilateral",
      termStart: "2023-03-15",
      durationMonths: 24,
      identifiers: [{ scheme: "national_register", value: "KU-17" }],
      intendedParties: [
        { type: "state", code: "KE" },
        { type: "state", code: "UY" },
      ],
      sources: [CITATION],
    });
    expect(created.status).toBe(201);
    const url = `/api/registry/instruments/${created.body.id}`;
    expect((await registrar.patch(url, { notes: "Due for review." }, { "if-match": '"v1"' })).status).toBe(
      200,
    );
    for (const party of ["KE", "UY"])
      await registrar.post(`${url}/actions`, {
        party: { type: "state", code: party },
        action: "signature",
        date: "2023-03-15",
        source: CITATION,
      });
    const during = (await analyst.get(`${url}?date=2024-06-01`)).body;
    expect(during.identifiers).toEqual([{ scheme: "national_register", value: "KU-17" }]);
    expect(during.intendedParties).toHaveLength(2);
    expect(during.termEnd).toBe("2025-03-15");
    const after = (await analyst.get(`${url}?date=2025-06-01`)).body;
    expect(after.parties.map((party: { status: string }) => party.status)).toEqual(["expired", "expired"]);
  });

  it("edits with If-Match: 428 without it, 412 when stale; recording a fact changes the ETag", async () => {
    const instrument = await registryFixtures(t).freshInstrument();
    const url = `/api/registry/instruments/${instrument.id}`;
    expect((await registrar.patch(url, { notes: "x" })).status).toBe(428);
    const ok = await registrar.patch(url, { notes: "Checked." }, { "if-match": '"v1"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).toBe('"v2"');
    await registrar.post(`${url}/stages`, { stage: "initiative", date: "2020-01-01" });
    expect((await registrar.patch(url, { notes: "Stale." }, { "if-match": '"v2"' })).status).toBe(412);
    expect((await analyst.patch(url, { notes: "No." }, { "if-match": '"v3"' })).status).toBe(403);
  });

  it("keeps shipped catalogue facts: a registrar cannot remove one, and the refusal is recorded", async () => {
    const untoc = await registryFixtures(t).catalogueInstrument("UNTOC");
    const shipped = (
      await t.db.pool.query(
        "SELECT id FROM party_actions WHERE instrument_id = $1 AND origin = 'catalogue' LIMIT 1",
        [untoc.id],
      )
    ).rows[0].id;
    const response = await registrar.request(
      "DELETE",
      `/api/registry/instruments/${untoc.id}/actions/${shipped}`,
    );
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("shipped_fact");
    expect(await count("SELECT count(*)::int AS n FROM party_actions WHERE id = $1", [shipped])).toBe(1);
    const entry = (await t.db.pool.query("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1")).rows[0];
    expect(entry).toMatchObject({ event_type: "registry.party_action_removed", outcome: "denied" });
  });

  it("records the removed fact itself in the audit trail", async () => {
    const action = await registryFixtures(t).freshAction();
    expect(
      (
        await registrar.request(
          "DELETE",
          `/api/registry/instruments/${action.instrumentId}/actions/${action.id}`,
        )
      ).status,
    ).toBe(200);
    const entry = (await t.db.pool.query("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1")).rows[0];
    expect(entry.details.removed).toMatchObject({ id: action.id, party: "FR", action: "signature" });
  });
});

describe("directory", () => {
  it("keeps agencies within their state's tree, and finds who held a post on a date", async () => {
    const fx = registryFixtures(t);
    const russian = await fx.freshAgency("RU");
    const wrongParent = await registrar.post("/api/directory/agencies", {
      stateCode: "KH",
      kind: "court",
      nameEn: "Court",
      nameRu: "Суд",
      parentAgencyId: russian.id,
    });
    expect(wrongParent.status).toBe(400);
    expect(wrongParent.body.error.code).toBe("agency_parent_state");
    const unit = await registrar.post("/api/directory/agencies", {
      stateCode: "RU",
      kind: "prosecution_service",
      nameEn: "Department X",
      nameRu: "Управление Х",
      parentAgencyId: russian.id,
    });
    expect(unit.status).toBe(201);
    const cycle = await registrar.patch(
      `/api/directory/agencies/${russian.id}`,
      { parentAgencyId: unit.body.id },
      { "if-match": '"v1"' },
    );
    expect(cycle.body.error.code).toBe("agency_cycle");

    const person = await registrar.post("/api/directory/people", {
      nameEn: "Ivan Petrov",
      nameRu: "Иван Петров",
    });
    await registrar.post(`/api/directory/people/${person.body.id}/positions`, {
      agencyId: russian.id,
      titleEn: "Prosecutor General",
      titleRu: "Генеральный прокурор",
      startOn: "2015-01-01",
      endOn: "2019-12-31",
    });
    const on = (date: string) =>
      analyst.get(
        `/api/directory/people?title=${encodeURIComponent("генеральный прокурор")}&state=RU&on=${date}`,
      );
    expect((await on("2018-06-01")).body.people.map((item: { nameEn: string }) => item.nameEn)).toContain(
      "Ivan Petrov",
    );
    expect((await on("2020-06-01")).body.people.map((item: { nameEn: string }) => item.nameEn)).not.toContain(
      "Ivan Petrov",
    );
    expect(
      (await analyst.get(`/api/directory/people?q=${encodeURIComponent("петров")}`)).body.people.length,
    ).toBeGreaterThan(0);
  });

  it("shows organisation memberships with the snapshot's date", async () => {
    const state = await analyst.get("/api/directory/states/FR");
    expect(state.body.memberships).toContainEqual(
      expect.objectContaining({ organisationCode: "CE", asOf: "2020-01-29" }),
    );
    const organisations = await analyst.get("/api/directory/organisations");
    expect(organisations.body.asOf).toBe("2020-01-29");
    expect(
      organisations.body.organisations.find(
        (organisation: { code: string }) => organisation.code === "INTERPOL",
      ).members,
    ).toBeGreaterThan(180);
  });
});

describe("demo data", () => {
  it("loads the seed scenario once, marked as demo, and the resolver uses it", async () => {
    const demo = await createTestApp();
    try {
      const first = await seedDemo({ services: demo.services, actor: { kind: "cli", osUser: "test" } });
      expect(first).toMatchObject({ instruments: 8, agencies: 12 });
      const second = await seedDemo({ services: demo.services, actor: { kind: "cli", osUser: "test" } });
      expect(second).toMatchObject({ instruments: 0, agencies: 0, people: 0, actions: 0 });
      const { client } = await signInAs(demo, "case_officer");
      const resolved = await client.get(
        "/api/registry/resolve?requesting=KH&requested=RU&kind=extradition&date=2025-05-20",
      );
      expect(resolved.body.candidates[0]).toMatchObject({
        recommended: true,
        instrument: { code: "KH-RU-EXT-2017", isDemo: true },
      });
      expect(resolved.body.candidates[0].caveats).toContainEqual({ code: "demo_data" });
      const thailand = await client.get("/api/registry/map?state=RU&date=2025-01-01");
      expect(
        thailand.body.partners.find((partner: { state: string }) => partner.state === "TH").relation,
      ).toBe("negotiating");
      expect(
        thailand.body.partners.find((partner: { state: string }) => partner.state === "KH").relation,
      ).toBe("in_force");
      const demoCount = await demo.db.pool.query(
        "SELECT count(*)::int AS n FROM instruments WHERE is_demo AND origin = 'demo'",
      );
      expect(demoCount.rows[0].n).toBe(8);
    } finally {
      await demo.close();
    }
  });
});
