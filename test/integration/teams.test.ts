import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, createUser, signInAs, type TestApp } from "../support/app.js";

let t: TestApp;
let administrator: Client;
beforeAll(async () => {
  t = await createTestApp();
  administrator = (await signInAs(t, "administrator")).client;
});
afterAll(async () => {
  await t.close();
});

const lastEntry = async (eventType: string) =>
  (
    await t.db.pool.query(
      "SELECT outcome, object_id, details FROM audit_log WHERE event_type = $1 ORDER BY seq DESC LIMIT 1",
      [eventType],
    )
  ).rows[0];

describe("teams", () => {
  it("makes a team, renames it with If-Match, adds and removes members, each change recorded", async () => {
    const created = await administrator.post("/api/teams", {
      name: "Extradition desk",
      description: "Incoming requests",
    });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"v1"');
    expect(created.body).toMatchObject({
      name: "Extradition desk",
      description: "Incoming requests",
      members: [],
    });
    const url = `/api/teams/${created.body.id}`;
    expect(await lastEntry("team.created")).toMatchObject({ outcome: "success", object_id: created.body.id });

    expect((await administrator.patch(url, { name: "Extradition" })).status).toBe(428);
    expect((await administrator.patch(url, { name: "Extradition" }, { "if-match": '"v9"' })).status).toBe(
      412,
    );
    const renamed = await administrator.patch(
      url,
      { name: "Extradition", description: null },
      { "if-match": '"v1"' },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Extradition", description: null, version: 2 });
    expect((await lastEntry("team.updated")).details.changes).toEqual({
      name: { from: "Extradition desk", to: "Extradition" },
      description: { from: "Incoming requests", to: null },
    });

    const member = await createUser(t, { role: "case_officer" });
    const added = await administrator.post(`${url}/members`, { userId: member.row.id });
    expect(added.status).toBe(200);
    expect(added.body.members).toEqual([
      { userId: member.row.id, username: member.username, displayName: member.row.displayName },
    ]);
    expect((await lastEntry("team.member_added")).details).toMatchObject({
      userId: member.row.id,
      alreadyMember: false,
    });
    const again = await administrator.post(`${url}/members`, { userId: member.row.id });
    expect(again.body.members).toHaveLength(1);
    expect(again.body.version).toBe(added.body.version);

    const removed = await administrator.request("DELETE", `${url}/members/${member.row.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.members).toEqual([]);
    expect((await administrator.request("DELETE", `${url}/members/${member.row.id}`)).status).toBe(404);
  });

  it("refuses a taken name (409), an unknown account (400) and an unknown team (404)", async () => {
    await administrator.post("/api/teams", { name: "MLA desk" });
    const taken = await administrator.post("/api/teams", { name: "mla DESK" });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({
      code: "team_name_taken",
      fields: [{ path: "body.name", message: "taken" }],
    });
    const team = await administrator.post("/api/teams", { name: "Asset recovery" });
    const unknown = await administrator.post(`/api/teams/${team.body.id}/members`, {
      userId: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: "body.userId", message: "unknown" }]);
    const nowhere = await administrator.post("/api/teams/00000000-0000-4000-8000-000000000000/members", {
      userId: team.body.id,
    });
    expect(nowhere.status).toBe(404);
  });

  it("shows teams to those who work cases, lets only administrators change them", async () => {
    const { client: officer } = await signInAs(t, "case_officer");
    const list = await officer.get("/api/teams");
    expect(list.status).toBe(200);
    expect(list.body.teams.map((team: { name: string }) => team.name)).toContain("MLA desk");
    const refused = await officer.post("/api/teams", { name: "My own team" });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("permission_denied");
    const { client: auditor } = await signInAs(t, "auditor");
    expect((await auditor.get("/api/teams")).status).toBe(403);
  });
});

describe("clearances", () => {
  it("lets an administrator set a clearance, shown on the account and recorded with the change", async () => {
    const created = await administrator.post("/api/users", {
      username: `analyst-${Math.random().toString(36).slice(2, 8)}`,
      displayName: "Clearance Test",
      role: "case_officer",
    });
    expect(created.body.user.clearance).toBe("standard");
    const url = `/api/users/${created.body.user.id}`;
    const raised = await administrator.patch(url, { clearance: "secret" }, { "if-match": '"v1"' });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ clearance: "secret", version: 2 });
    expect((await lastEntry("user.updated")).details.changes).toEqual({
      clearance: { from: "standard", to: "secret" },
    });
    const wrong = await administrator.patch(url, { clearance: "top_secret" }, { "if-match": '"v2"' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe("body.clearance");
    const { client: supervisor } = await signInAs(t, "supervisor");
    expect((await supervisor.patch(url, { clearance: "standard" }, { "if-match": '"v2"' })).status).toBe(403);
  });
});
