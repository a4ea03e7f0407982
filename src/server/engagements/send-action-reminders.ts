import { listActiveTeamMembers } from "../../db/cases/deadline-reminders.repository.js";
import {
  type ActionCandidateCursor,
  type ActionReminderCandidate,
  listActionReminderCandidates,
  listActiveUsers,
} from "../../db/engagements/action-reminders.repository.js";
import {
  insertNotifications,
  type NewNotification,
} from "../../db/notifications/notifications.repository.js";
import { type ActionNotice, actionNoticeKey, actionNotices } from "../../domain/engagements/action-items.js";
import { ACTION_REMINDER_DAYS } from "../../domain/engagements/vocabulary.js";
import type { DeadlineNotificationBody } from "../../domain/notifications/schemas.js";
import { getOrInsert } from "../../domain/platform/collections.js";
import { addDays } from "../../domain/platform/dates.js";
import type { ConfidentialityLevel, Role } from "../../domain/platform/vocabulary.js";
import { auditReminderRun, type ReminderRunOptions, reminderJob } from "../notifications/reminder-jobs.js";
import type { JobDefinition } from "../platform/jobs.js";
import type { Services } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { ACTION_ITEM_SUBJECT_TYPE } from "./action-item-notification-subject.js";
import { mayReadEngagement } from "./engagement.policy.js";

/** The pg-boss queue and schedule name of the job. */
export const ACTION_REMINDERS_JOB = "action-reminders";

/** Items read per page: bounds the memory a run takes whatever the number of items. */
const PAGE_SIZE = 500;

export type ActionReminderRun = {
  today: string;
  /** Open items due within the longest reminder period, or overdue. */
  itemsRead: number;
  /** Reminders and overdue notices due today, before they are addressed to people. */
  notices: number;
  /** Notifications written now; the others were written by an earlier run. */
  written: number;
};

export type SendActionRemindersOptions = ReminderRunOptions;

type Person = { userId: string; role: string; clearance: string };

/**
 * The action item reminder job: for every open or in-progress action item due within the
 * longest reminder period (ACTION_REMINDER_DAYS) or past, the reminder due today (the
 * latest of its reminder days that has come) or its one overdue notice
 * (src/domain/engagements/action-items.ts), written as a notification for its owner, or
 * for every member of the owning team, whose account is active and who may read the
 * engagement under the engagement policy (role that reads engagements, clearance at least
 * the engagement's), about the item as its subject (action-item-notification-subject.ts).
 *
 * Idempotent: each notification carries a key (item, kind, reminder day or due day), unique
 * per user, inserted with ON CONFLICT DO NOTHING; a second run the same day writes nothing
 * new. One transaction; when it wrote something, one audit entry by the system says how many.
 */
export async function sendActionReminders({
  services,
  today = officeToday(services),
}: SendActionRemindersOptions): Promise<ActionReminderRun> {
  const horizon = addDays(today, Math.max(...ACTION_REMINDER_DAYS));
  const now = services.clock();
  return services.database.transaction(async (tx) => {
    const run: ActionReminderRun = { today, itemsRead: 0, notices: 0, written: 0 };
    let cursor: ActionCandidateCursor | null = null;
    for (;;) {
      const page = await listActionReminderCandidates(tx, horizon, cursor, PAGE_SIZE);
      if (page.length === 0) break;
      const last = page.at(-1)!;
      cursor = { dueOn: last.dueOn, id: last.id };
      run.itemsRead += page.length;

      const byId = new Map(page.map((item) => [item.id, item]));
      const notices = actionNotices(page, today);
      if (notices.length === 0) continue;
      run.notices += notices.length;
      const items = notices.map((notice) => byId.get(notice.item.id)!);
      const owners = new Map<string, Person[]>();
      for (const user of await listActiveUsers(tx, [
        ...new Set(items.flatMap((item) => (item.ownerUserId ? [item.ownerUserId] : []))),
      ]))
        owners.set(`user:${user.userId}`, [user]);
      for (const member of await listActiveTeamMembers(tx, [
        ...new Set(items.flatMap((item) => (item.ownerTeamId ? [item.ownerTeamId] : []))),
      ]))
        getOrInsert(owners, `team:${member.teamId}`, () => []).push(member);
      const rows = notices.flatMap((notice) => {
        const item = byId.get(notice.item.id)!;
        return recipients(item, owners).map((userId) => notificationOf(item, notice, userId, now));
      });
      run.written += await insertNotifications(tx, rows);
    }
    await auditReminderRun(
      tx,
      services,
      { name: ACTION_REMINDERS_JOB, eventType: "notifications.action_item_reminders_sent" },
      run,
    );
    return run;
  });
}

/**
 * The job as the runner schedules it (src/server/platform/jobs.ts): on `cron`
 * (COMITY_REMINDER_CRON, as the deadline reminders) and once at start.
 */
export function actionRemindersJob(
  services: Services,
  cron: string | null,
  log: (message: string) => void = () => undefined,
): JobDefinition {
  return reminderJob({
    name: ACTION_REMINDERS_JOB,
    cron,
    run: () => sendActionReminders({ services }),
    describe: (run) =>
      `Action item reminders for ${run.today}: ${run.written} notifications written (${run.itemsRead} items read).`,
    log,
  });
}

/** The owner, or the owning team's members, who may read the item's engagement now. */
function recipients(item: ActionReminderCandidate, owners: ReadonlyMap<string, Person[]>): string[] {
  const key = item.ownerUserId ? `user:${item.ownerUserId}` : `team:${item.ownerTeamId}`;
  const placement = { confidentiality: item.confidentiality };
  return (owners.get(key) ?? [])
    .filter((person) =>
      mayReadEngagement(
        {
          userId: person.userId,
          username: "",
          role: person.role as Role,
          clearance: person.clearance as ConfidentialityLevel,
          teamIds: new Set(),
        },
        placement,
      ),
    )
    .map((person) => person.userId);
}

function notificationOf(
  item: ActionReminderCandidate,
  notice: ActionNotice,
  userId: string,
  now: Date,
): NewNotification {
  const reminder = notice.kind === "deadline_reminder";
  const body: DeadlineNotificationBody = {
    deadline: {
      key: `action_item:${item.id}`,
      title: { en: `Action item: ${item.title}`, ru: `Поручение: ${item.title}` },
      dueOn: item.dueOn,
      practicalDueOn: item.dueOn,
      advisory: false,
    },
    remindOn: reminder ? notice.remindOn : null,
    daysBefore: reminder ? notice.daysBefore : null,
  };
  return {
    userId,
    subject: { type: ACTION_ITEM_SUBJECT_TYPE, id: item.id },
    kind: notice.kind,
    title: reminder
      ? `Action item "${item.title}": due ${item.dueOn}`
      : `Action item "${item.title}": overdue since ${item.dueOn}`,
    body,
    dueOn: item.dueOn,
    dedupeKey: actionNoticeKey(notice),
    createdAt: now,
  };
}
