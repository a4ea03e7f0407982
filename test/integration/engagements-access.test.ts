import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, signInAs, type TestApp } from "../support/app.js";
import { caseFixtures } from "../support/cases.js";
import { engagementFixtures, engagementInput } from "../support/engagements-fixtures.js";
import { registryFixtures } from "../support/registry.js";

/**
 * Need-to-know on engagements (a restricted one does not exist for a standard reader; a
 * case linked to one is shown only to those who may read the case) and the list's
 * filters and full-text search in English and Russian.
 */

let t: TestApp;
let officer: Client;

beforeAll(async () => {
  t = await createTestApp();
  officer = (await signInAs(t, "case_officer")).client;
});
afterAll(async () => {
  await t.close();
});

const ids = (response: { body: { engagements: { id: string }[] } }) =>
  response.body.engagements.map((engagement) => engagement.id);

describe("need-to-know", () => {
  it("shows the engagement to a reader outside the linked case's team, but not the case", async () => {
    const cases = caseFixtures(t);
    const team = await cases.team();
    const { client: inside, user: insideUser } = await signInAs(t, "case_officer");
    await cases.member(team.id, insideUser.row.id);
    const { client: outside } = await signInAs(t, "case_officer");
    const { client: registrar } = await signInAs(t, "registrar");
    const { client: supervisor } = await signInAs(t, "supervisor");
    const kase = await cases.freshCase({ teamId: team.id, title: "Extradition of a businessman" });

    const engagementId = (await inside.post("/api/engagements", engagementInput())).body.id;
    const linked = await inside.post(`/api/engagements/${engagementId}/outcomes`, {
      kind: "case_discussed",
      caseReference: kase.reference,
      note: "Progress of the request was discussed",
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    expect(linked.body.outcome).toMatchObject({
      kind: "case_discussed",
      case: { reference: kase.reference, title: "Extradition of a businessman" },
    });
    t.clock.advance(1000);
    await inside.post(`/api/engagements/${engagementId}/outcomes`, {
      kind: "statement",
      titleEn: "Press release",
    });

    const kindsFor = async (client: Client) => {
      const response = await client.get(`/api/engagements/${engagementId}`);
      expect(response.status).toBe(200);
      return response.body.outcomes.map((outcome: { kind: string }) => outcome.kind);
    };
    expect(await kindsFor(inside)).toEqual(["case_discussed", "statement"]);
    expect(await kindsFor(supervisor)).toEqual(["case_discussed", "statement"]);
    expect(await kindsFor(outside)).toEqual(["statement"]);
    expect(await kindsFor(registrar)).toEqual(["statement"]);
    const seen = JSON.stringify((await outside.get(`/api/engagements/${engagementId}`)).body);
    expect(seen).not.toContain(kase.reference);
    expect(JSON.stringify((await outside.get("/api/engagements")).body)).not.toContain(kase.reference);

    // Linking a case one may not see answers as if it did not exist.
    for (const reference of [kase.reference, "NO-SUCH-CASE-1"]) {
      const refused = await outside.post(`/api/engagements/${engagementId}/outcomes`, {
        kind: "case_discussed",
        caseReference: reference,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({
        code: "unknown_case",
        fields: [{ path: "body.caseReference" }],
      });
      expect(refused.body.error.message).not.toContain(reference);
    }
  });

  it("hides a restricted engagement from a standard reader: 404, and not counted", async () => {
    const { client: standard } = await signInAs(t, "analyst");
    const { client: cleared, user: clearedUser } = await signInAs(t, "analyst");
    await caseFixtures(t).clearance(clearedUser.row.id, "restricted");
    const restricted = await engagementFixtures(t).engagement({
      titleEn: "Confidential consultations",
      confidentiality: "restricted",
    });
    const visible = await engagementFixtures(t).engagement({ titleEn: "Open consultations" });

    expect((await standard.get(`/api/engagements/${restricted.id}`)).status).toBe(404);
    expect((await standard.get(`/api/engagements/${visible.id}`)).status).toBe(200);
    const standardList = await standard.get("/api/engagements?q=consultations");
    expect(ids(standardList)).toEqual([visible.id]);
    expect(standardList.body.total).toBe(1);

    expect((await cleared.get(`/api/engagements/${restricted.id}`)).status).toBe(200);
    expect((await cleared.get("/api/engagements?q=consultations")).body.total).toBe(2);

    // A writer without the clearance cannot change it either, nor learn that it exists.
    const patched = await officer.patch(
      `/api/engagements/${restricted.id}`,
      { notes: "x" },
      { "if-match": '"v1"' },
    );
    expect(patched.status).toBe(404);
    const outcome = await officer.post(`/api/engagements/${restricted.id}/outcomes`, {
      kind: "statement",
      titleEn: "x",
    });
    expect(outcome.status).toBe(404);
    // The refusal is recorded as denied; a missing id as a failure.
    const denied = await t.db.pool.query(
      "SELECT outcome FROM audit_log WHERE event_type = 'engagements.engagement_read' AND object_id = $1",
      [restricted.id],
    );
    expect(denied.rows.map((row) => row.outcome)).toContain("denied");
  });

  it("refuses every engagement route to roles without engagements.read", async () => {
    const { client: auditor } = await signInAs(t, "auditor");
    const engagement = await engagementFixtures(t).engagement();
    expect((await auditor.get("/api/engagements")).status).toBe(403);
    expect((await auditor.get(`/api/engagements/${engagement.id}`)).status).toBe(403);
    expect((await auditor.get("/api/action-items")).status).toBe(403);
  });
});

describe("the list", () => {
  it("filters by state, kind, status, period, participant, instrument and open action items", async () => {
    const fx = registryFixtures(t);
    const person = await fx.freshPerson();
    const { user: owner } = await signInAs(t, "analyst");
    const marker = `Filter${Math.random().toString(36).slice(2, 8)}`;
    const visit = (
      await officer.post(
        "/api/engagements",
        engagementInput({
          titleEn: `${marker} working visit to Cambodia`,
          titleRu: `${marker} рабочий визит в Камбоджу`,
          participants: [{ side: "RU", role: "head_of_delegation", personId: person.id }],
        }),
      )
    ).body;
    const meeting = (
      await officer.post(
        "/api/engagements",
        engagementInput({
          kind: "bilateral_meeting",
          titleEn: `${marker} meeting with the Prosecutor General of Azerbaijan`,
          titleRu: `${marker} встреча с Генеральным прокурором Азербайджана`,
          startOn: "2021-01-20",
          endOn: null,
          city: "Moscow",
          placeState: "RU",
          hostState: "RU",
          states: ["RU", "AZ"],
          agenda: ["Exchange of information on wanted persons"],
          summary: "The sides adopted a programme of cooperation.",
        }),
      )
    ).body;
    const planned = (
      await officer.post(
        "/api/engagements",
        engagementInput({
          kind: "conference",
          titleEn: `${marker} St Petersburg International Legal Forum`,
          titleRu: `${marker} Петербургский международный юридический форум`,
          status: "planned",
          startOn: "2026-05-12",
          endOn: "2026-05-14",
          city: "St Petersburg",
          placeState: "RU",
          hostState: "RU",
          states: ["RU"],
          agenda: [],
          summary: null,
        }),
      )
    ).body;
    await officer.post(`/api/engagements/${visit.id}/outcomes`, {
      kind: "commitment",
      commitmentKind: "agreement",
      textEn: "Exchange training programmes",
      action: { title: "Send the training programme", ownerUserId: owner.row.id, dueOn: "2026-06-01" },
    });
    const list = async (query: string) => {
      const response = await officer.get(`/api/engagements?q=${encodeURIComponent(marker)}&${query}`);
      expect(response.status, query).toBe(200);
      return ids(response);
    };

    expect(await list("")).toEqual([planned.id, visit.id, meeting.id]);
    expect(await list("state=AZ")).toEqual([meeting.id]);
    expect(await list("state=KH")).toEqual([visit.id]);
    expect(await list("kind=bilateral_meeting")).toEqual([meeting.id]);
    expect(await list("status=planned")).toEqual([planned.id]);
    expect(await list("from=2021-01-01&to=2021-12-31")).toEqual([meeting.id]);
    expect(await list("from=2025-05-27&to=2025-05-27")).toEqual([visit.id]);
    expect(await list("upcoming=true")).toEqual([planned.id]);
    expect(await list(`participant=${person.id}`)).toEqual([visit.id]);
    expect(await list("openActions=true")).toEqual([visit.id]);
    expect(await list("openActions=false")).toEqual([planned.id, meeting.id]);
    expect(await list("demo=true")).toEqual([]);
    expect(await list("limit=1&offset=1")).toEqual([visit.id]);
    const paged = await officer.get(`/api/engagements?q=${marker}&limit=1`);
    expect(paged.body.total).toBe(3);
    expect(paged.body.engagements[0]).toMatchObject({ id: planned.id, openActionItems: 0 });
    const withItems = await officer.get(`/api/engagements?q=${marker}&openActions=true`);
    expect(withItems.body.engagements[0]).toMatchObject({ openActionItems: 1, overdueActionItems: 0 });
  });

  it("searches English and Russian text, stemmed, and participants' names", async () => {
    const fx = registryFixtures(t);
    const person = await fx.freshPerson();
    const marker = `Zq${Math.random().toString(36).slice(2, 8)}`;
    const visit = (
      await officer.post(
        "/api/engagements",
        engagementInput({
          titleEn: "Working visit to the Kingdom of Cambodia",
          titleRu: "Рабочий визит в Королевство Камбоджа",
          notes: marker,
          participants: [{ side: "RU", role: "head_of_delegation", personId: person.id }],
        }),
      )
    ).body;
    const search = async (q: string) =>
      ids(await officer.get(`/api/engagements?q=${encodeURIComponent(q)}&limit=500`));
    expect(await search("visit")).toContain(visit.id);
    expect(await search("visits Cambodia")).toContain(visit.id);
    expect(await search("визит")).toContain(visit.id);
    expect(await search("визиты Камбоджа")).toContain(visit.id);
    expect(await search(person.nameEn)).toContain(visit.id);
    expect(await search(person.nameRu)).toContain(visit.id);
    expect(await search(marker)).toEqual([visit.id]);
    expect(await search("extradition treaty with Narnia")).not.toContain(visit.id);
  });

  it("refuses bad filters, naming the field", async () => {
    const cases: [string, string][] = [
      ["state=XX", "querystring.state"],
      ["kind=picnic", "querystring.kind"],
      ["from=2025-13-01", "querystring.from"],
      ["from=2025-06-01&to=2025-05-01", "querystring.to"],
      ["participant=someone", "querystring.participant"],
      ["openActions=yes", "querystring.openActions"],
      ["limit=0", "querystring.limit"],
    ];
    for (const [query, path] of cases) {
      const response = await officer.get(`/api/engagements?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.fields.map((field: { path: string }) => field.path)).toContain(path);
    }
    const items = await officer.get("/api/action-items?status=finished");
    expect(items.status).toBe(400);
    expect(items.body.error.fields[0].path).toBe("querystring.status");
  });
});
