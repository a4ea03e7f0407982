import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertNotifications } from "../../src/db/notifications/notifications.repository.js";
import { teamMembers } from "../../src/db/platform/teams.table.js";
import { users } from "../../src/db/platform/users.table.js";
import { migrationsDir } from "../../src/db/project-paths.js";
import { remindersFor } from "../../src/domain/clocks/compute.js";
import type { Deadline } from "../../src/domain/clocks/schemas.js";
import { parseIsoDate } from "../../src/domain/platform/dates.js";
import type { Role } from "../../src/domain/platform/vocabulary.js";
import {
  DEADLINE_REMINDERS_JOB,
  deadlineRemindersJob,
  sendDeadlineReminders,
} from "../../src/server/cases/send-deadline-reminders.js";
import { listNotifications } from "../../src/server/notifications/list-notifications.js";
import { markAllNotificationsRead } from "../../src/server/notifications/mark-all-notifications-read.js";
import { markNotificationRead } from "../../src/server/notifications/mark-notification-read.js";
import {
  type NotificationSubjectSource,
  notificationSubjects,
} from "../../src/server/notifications/subjects.js";
import { startJobRunner } from "../../src/server/platform/jobs.js";
import type { Caller } from "../../src/server/platform/operation.js";
import {
  type Client,
  createTestApp,
  createUser,
  signIn,
  type TestApp,
  type TestUser,
} from "../support/app.js";
import { caseFixtures, caseHeader } from "../support/cases.js";
import { registryFixtures } from "../support/registry.js";

/**
 * Deadline reminders as in-app notifications: the job (sendDeadlineReminders) with a fixed
 * "today" against real PostgreSQL, who is told and who is not, idempotency, overdue
 * notices; the notifications API (own only, need-to-know through the subject types the
 * features register, read and read-all, notifications about no subject); the migration to
 * generic subjects; and pg-boss running the job on the test database.
 */
let t: TestApp;
let teamA: string;
let teamB: string;
let untocId: string;
/** Case officers of team A with clearance "restricted": the two people to tell. */
let first: TestUser;
let second: TestUser;
let firstClient: Client;
let secondClient: Client;
/** Everyone who must not be told, by reason. */
const untold: Record<string, TestUser> = {};
let reference = "";
let caseId = "";
let forty: Deadline;

const key = () => `key-${Math.random().toString(36).slice(2)}-${Date.now()}`;

async function caseOfficer(teamId: string | null, clearance: "standard" | "restricted" = "restricted") {
  const fixtures = caseFixtures(t);
  const user = await createUser(t, { role: "case_officer" });
  await fixtures.clearance(user.row.id, clearance);
  if (teamId) await fixtures.member(teamId, user.row.id);
  return user;
}

/** Armenia asks Russia to extradite a person under UNTOC; provisionally arrested on `arrestOn`. */
async function openArrestCase(client: Client, teamId: string, arrestOn: string) {
  const header = caseHeader({
    kind: "extradition",
    direction: "incoming",
    requestingState: "AM",
    requestedState: "RU",
    purpose: "prosecution",
    title: "Extradition of a fraud suspect",
    confidentiality: "restricted",
    teamId,
    legalBasis: { type: "instrument", instrumentId: untocId },
  });
  const facts = {
    persons: [{ id: "p1", role: "sought", fullName: "Aram Petrosyan", nationalities: ["AM"] }],
  };
  const opened = await client.post("/api/cases", { header, facts }, { "idempotency-key": key() });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  const arrested = await client.post(
    `/api/cases/${header.reference}/events`,
    { type: "provisional_arrest", payload: { on: arrestOn, personId: "p1" } },
    { "if-match": opened.headers.etag as string },
  );
  expect(arrested.status, JSON.stringify(arrested.body)).toBe(200);
  return {
    reference: header.reference as string,
    id: arrested.body.id as string,
    deadlines: arrested.body.deadlines as Deadline[],
  };
}

async function notificationsOf(user: TestUser, forCase = caseId) {
  const result = await t.db.pool.query<{ kind: string; due_on: string; dedupe_key: string }>(
    "SELECT kind, due_on::text, dedupe_key FROM notifications WHERE user_id = $1 AND subject_type = 'case' AND subject_id = $2 ORDER BY created_at, dedupe_key",
    [user.row.id, forCase],
  );
  return result.rows;
}

/** One run of the job on `today`, a minute after the previous one (the list orders by the time written). */
async function runJob(today: string) {
  t.clock.advance(60_000);
  return sendDeadlineReminders({ services: t.services, today: parseIsoDate(today) });
}

async function countAll(): Promise<number> {
  return (await t.db.pool.query("SELECT count(*)::int AS n FROM notifications")).rows[0].n;
}

beforeAll(async () => {
  t = await createTestApp();
  const fixtures = caseFixtures(t);
  teamA = (await fixtures.team("Extradition desk")).id;
  teamB = (await fixtures.team("MLA desk")).id;
  untocId = (await registryFixtures(t).catalogueInstrument("UNTOC")).id;
  first = await caseOfficer(teamA);
  second = await caseOfficer(teamA);
  untold.otherTeam = await caseOfficer(teamB);
  untold.belowClearance = await caseOfficer(teamA, "standard");
  untold.supervisorOffTeam = await createUser(t, { role: "supervisor" });
  await fixtures.clearance(untold.supervisorOffTeam.row.id, "secret");
  untold.analystOnTeam = await createUser(t, { role: "analyst" });
  await fixtures.member(teamA, untold.analystOnTeam.row.id);
  untold.administratorOnTeam = await createUser(t, { role: "administrator" });
  await fixtures.member(teamA, untold.administratorOnTeam.row.id);
  untold.disabled = await caseOfficer(teamA);
  untold.locked = await caseOfficer(teamA);
  untold.invited = await caseOfficer(teamA);
  firstClient = await signIn(t, first);
  secondClient = await signIn(t, second);
  const now = t.clock.now();
  await t.services.database
    .update(users)
    .set({ disabledAt: now })
    .where(eq(users.id, untold.disabled.row.id));
  await t.services.database.update(users).set({ lockedAt: now }).where(eq(users.id, untold.locked.row.id));
  await t.services.database
    .update(users)
    .set({ passwordHash: null })
    .where(eq(users.id, untold.invited.row.id));

  const opened = await openArrestCase(firstClient, teamA, "2026-02-24");
  reference = opened.reference;
  caseId = opened.id;
  const fortyDays = opened.deadlines.filter((deadline) => deadline.days === 40);
  expect(fortyDays).toHaveLength(1);
  forty = fortyDays[0]!;
});
afterAll(async () => {
  await t.close();
});

describe("the deadline reminder job", () => {
  it("knows the 40-day clock: due 5 April 2026 (a Sunday), act by Friday 3 April, reminders from 24 March", () => {
    expect(forty).toMatchObject({ dueOn: "2026-04-05", practicalDueOn: "2026-04-03", state: "running" });
    expect(remindersFor(forty).map((reminder) => reminder.on)).toEqual([
      "2026-03-24",
      "2026-03-29",
      "2026-03-31",
      "2026-04-02",
    ]);
  });

  it("writes nothing before the first reminder day", async () => {
    const run = await runJob("2026-03-23");
    expect(run).toMatchObject({ today: "2026-03-23", written: 0 });
    expect(run.casesRead).toBeGreaterThanOrEqual(1);
    expect(await countAll()).toBe(0);
  });

  it("tells each member of the case's team who may see it, exactly once, and nobody else", async () => {
    const run = await runJob("2026-03-24");
    expect(run).toMatchObject({ notices: 1, written: 2 });
    for (const user of [first, second]) {
      expect(await notificationsOf(user)).toEqual([
        {
          kind: "deadline_reminder",
          due_on: "2026-04-05",
          dedupe_key: `deadline_reminder:${caseId}:${forty.key}:2026-03-24`,
        },
      ]);
    }
    for (const [reason, user] of Object.entries(untold))
      expect(await notificationsOf(user), reason).toEqual([]);
    expect(await countAll()).toBe(2);
    // The run is recorded once, by the system.
    const audit = await t.db.pool.query(
      "SELECT actor_role, details FROM audit_log WHERE event_type = 'notifications.deadline_reminders_sent'",
    );
    expect(audit.rows).toEqual([{ actor_role: "system", details: { ...run } }]);
  });

  it("writes nothing new when it runs again, the same day or the next", async () => {
    expect((await runJob("2026-03-24")).written).toBe(0);
    expect((await runJob("2026-03-25")).written).toBe(0);
    expect(await countAll()).toBe(2);
    const audit = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE event_type = 'notifications.deadline_reminders_sent'",
    );
    expect(audit.rows[0].n).toBe(1);
  });

  it("sends the next reminder on its day, and only the latest one after days without a run", async () => {
    expect((await runJob("2026-03-29")).written).toBe(2);
    // 31 March and 2 April were never run: on 4 April only the reminder of the 2nd is sent.
    expect((await runJob("2026-04-04")).written).toBe(2);
    expect((await notificationsOf(first)).map((row) => row.dedupe_key.split(":").at(-1))).toEqual([
      "2026-03-24",
      "2026-03-29",
      "2026-04-02",
    ]);
  });

  it("tells once that the deadline has passed with nothing to stop it", async () => {
    expect((await runJob("2026-04-06")).written).toBe(2);
    expect((await runJob("2026-04-07")).written).toBe(0);
    const overdue = (await notificationsOf(second)).filter((row) => row.kind === "deadline_overdue");
    expect(overdue).toEqual([
      {
        kind: "deadline_overdue",
        due_on: "2026-04-05",
        dedupe_key: `deadline_overdue:${caseId}:${forty.key}:2026-04-05`,
      },
    ]);
    for (const user of Object.values(untold)) expect(await notificationsOf(user)).toEqual([]);
  });
});

describe("the notifications API", () => {
  it("lists the user's own notifications, newest first, with the unread count and paging", async () => {
    const list = await firstClient.get("/api/notifications");
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body).toMatchObject({ total: 4, unread: 4 });
    expect(list.body.items.map((item: { kind: string }) => item.kind)).toEqual([
      "deadline_overdue",
      "deadline_reminder",
      "deadline_reminder",
      "deadline_reminder",
    ]);
    const reminder = list.body.items[1];
    expect(reminder).toMatchObject({
      kind: "deadline_reminder",
      subject: { type: "case", key: reference, title: "Extradition of a fraud suspect" },
      deadline: {
        key: forty.key,
        dueOn: "2026-04-05",
        practicalDueOn: "2026-04-03",
        title: { en: forty.title.en, ru: forty.title.ru },
        advisory: forty.advisory,
      },
      remindOn: "2026-04-02",
      daysBefore: 1,
      dueOn: "2026-04-05",
      readAt: null,
    });
    const page = await firstClient.get("/api/notifications?limit=2&offset=2");
    expect(page.body.items.map((item: { id: string }) => item.id)).toEqual(
      list.body.items.slice(2).map((item: { id: string }) => item.id),
    );
    expect(page.body).toMatchObject({ total: 4, unread: 4 });
  });

  it("marks one read (keeping the first time), filters by unread, and refuses another user's with 404", async () => {
    const list = await firstClient.get("/api/notifications");
    const target = list.body.items[0];
    const read = await firstClient.post(`/api/notifications/${target.id}/read`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body).toMatchObject({ id: target.id, readAt: t.clock.now().toISOString() });
    t.clock.advance(60_000);
    const again = await firstClient.post(`/api/notifications/${target.id}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);

    const unread = await firstClient.get("/api/notifications?unread=true");
    expect(unread.body).toMatchObject({ total: 3, unread: 3 });
    expect(unread.body.items.map((item: { id: string }) => item.id)).not.toContain(target.id);
    const readOnes = await firstClient.get("/api/notifications?unread=false");
    expect(readOnes.body).toMatchObject({ total: 1, unread: 3 });

    // The second officer cannot read, nor mark, the first one's notification.
    const foreign = list.body.items[1];
    const refused = await secondClient.post(`/api/notifications/${foreign.id}/read`);
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe("not_found");
    const missing = await secondClient.post("/api/notifications/00000000-0000-4000-8000-000000000000/read");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      code: refused.body.error.code,
      message: refused.body.error.message,
    });
    expect((await firstClient.get("/api/notifications?unread=true")).body.unread).toBe(3);
    const secondList = await secondClient.get("/api/notifications");
    expect(secondList.body.total).toBe(4);
    expect(secondList.body.items.map((item: { id: string }) => item.id)).not.toContain(foreign.id);
  });

  it("marks all read", async () => {
    const all = await firstClient.post("/api/notifications/read-all");
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body).toEqual({ marked: 3 });
    expect((await firstClient.get("/api/notifications")).body).toMatchObject({ total: 4, unread: 0 });
    expect((await firstClient.post("/api/notifications/read-all")).body).toEqual({ marked: 0 });
    // The second officer's are untouched.
    expect((await secondClient.get("/api/notifications")).body.unread).toBe(4);
  });

  it("hides the notifications about a case the user may no longer see, and shows them again", async () => {
    const before = await secondClient.get("/api/notifications");
    const own = before.body.items[0].id as string;
    await t.services.database
      .delete(teamMembers)
      .where(and(eq(teamMembers.teamId, teamA), eq(teamMembers.userId, second.row.id)));
    const hidden = await secondClient.get("/api/notifications");
    expect(hidden.body).toEqual({ items: [], total: 0, unread: 0 });
    expect((await secondClient.post(`/api/notifications/${own}/read`)).status).toBe(404);
    expect((await secondClient.post("/api/notifications/read-all")).body).toEqual({ marked: 0 });
    await caseFixtures(t).member(teamA, second.row.id);
    expect((await secondClient.get("/api/notifications")).body).toMatchObject({ total: 4, unread: 4 });
  });

  it("gives every role an inbox, empty for a role that reads no case", async () => {
    const auditor = await signIn(t, await createUser(t, { role: "auditor" }));
    expect((await auditor.get("/api/notifications")).body).toEqual({ items: [], total: 0, unread: 0 });
  });
});

/** The caller of an operation for `user`, as a route builds it, without going through HTTP. */
function callerFor(user: TestUser): Caller {
  return {
    services: t.services,
    actor: {
      kind: "user",
      userId: user.row.id,
      username: user.username,
      role: user.row.role as Role,
      sessionId: "test-session",
    },
    origin: { requestId: null, sourceIp: null, userAgent: "comity-test" },
  };
}

/** Writes one notification for `user` directly, as a feature's job would. */
async function writeNotification(
  user: TestUser,
  subject: { type: string; id: string } | null,
  title: string,
) {
  await t.services.database.transaction((tx) =>
    insertNotifications(tx, [
      { userId: user.row.id, subject, kind: "deadline_reminder", title, createdAt: t.clock.now() },
    ]),
  );
}

describe("subjects", () => {
  it("shows a notification about no subject to its user, whatever they may read, and lets them mark it read", async () => {
    const auditorUser = await createUser(t, { role: "auditor" });
    const auditor = await signIn(t, auditorUser);
    await writeNotification(auditorUser, null, "The audit trail was verified");
    const list = await auditor.get("/api/notifications");
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body).toMatchObject({ total: 1, unread: 1 });
    expect(list.body.items[0]).toMatchObject({
      kind: "deadline_reminder",
      subject: null,
      deadline: null,
      remindOn: null,
      daysBefore: null,
      title: "The audit trail was verified",
      dueOn: null,
      readAt: null,
    });
    const read = await auditor.post(`/api/notifications/${list.body.items[0].id}/read`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body).toMatchObject({ subject: null, readAt: t.clock.now().toISOString() });
    expect((await auditor.get("/api/notifications")).body).toMatchObject({ total: 1, unread: 0 });
    // Nobody else sees it.
    expect((await secondClient.get("/api/notifications")).body.total).toBe(4);
  });

  it("hides a notification about a subject of a type nobody registered", async () => {
    const user = await caseOfficer(teamA);
    const client = await signIn(t, user);
    await writeNotification(
      user,
      { type: "action_item", id: "00000000-0000-4000-8000-0000000000a1" },
      "Follow up",
    );
    expect((await client.get("/api/notifications")).body).toEqual({ items: [], total: 0, unread: 0 });
    expect((await client.post("/api/notifications/read-all")).body).toEqual({ marked: 0 });
  });

  it("asks the feature that registered a type who may see each subject, and how to name it", async () => {
    // A feature of the future: action items, visible to whoever owns them.
    const owned = new Set<string>();
    const actionItems: NotificationSubjectSource = {
      type: "action_item",
      async visibleIds() {
        return sql`SELECT unnest(string_to_array(${[...owned].join(",")}, ','))::uuid`;
      },
      async describe(_executor, ids) {
        return new Map(
          ids.map((id) => [id, { key: `AI-${id.slice(-2)}`, title: `Action item ${id.slice(-2)}` }]),
        );
      },
    };
    const subjects = notificationSubjects([actionItems]);
    const user = await createUser(t, { role: "auditor" });
    const caller = callerFor(user);
    const query = { limit: 20, offset: 0 };
    const itemA = "00000000-0000-4000-8000-0000000000a2";
    const itemB = "00000000-0000-4000-8000-0000000000b2";
    t.clock.advance(60_000);
    await writeNotification(user, { type: "action_item", id: itemA }, "Send the draft");
    t.clock.advance(60_000);
    await writeNotification(user, { type: "action_item", id: itemB }, "Book the room");
    t.clock.advance(60_000);
    await writeNotification(user, null, "About nothing");

    // Neither item is the user's yet: only the notification about nothing is listed and counted.
    const none = await listNotifications({ ...caller, subjects, query });
    expect(none).toMatchObject({ total: 1, unread: 1 });
    expect(none.items.map((item) => item.subject)).toEqual([null]);

    owned.add(itemA);
    owned.add(itemB);
    const both = await listNotifications({ ...caller, subjects, query });
    expect(both).toMatchObject({ total: 3, unread: 3 });
    expect(both.items.map((item) => item.subject)).toEqual([
      null,
      { type: "action_item", key: "AI-b2", title: "Action item b2" },
      { type: "action_item", key: "AI-a2", title: "Action item a2" },
    ]);
    const aboutB = both.items[1]!.id;

    // The user loses item B: its notification is hidden from the list, the counts and marking read.
    owned.delete(itemB);
    expect(await listNotifications({ ...caller, subjects, query })).toMatchObject({ total: 2, unread: 2 });
    await expect(markNotificationRead({ ...caller, subjects, id: aboutB })).rejects.toMatchObject({
      reason: "need_to_know",
    });
    expect(await markAllNotificationsRead({ ...caller, subjects })).toEqual({ marked: 2 });
    owned.add(itemB);
    expect(await listNotifications({ ...caller, subjects, query })).toMatchObject({ total: 3, unread: 1 });
    expect(await markNotificationRead({ ...caller, subjects, id: aboutB })).toMatchObject({
      subject: { type: "action_item", key: "AI-b2" },
      readAt: expect.any(String),
    });
  });

  it("refuses a registry with a malformed or repeated type", () => {
    const source = (type: string): NotificationSubjectSource => ({
      type,
      visibleIds: async () => sql`SELECT NULL::uuid WHERE false`,
      describe: async () => new Map(),
    });
    expect(() => notificationSubjects([source("Action-Item")])).toThrow(/lower-case/);
    expect(() => notificationSubjects([source("case"), source("case")])).toThrow(/twice/);
  });

  it("refuses a subject type without an id, and an id without a type", async () => {
    for (const [type, id] of [
      ["case", null],
      [null, caseId],
    ]) {
      await expect(
        t.db.pool.query(
          "INSERT INTO notifications (user_id, subject_type, subject_id, kind, title) VALUES ($1, $2, $3, 'deadline_reminder', 'x')",
          [first.row.id, type, id],
        ),
      ).rejects.toMatchObject({ code: "23514", constraint: "notifications_subject_check" });
    }
  });

  it("the migration keeps each existing notification's case as its subject", async () => {
    // The table as migration 0004 left it, rebuilt in a transaction that is rolled back,
    // with a notification about the case and one about nothing; then 0005 as committed.
    const migration = readFileSync(path.join(migrationsDir, "0005_notification_subjects.sql"), "utf8");
    const client = await t.db.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(`
        ALTER TABLE notifications DROP CONSTRAINT notifications_subject_check;
        ALTER TABLE notifications DROP COLUMN subject_type, DROP COLUMN subject_id;
        ALTER TABLE notifications ADD COLUMN case_id uuid
          CONSTRAINT notifications_case_id_cases_id_fk REFERENCES cases (id);
        DELETE FROM notifications;`);
      const body = {
        deadline: {
          key: forty.key,
          ruleId: forty.ruleId,
          title: forty.title,
          dueOn: "2026-04-05",
          practicalDueOn: "2026-04-03",
          advisory: false,
        },
        remindOn: "2026-03-24",
        daysBefore: 10,
      };
      await client.query(
        `INSERT INTO notifications (user_id, case_id, kind, title, body, dedupe_key) VALUES
           ($1, $2, 'deadline_reminder', 'About the case', $3, 'old-1'),
           ($1, NULL, 'deadline_reminder', 'About nothing', '{}', 'old-2')`,
        [first.row.id, caseId, JSON.stringify(body)],
      );
      for (const statement of migration.split("--> statement-breakpoint")) await client.query(statement);
      const rows = await client.query(
        "SELECT dedupe_key, subject_type, subject_id, body FROM notifications ORDER BY dedupe_key",
      );
      const { ruleId: _ruleId, ...deadline } = body.deadline;
      expect(rows.rows).toEqual([
        { dedupe_key: "old-1", subject_type: "case", subject_id: caseId, body: { ...body, deadline } },
        { dedupe_key: "old-2", subject_type: null, subject_id: null, body: {} },
      ]);
      const columns = await client.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'notifications' AND column_name = 'case_id'",
      );
      expect(columns.rows).toEqual([]);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });
});

describe("pg-boss", () => {
  it("runs the job on the database: scheduled, once at start and on demand, then stops cleanly", async () => {
    // The test clock stands at 2 March 2026: an arrest on 20 January is 41 days old.
    const late = await openArrestCase(firstClient, teamA, "2026-01-20");
    const messages: string[] = [];
    const runner = await startJobRunner(
      t.services,
      [deadlineRemindersJob(t.services, "0 * * * *", (message) => messages.push(message))],
      { log: (message) => messages.push(message), pollingIntervalSeconds: 0.5, supervise: false },
    );
    try {
      const schedule = await t.db.pool.query("SELECT name, cron, timezone FROM pgboss.schedule");
      expect(schedule.rows).toEqual([{ name: DEADLINE_REMINDERS_JOB, cron: "0 * * * *", timezone: "UTC" }]);
      // The run at start finds the overdue arrest and tells the team.
      await waitFor(async () => (await notificationsOf(first, late.id)).length > 0);
      expect((await notificationsOf(first, late.id)).map((row) => row.kind)).toEqual(["deadline_overdue"]);
      const written = await countAll();
      expect(await runner.send(DEADLINE_REMINDERS_JOB)).toEqual(expect.any(String));
      await waitFor(async () => (await completedRuns()) >= 2);
      expect(await countAll()).toBe(written);
    } finally {
      await runner.stop();
    }
    await runner.stop();
    expect(messages.filter((message) => /fail|error/i.test(message))).toEqual([]);
    expect(messages).toContainEqual(
      expect.stringMatching(/^Deadline reminders for 2026-03-02: \d+ notifications written/),
    );
  }, 30_000);
});

async function completedRuns(): Promise<number> {
  const result = await t.db.pool.query(
    "SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'",
    [DEADLINE_REMINDERS_JOB],
  );
  return result.rows[0].n;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the job");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
