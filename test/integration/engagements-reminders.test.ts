import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../src/db/platform/users.table.js";
import {
  type CreateEngagementInput,
  createEngagementSchema,
  outcomeInputSchema,
} from "../../src/domain/engagements/schemas.js";
import { parseIsoDate } from "../../src/domain/platform/dates.js";
import type { Role } from "../../src/domain/platform/vocabulary.js";
import { createEngagement } from "../../src/server/engagements/create-engagement.js";
import { recordOutcome } from "../../src/server/engagements/record-outcome.js";
import { sendActionReminders } from "../../src/server/engagements/send-action-reminders.js";
import { updateActionItem } from "../../src/server/engagements/update-action-item.js";
import type { Caller } from "../../src/server/platform/operation.js";
import { sendTermReminders } from "../../src/server/registry/send-term-reminders.js";
import {
  type Client,
  createTestApp,
  createUser,
  signIn,
  type TestApp,
  type TestUser,
} from "../support/app.js";
import { caseFixtures } from "../support/cases.js";

/**
 * Reminders beyond cases' deadlines, against real PostgreSQL: engagements' action items
 * (reminded 7 and 1 days before their due day, one overdue notice, to the owner or every
 * eligible member of the owning team) and instruments whose term ends (reminded 180, 90
 * and 30 days before, one "expired" notice, to the registry's editors). Each run is
 * idempotent; the notifications API shows each with its subject, and hides it from a
 * user who may no longer see the subject.
 */

let t: TestApp;
let operator: Caller;

function day(value: string) {
  return parseIsoDate(value);
}

/** One run of the action item job on `today`, a minute after the previous one. */
async function runActions(today: string) {
  t.clock.advance(60_000);
  return sendActionReminders({ services: t.services, today: day(today) });
}

async function runTerms(today: string) {
  t.clock.advance(60_000);
  return sendTermReminders({ services: t.services, today: day(today) });
}

type NotificationRow = { user_id: string; kind: string; due_on: string; dedupe_key: string };

async function notificationsAbout(subjectId: string): Promise<NotificationRow[]> {
  const result = await t.db.pool.query<NotificationRow>(
    "SELECT user_id::text, kind, due_on::text, dedupe_key FROM notifications WHERE subject_id = $1 ORDER BY created_at, user_id",
    [subjectId],
  );
  return result.rows;
}

async function auditCount(eventType: string): Promise<number> {
  const result = await t.db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_log WHERE event_type = $1",
    [eventType],
  );
  return result.rows[0]!.n;
}

async function engagement(overrides: Partial<Record<keyof CreateEngagementInput, unknown>> = {}) {
  return createEngagement({
    ...operator,
    input: createEngagementSchema.parse({
      kind: "outgoing_visit",
      titleEn: "Working visit to Cambodia",
      titleRu: "Рабочий визит в Камбоджу",
      status: "held",
      startOn: "2026-03-02",
      endOn: "2026-03-03",
      city: "Phnom Penh",
      placeState: "KH",
      states: ["RU", "KH"],
      ...overrides,
    }),
  });
}

/** A proposal made at the engagement, owned by a user or a team, due on `dueOn`: its action item's id. */
async function actionItem(
  engagementId: string,
  title: string,
  owner: { ownerUserId: string } | { ownerTeamId: string },
  dueOn: string,
) {
  const recorded = await recordOutcome({
    ...operator,
    engagementId,
    input: outcomeInputSchema.parse({
      kind: "commitment",
      commitmentKind: "proposal",
      textEn: title,
      action: { title, dueOn, ...owner },
    }),
  });
  const item = recorded.engagement.actionItems.find((candidate) => candidate.title === title);
  if (!item) throw new Error("the commitment opened no action item");
  return item;
}

async function userWith(role: Role, clearance: "standard" | "restricted" | "secret" = "standard") {
  const user = await createUser(t, { role });
  await caseFixtures(t).clearance(user.row.id, clearance);
  return user;
}

beforeAll(async () => {
  t = await createTestApp();
  operator = {
    services: t.services,
    actor: { kind: "cli", osUser: "tester" },
    origin: { requestId: null, sourceIp: null, userAgent: null },
  };
});
afterAll(async () => {
  await t.close();
});

describe("action item reminders", () => {
  let owner: TestUser;
  let ownerClient: Client;
  let engagementId: string;
  let itemId: string;

  beforeAll(async () => {
    owner = await userWith("case_officer");
    ownerClient = await signIn(t, owner);
    engagementId = (await engagement()).id;
    itemId = (
      await actionItem(
        engagementId,
        "Relay the proposal on direct flights to the leadership",
        { ownerUserId: owner.row.id },
        "2026-04-10",
      )
    ).id;
  });

  it("writes nothing before the first reminder day (7 days before)", async () => {
    const run = await runActions("2026-04-02");
    expect(run.itemsRead).toBe(0);
    expect(await notificationsAbout(itemId)).toEqual([]);
  });

  it("reminds the owner 7 days before, once, however often it runs", async () => {
    const first = await runActions("2026-04-03");
    expect(first).toMatchObject({ today: "2026-04-03", itemsRead: 1, notices: 1, written: 1 });
    expect(await runActions("2026-04-03")).toMatchObject({ notices: 1, written: 0 });
    expect(await runActions("2026-04-06")).toMatchObject({ written: 0 });
    expect(await notificationsAbout(itemId)).toEqual([
      {
        user_id: owner.row.id,
        kind: "deadline_reminder",
        due_on: "2026-04-10",
        dedupe_key: `action_item:deadline_reminder:${itemId}:2026-04-03`,
      },
    ]);
    const audit = await t.db.pool.query(
      "SELECT actor_role, details FROM audit_log WHERE event_type = 'notifications.action_item_reminders_sent'",
    );
    expect(audit.rows).toEqual([{ actor_role: "system", details: { ...first } }]);
  });

  it("reminds again 1 day before, then nothing on the due day itself", async () => {
    expect(await runActions("2026-04-09")).toMatchObject({ written: 1 });
    expect(await runActions("2026-04-09")).toMatchObject({ written: 0 });
    expect(await runActions("2026-04-10")).toMatchObject({ written: 0 });
    expect((await notificationsAbout(itemId)).map((row) => row.dedupe_key)).toEqual([
      `action_item:deadline_reminder:${itemId}:2026-04-03`,
      `action_item:deadline_reminder:${itemId}:2026-04-09`,
    ]);
  });

  it("sends one overdue notice once the due day has passed, and only once", async () => {
    expect(await runActions("2026-04-11")).toMatchObject({ written: 1 });
    expect(await runActions("2026-04-12")).toMatchObject({ written: 0 });
    expect(await runActions("2026-05-30")).toMatchObject({ written: 0 });
    const rows = await notificationsAbout(itemId);
    expect(rows.map((row) => row.kind)).toEqual([
      "deadline_reminder",
      "deadline_reminder",
      "deadline_overdue",
    ]);
    expect(rows.at(-1)!.dedupe_key).toBe(`action_item:deadline_overdue:${itemId}:2026-04-10`);
    expect(await auditCount("notifications.action_item_reminders_sent")).toBe(3);
  });

  it("shows them in the owner's notifications with the item as subject, linked by its engagement", async () => {
    const list = await ownerClient.get("/api/notifications");
    expect(list.status).toBe(200);
    const mine = list.body.items.filter(
      (item: { subject: { type: string } | null }) => item.subject?.type === "action_item",
    );
    expect(mine).toHaveLength(3);
    expect(mine[0]).toMatchObject({
      kind: "deadline_overdue",
      subject: {
        type: "action_item",
        key: engagementId,
        title: "Relay the proposal on direct flights to the leadership",
      },
      deadline: {
        key: `action_item:${itemId}`,
        title: {
          en: "Action item: Relay the proposal on direct flights to the leadership",
          ru: "Поручение: Relay the proposal on direct flights to the leadership",
        },
        dueOn: "2026-04-10",
        practicalDueOn: "2026-04-10",
        advisory: false,
      },
      remindOn: null,
      daysBefore: null,
      dueOn: "2026-04-10",
    });
    expect(mine[2]).toMatchObject({ kind: "deadline_reminder", remindOn: "2026-04-03", daysBefore: 7 });
    expect(mine[1]).toMatchObject({ kind: "deadline_reminder", remindOn: "2026-04-09", daysBefore: 1 });
    expect(list.body.unread).toBeGreaterThanOrEqual(3);
  });

  it("tells nothing about an item that is done", async () => {
    const item = await actionItem(
      engagementId,
      "Issue an outcome statement",
      { ownerUserId: owner.row.id },
      "2026-06-10",
    );
    await updateActionItem({
      ...operator,
      id: item.id,
      expectedVersion: item.version,
      changes: { status: "done", note: "Published on the office's site." },
    });
    for (const today of ["2026-06-03", "2026-06-09", "2026-06-11"]) await runActions(today);
    expect(await notificationsAbout(item.id)).toEqual([]);
  });

  describe("owned by a team", () => {
    const eligible: Record<string, TestUser> = {};
    const untold: Record<string, TestUser> = {};
    let teamItemId: string;
    let restrictedEngagementId: string;

    beforeAll(async () => {
      const fixtures = caseFixtures(t);
      const team = await fixtures.team("International department");
      eligible.caseOfficer = await userWith("case_officer", "restricted");
      eligible.analyst = await userWith("analyst", "secret");
      untold.belowClearance = await userWith("case_officer", "standard");
      untold.administrator = await userWith("administrator", "secret");
      untold.auditor = await userWith("auditor", "secret");
      untold.disabled = await userWith("case_officer", "restricted");
      untold.locked = await userWith("case_officer", "restricted");
      untold.invited = await userWith("registrar", "restricted");
      for (const user of [...Object.values(eligible), ...Object.values(untold)])
        await fixtures.member(team.id, user.row.id);
      untold.notOnTeam = await userWith("case_officer", "secret");
      const now = t.clock.now();
      const database = t.services.database;
      await database.update(users).set({ disabledAt: now }).where(eq(users.id, untold.disabled.row.id));
      await database.update(users).set({ lockedAt: now }).where(eq(users.id, untold.locked.row.id));
      await database.update(users).set({ passwordHash: null }).where(eq(users.id, untold.invited.row.id));

      restrictedEngagementId = (
        await engagement({
          kind: "bilateral_meeting",
          titleEn: "Meeting at the Senate of Cambodia",
          titleRu: "Встреча в Сенате Камбоджи",
          confidentiality: "restricted",
        })
      ).id;
      teamItemId = (
        await actionItem(
          restrictedEngagementId,
          "Prepare the invitation to the St Petersburg legal conference",
          { ownerTeamId: team.id },
          "2026-07-20",
        )
      ).id;
    });

    it("reminds each member who may read the engagement, and nobody else", async () => {
      expect(await runActions("2026-07-13")).toMatchObject({ written: 2 });
      const told = (await notificationsAbout(teamItemId)).map((row) => row.user_id).sort();
      expect(told).toEqual([eligible.caseOfficer!.row.id, eligible.analyst!.row.id].sort());
      expect(await runActions("2026-07-13")).toMatchObject({ written: 0 });
    });

    it("hides the notifications of a member who may no longer read the engagement", async () => {
      const member = eligible.caseOfficer!;
      const client = await signIn(t, member);
      const aboutItem = async () =>
        (await client.get("/api/notifications")).body.items.filter(
          (item: { subject: { type: string; key: string } | null }) =>
            item.subject?.type === "action_item" && item.subject.key === restrictedEngagementId,
        );
      expect(await aboutItem()).toHaveLength(1);
      await caseFixtures(t).clearance(member.row.id, "standard");
      expect(await aboutItem()).toEqual([]);
      const list = await client.get("/api/notifications");
      expect(list.body.total).toBe(0);
      // Nor is a new one written to them while they may not read it.
      expect(await runActions("2026-07-19")).toMatchObject({ written: 1 });
      expect(
        (await notificationsAbout(teamItemId)).filter((row) => row.user_id === member.row.id),
      ).toHaveLength(1);
    });
  });
});

describe("term reminders", () => {
  let registrar: TestUser;
  let registrarClient: Client;
  let otherRegistrar: TestUser;
  const untold: Record<string, TestUser> = {};
  let programmeId: string;
  let longExpiredId: string;

  async function createInstrument(client: Client, body: Record<string, unknown>) {
    const response = await client.post("/api/registry/instruments", {
      binding: false,
      level: "interagency",
      scope: "bilateral",
      subjects: ["general_cooperation"],
      sources: [{ kind: "url", url: "https://example.org/programme" }],
      ...body,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  }

  beforeAll(async () => {
    registrar = await userWith("registrar");
    registrarClient = await signIn(t, registrar);
    otherRegistrar = await userWith("registrar");
    untold.analyst = await userWith("analyst");
    untold.supervisor = await userWith("supervisor");
    untold.disabledRegistrar = await userWith("registrar");
    await t.services.database
      .update(users)
      .set({ disabledAt: t.clock.now() })
      .where(eq(users.id, untold.disabledRegistrar.row.id));
    programmeId = await createInstrument(registrarClient, {
      code: `TEST-PROG-AM-RU-${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
      kind: "cooperation_programme",
      titleEn: "Programme of cooperation between the prosecutor's offices for 2023-2025",
      titleRu: "Программа сотрудничества между прокуратурами на 2023–2025 годы",
      termStart: "2023-03-15",
      durationMonths: 24,
    });
    longExpiredId = await createInstrument(registrarClient, {
      code: `TEST-MOU-OLD-${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
      kind: "memorandum",
      titleEn: "Memorandum of understanding for 2015-2020",
      termStart: "2015-01-01",
      termEnd: "2020-01-01",
    });
  });

  const editors = () => [registrar.row.id, otherRegistrar.row.id].sort();
  const toldOn = async (kind: string) =>
    (await notificationsAbout(programmeId))
      .filter((row) => row.kind === kind)
      .map((row) => row.dedupe_key.split(":").at(-1));

  it("says nothing more than 180 days before the term ends (15 March 2025)", async () => {
    await runTerms("2024-09-15");
    expect(await notificationsAbout(programmeId)).toEqual([]);
  });

  it("reminds every active registrar 180, 90 and 30 days before, once each", async () => {
    await runTerms("2024-09-16");
    await runTerms("2024-09-16");
    await runTerms("2024-10-01");
    let rows = await notificationsAbout(programmeId);
    expect(rows.map((row) => row.user_id).sort()).toEqual(editors());
    expect(rows[0]).toMatchObject({
      kind: "deadline_reminder",
      due_on: "2025-03-15",
      dedupe_key: `instrument_term:deadline_reminder:${programmeId}:2024-09-16`,
    });
    await runTerms("2024-12-15");
    await runTerms("2024-12-16");
    await runTerms("2025-02-13");
    await runTerms("2025-03-15");
    rows = await notificationsAbout(programmeId);
    expect(rows).toHaveLength(6);
    expect(await toldOn("deadline_reminder")).toEqual([
      "2024-09-16",
      "2024-09-16",
      "2024-12-15",
      "2024-12-15",
      "2025-02-13",
      "2025-02-13",
    ]);
  });

  it("sends one expiry notice once the term has ended, idempotent", async () => {
    await runTerms("2025-03-16");
    await runTerms("2025-03-16");
    await runTerms("2025-04-10");
    expect(await toldOn("deadline_overdue")).toEqual(["2025-03-15", "2025-03-15"]);
    expect((await notificationsAbout(programmeId)).filter((row) => row.kind === "deadline_overdue")).toEqual(
      editors().map((userId) =>
        expect.objectContaining({
          user_id: userId,
          dedupe_key: `instrument_term:deadline_overdue:${programmeId}:2025-03-15`,
        }),
      ),
    );
    expect(await auditCount("notifications.term_reminders_sent")).toBeGreaterThanOrEqual(4);
  });

  it("tells nobody but the registry's active editors, and nothing of a term that ended long ago", async () => {
    const told = new Set((await notificationsAbout(programmeId)).map((row) => row.user_id));
    for (const [reason, user] of Object.entries(untold)) expect(told.has(user.row.id), reason).toBe(false);
    expect(await notificationsAbout(longExpiredId)).toEqual([]);
  });

  it("shows them in the registrar's notifications with the instrument as subject", async () => {
    const list = await registrarClient.get("/api/notifications?limit=100");
    expect(list.status).toBe(200);
    const about = list.body.items.filter(
      (item: { subject: { type: string; key: string } | null }) =>
        item.subject?.type === "instrument" && item.subject.key === programmeId,
    );
    expect(about.map((item: { kind: string }) => item.kind)).toEqual([
      "deadline_overdue",
      "deadline_reminder",
      "deadline_reminder",
      "deadline_reminder",
    ]);
    expect(about[0]).toMatchObject({
      subject: {
        type: "instrument",
        key: programmeId,
        title: "Programme of cooperation between the prosecutor's offices for 2023-2025",
      },
      deadline: {
        key: `instrument_term:${programmeId}`,
        title: {
          en: "End of term: Programme of cooperation between the prosecutor's offices for 2023-2025",
          ru: "Окончание срока действия: Программа сотрудничества между прокуратурами на 2023–2025 годы",
        },
        dueOn: "2025-03-15",
      },
    });
    expect(about[3]).toMatchObject({ remindOn: "2024-09-16", daysBefore: 180 });
  });
});
