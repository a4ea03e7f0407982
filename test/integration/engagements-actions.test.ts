import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { officeToday } from "../../src/server/platform/today.js";
import { type Client, createTestApp, createUser, signInAs, type TestApp } from "../support/app.js";
import { caseFixtures } from "../support/cases.js";
import { engagementFixtures, engagementInput } from "../support/engagements-fixtures.js";

/**
 * Commitments become action items, and action items live their whole life through the
 * API: opened by a commitment, moved on by their owner, closed with a note, reopened,
 * guarded by If-Match; invitations are answered once, an accepted one planning the
 * engagement it invites to.
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

async function newEngagement(overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await officer.post("/api/engagements", engagementInput(overrides));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

function proposal(action: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    kind: "commitment",
    commitmentKind: "proposal",
    textEn: "The sides agreed to relay the proposal on direct flights to the leadership.",
    textRu: "Стороны договорились довести предложение о прямых рейсах до руководства.",
    action: {
      title: "Relay the proposal on direct flights to the leadership",
      dueOn: "2026-03-10",
      ...action,
    },
    ...extra,
  };
}

describe("action items", () => {
  it("live their whole life: open, in progress, done with a note, reopened, dropped with a note", async () => {
    const { client: owner, user: ownerUser } = await signInAs(t, "analyst");
    const { client: otherAnalyst } = await signInAs(t, "analyst");
    const engagementId = await newEngagement();

    const recorded = await officer.post(
      `/api/engagements/${engagementId}/outcomes`,
      proposal({ ownerUserId: ownerUser.row.id }, { note: "Raised by the Cambodian side" }),
    );
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const itemId = recorded.body.outcome.actionItemId;
    expect(recorded.body.engagement).toMatchObject({ openActionItems: 1, overdueActionItems: 0 });
    const [created] = recorded.body.engagement.actionItems;
    expect(created).toMatchObject({
      id: itemId,
      status: "open",
      dueOn: "2026-03-10",
      dueState: "due_soon",
      commitmentKind: "proposal",
      owner: { type: "user", id: ownerUser.row.id, name: ownerUser.row.displayName },
      engagement: { id: engagementId, titleEn: "Working visit to Cambodia" },
      closedOn: null,
      closingNote: null,
      version: 1,
    });
    expect(created.history).toEqual([
      expect.objectContaining({
        status: "open",
        dueOn: "2026-03-10",
        owner: `user:${ownerUser.row.id}`,
        note: "Raised by the Cambodian side",
      }),
    ]);

    // In the owner's due list.
    const mine = await owner.get("/api/action-items?mine=true");
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((item: { id: string }) => item.id)).toEqual([itemId]);
    expect(mine.body.total).toBe(1);
    expect((await otherAnalyst.get("/api/action-items?mine=true")).body.items).toEqual([]);

    // The owner moves it on; a stale version is refused; another analyst may not.
    const url = `/api/action-items/${itemId}`;
    expect((await owner.patch(url, { status: "in_progress" })).status).toBe(428);
    const started = await owner.patch(
      url,
      { status: "in_progress", note: "Drafting" },
      { "if-match": '"v1"' },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.headers.etag).toBe('"v2"');
    expect(started.body).toMatchObject({ status: "in_progress", version: 2 });
    expect(started.body.history).toHaveLength(2);
    expect(started.body.history[1]).toMatchObject({
      status: "in_progress",
      by: ownerUser.username,
      note: "Drafting",
    });

    const stale = await owner.patch(url, { note: "Again" }, { "if-match": '"v1"' });
    expect(stale.status).toBe(412);
    expect(stale.headers.etag).toBe('"v2"');
    const stranger = await otherAnalyst.patch(url, { note: "Not mine" }, { "if-match": '"v2"' });
    expect(stranger.status).toBe(403);
    // An owner who only reads engagements moves the item on, but does not move its due day.
    const moved = await owner.patch(url, { dueOn: "2026-05-01" }, { "if-match": '"v2"' });
    expect(moved.status).toBe(403);
    expect(moved.body.error.code).toBe("permission_denied");

    // Done needs a closing note.
    const noNote = await owner.patch(url, { status: "done" }, { "if-match": '"v2"' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.fields[0].path).toBe("body.note");
    const done = await owner.patch(
      url,
      { status: "done", note: "Relayed by letter of 10 March" },
      { "if-match": '"v2"' },
    );
    expect(done.status).toBe(200);
    const today = officeToday(t.services);
    expect(done.body).toMatchObject({
      status: "done",
      dueState: "closed",
      closedOn: today,
      closingNote: "Relayed by letter of 10 March",
      version: 3,
    });

    // A closed item changes only by reopening it.
    const closedChange = await officer.patch(url, { dueOn: "2026-06-01" }, { "if-match": '"v3"' });
    expect(closedChange.status).toBe(409);
    expect(closedChange.body.error.code).toBe("action_item_closed");
    const dropNow = await officer.patch(url, { status: "dropped", note: "Moot" }, { "if-match": '"v3"' });
    expect(dropNow.status).toBe(409);
    const reopened = await owner.patch(
      url,
      { status: "open", note: "The leadership asked for more" },
      { "if-match": '"v3"' },
    );
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: "open", closedOn: null, closingNote: null, version: 4 });

    // A writer hands it to a team and moves its due day; then it is dropped, with a note.
    const team = await caseFixtures(t).team();
    const handed = await officer.patch(
      url,
      { ownerTeamId: team.id, dueOn: "2026-04-15" },
      { "if-match": '"v4"' },
    );
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body).toMatchObject({
      owner: { type: "team", id: team.id, name: team.name },
      dueOn: "2026-04-15",
    });
    const dropped = await officer.patch(
      url,
      { status: "dropped", note: "Overtaken by the intergovernmental agreement" },
      { "if-match": '"v5"' },
    );
    expect(dropped.status).toBe(200);
    expect(dropped.body.history.map((event: { status: string }) => event.status)).toEqual([
      "open",
      "in_progress",
      "done",
      "open",
      "open",
      "dropped",
    ]);
    expect(dropped.body.history[4]).toMatchObject({ owner: `team:${team.id}`, dueOn: "2026-04-15" });

    // The engagement shows it closed, and has no open items left.
    const page = await officer.get(`/api/engagements/${engagementId}`);
    expect(page.body).toMatchObject({ openActionItems: 0 });
    expect(page.body.actionItems[0]).toMatchObject({ status: "dropped" });
    expect(page.body.outcomes[0]).toMatchObject({ kind: "commitment", actionItemId: itemId });

    // Every change is audited once, with ids only.
    const entries = (
      await t.db.pool.query(
        "SELECT outcome, entry FROM audit_log WHERE event_type = 'engagements.action_item_updated' AND object_id = $1 ORDER BY seq",
        [itemId],
      )
    ).rows;
    expect(entries.filter((row) => row.outcome === "success")).toHaveLength(5);
    expect(entries.filter((row) => row.outcome === "denied")).toHaveLength(2);
    expect(JSON.stringify(entries)).not.toContain("Relayed by letter");
  });

  it("are in the due lists of a team's members, and overdue once their day has passed", async () => {
    const { client: member, user: memberUser } = await signInAs(t, "analyst");
    const { client: outsider } = await signInAs(t, "case_officer");
    const team = await caseFixtures(t).team();
    await caseFixtures(t).member(team.id, memberUser.row.id);
    const engagementId = await newEngagement();
    const recorded = await officer.post(
      `/api/engagements/${engagementId}/outcomes`,
      proposal({ ownerTeamId: team.id, dueOn: "2026-02-27", title: "Issue an outcome statement" }),
    );
    expect(recorded.status).toBe(201);
    const itemId = recorded.body.outcome.actionItemId;
    expect(recorded.body.engagement).toMatchObject({ openActionItems: 1, overdueActionItems: 1 });

    const mine = await member.get("/api/action-items?mine=true&overdue=true");
    expect(mine.body.items.map((item: { id: string }) => item.id)).toEqual([itemId]);
    expect(mine.body.items[0]).toMatchObject({ dueState: "overdue", owner: { type: "team", id: team.id } });
    expect((await outsider.get("/api/action-items?mine=true")).body.total).toBe(0);

    const byTeam = await outsider.get(`/api/action-items?team=${team.id}`);
    expect(byTeam.body.items.map((item: { id: string }) => item.id)).toEqual([itemId]);
    const notOverdue = await member.get(`/api/action-items?engagement=${engagementId}&overdue=false`);
    expect(notOverdue.body.total).toBe(0);

    // A team member who only reads engagements may work the team's item.
    const started = await member.patch(
      `/api/action-items/${itemId}`,
      { status: "in_progress" },
      { "if-match": '"v1"' },
    );
    expect(started.status).toBe(200);
    const open = await member.get(
      `/api/action-items?engagement=${engagementId}&open=true&status=in_progress`,
    );
    expect(open.body.total).toBe(1);
    const closed = await member.get(`/api/action-items?engagement=${engagementId}&open=false`);
    expect(closed.body.total).toBe(0);
  });

  it("are owned only by active accounts that read engagements, or by existing teams", async () => {
    const engagementId = await newEngagement();
    const url = `/api/engagements/${engagementId}/outcomes`;
    const auditor = await createUser(t, { role: "auditor" });
    const disabled = await createUser(t, { role: "analyst" });
    await t.db.pool.query("UPDATE users SET disabled_at = now() WHERE id = $1", [disabled.row.id]);
    for (const ownerUserId of [auditor.row.id, disabled.row.id, "00000000-0000-4000-8000-000000000000"]) {
      const refused = await officer.post(url, proposal({ ownerUserId }));
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({
        code: "unknown_user",
        fields: [{ path: "body.action.ownerUserId" }],
      });
    }
    const noTeam = await officer.post(url, proposal({ ownerTeamId: "00000000-0000-4000-8000-000000000000" }));
    expect(noTeam.body.error).toMatchObject({
      code: "unknown_team",
      fields: [{ path: "body.action.ownerTeamId" }],
    });
    const both = await officer.post(
      url,
      proposal({ ownerUserId: auditor.row.id, ownerTeamId: auditor.row.id }),
    );
    expect(both.status).toBe(400);
    expect((await officer.get(`/api/engagements/${engagementId}`)).body.outcomes).toEqual([]);
  });

  it("offers as owners the active accounts that read engagements, and the teams", async () => {
    const analyst = await createUser(t, { role: "analyst" });
    const auditor = await createUser(t, { role: "auditor" });
    const team = await caseFixtures(t).team();
    const owners = await officer.get("/api/action-items/owners");
    expect(owners.status).toBe(200);
    const ids = owners.body.users.map((user: { id: string }) => user.id);
    expect(ids).toContain(analyst.row.id);
    expect(ids).not.toContain(auditor.row.id);
    expect(owners.body.teams.map((entry: { id: string }) => entry.id)).toContain(team.id);
    const { client: reader } = await signInAs(t, "analyst");
    expect((await reader.get("/api/action-items/owners")).status).toBe(403);
  });

  it("of an engagement the reader may not see are neither listed nor changeable", async () => {
    const { client: owner, user: ownerUser } = await signInAs(t, "analyst");
    const { item } = await engagementFixtures(t).actionItem(
      { userId: ownerUser.row.id },
      { engagement: { confidentiality: "restricted" } },
    );
    expect((await owner.get("/api/action-items?mine=true")).body.total).toBe(0);
    const hidden = await owner.patch(
      `/api/action-items/${item.id}`,
      { status: "in_progress" },
      { "if-match": '"v1"' },
    );
    expect(hidden.status).toBe(404);
    const missing = await officer.patch(
      "/api/action-items/00000000-0000-4000-8000-000000000000",
      { status: "in_progress" },
      { "if-match": '"v1"' },
    );
    expect(missing.status).toBe(404);
  });
});

describe("invitations", () => {
  it("accepted, plan the engagement they invite to, linked back; a second answer is refused", async () => {
    const engagementId = await newEngagement();
    const recorded = await officer.post(`/api/engagements/${engagementId}/outcomes`, {
      kind: "invitation",
      direction: "extended",
      counterpart: "Prosecutor General of Cambodia",
      counterpartState: "KH",
      eventEn: "St Petersburg International Legal Forum",
      eventRu: "Петербургский международный юридический форум",
      expectedOn: "2026-05",
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const invitation = recorded.body.outcome;
    expect(invitation).toMatchObject({
      status: "pending",
      answeredOn: null,
      engagement: null,
      expectedOn: "2026-05",
    });

    const answerUrl = `/api/engagements/${engagementId}/outcomes/${invitation.id}/answer`;
    const accepted = await officer.post(answerUrl, {
      answer: "accepted",
      engagement: {
        kind: "conference",
        titleEn: "St Petersburg International Legal Forum",
        titleRu: "Петербургский международный юридический форум",
        status: "held",
        startOn: "2026-05-01",
        precision: "month",
        city: "St Petersburg",
        placeState: "RU",
        states: ["RU", "KH"],
      },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.outcome).toMatchObject({
      id: invitation.id,
      status: "accepted",
      answeredOn: officeToday(t.services),
      engagement: { titleEn: "St Petersburg International Legal Forum" },
    });
    const plannedId = accepted.body.outcome.engagement.id;
    const planned = await officer.get(`/api/engagements/${plannedId}`);
    expect(planned.body).toMatchObject({
      status: "planned",
      startOn: "2026-05-01",
      endOn: "2026-05-31",
      invitedAt: { id: engagementId, titleEn: "Working visit to Cambodia" },
    });
    const upcoming = await officer.get("/api/engagements?upcoming=true&state=KH");
    expect(upcoming.body.engagements.map((e: { id: string }) => e.id)).toContain(plannedId);

    const again = await officer.post(answerUrl, { answer: "declined" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("invitation_answered");
  });

  it("declined, keep the note; only invitations of that engagement can be answered", async () => {
    const { engagement, outcome } = await engagementFixtures(t).invitation();
    const other = await engagementFixtures(t).engagement();
    const wrongEngagement = await officer.post(`/api/engagements/${other.id}/outcomes/${outcome.id}/answer`, {
      answer: "declined",
    });
    expect(wrongEngagement.status).toBe(404);
    const statement = await officer.post(`/api/engagements/${engagement.id}/outcomes`, {
      kind: "statement",
      titleEn: "Press release",
    });
    const notAnInvitation = await officer.post(
      `/api/engagements/${engagement.id}/outcomes/${statement.body.outcome.id}/answer`,
      { answer: "declined" },
    );
    expect(notAnInvitation.status).toBe(404);

    const declined = await officer.post(`/api/engagements/${engagement.id}/outcomes/${outcome.id}/answer`, {
      answer: "declined",
      note: "The dates clash with the plenary session.",
    });
    expect(declined.status).toBe(200);
    expect(declined.body.outcome).toMatchObject({ status: "declined", engagement: null });
    const stored = await t.db.pool.query("SELECT details FROM engagement_outcomes WHERE id = $1", [
      outcome.id,
    ]);
    expect(stored.rows[0].details).toMatchObject({ answerNote: "The dates clash with the plenary session." });
  });

  it("accepted with a bad planned engagement write nothing, naming the field", async () => {
    const { engagement, outcome } = await engagementFixtures(t).invitation();
    const before = (await t.db.pool.query("SELECT count(*)::int AS n FROM engagements")).rows[0].n;
    const refused = await officer.post(`/api/engagements/${engagement.id}/outcomes/${outcome.id}/answer`, {
      answer: "accepted",
      engagement: engagementInput({ hostAgencyName: "No such office" }),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0].path).toBe("body.engagement.hostAgencyName");
    expect((await t.db.pool.query("SELECT count(*)::int AS n FROM engagements")).rows[0].n).toBe(before);
    const still = await officer.get(`/api/engagements/${engagement.id}`);
    expect(still.body.outcomes[0]).toMatchObject({ status: "pending" });
  });
});
