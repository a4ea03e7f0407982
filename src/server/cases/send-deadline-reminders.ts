import {
  type CandidateCursor,
  listActiveTeamMembers,
  listReminderCandidates,
  type ReminderCandidate,
  type TeamMemberToTell,
} from "../../db/cases/deadline-reminders.repository.js";
import {
  insertNotifications,
  type NewNotification,
} from "../../db/notifications/notifications.repository.js";
import type { ConfidentialityLevel } from "../../domain/cases/vocabulary.js";
import {
  type DeadlineNotice,
  deadlineNotices,
  noticeKey,
  reminderHorizonDays,
} from "../../domain/clocks/notices.js";
import type { DeadlineNotificationBody } from "../../domain/notifications/schemas.js";
import { getOrInsert } from "../../domain/platform/collections.js";
import { addDays } from "../../domain/platform/dates.js";
import type { Role } from "../../domain/platform/vocabulary.js";
import { auditReminderRun, type ReminderRunOptions, reminderJob } from "../notifications/reminder-jobs.js";
import type { JobDefinition } from "../platform/jobs.js";
import type { Services } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { mayReadCase } from "./case.policy.js";
import { CASE_SUBJECT_TYPE } from "./case-notification-subject.js";
import { caseRules } from "./evaluate-case.js";

/** The pg-boss queue and schedule name of the job. */
export const DEADLINE_REMINDERS_JOB = "deadline-reminders";

/** Cases read per page: bounds the memory a run takes whatever the number of cases. */
const PAGE_SIZE = 500;

export type ReminderRun = {
  today: string;
  /** Cases whose next deadline fell within the horizon. */
  casesRead: number;
  /** Reminders and overdue notices due today, before they are addressed to people. */
  notices: number;
  /** Notifications written now; the others were written by an earlier run. */
  written: number;
};

/**
 * The deadline reminder job: for every case whose earliest open deadline is near (or
 * past), the clock engine's deadlines as stored on the case (`cases.deadlines`, rewritten
 * with every event) give the reminders and overdue notices due today
 * (src/domain/clocks/notices.ts); each is written as a notification for every member of
 * the case's team who may see the case under the case policy (role that reads cases,
 * clearance at least the case's level) and whose account is active, through the
 * notifications feature, about the case as its subject (case-notification-subject.ts).
 *
 * Idempotent: each notification carries a key (case, clock, reminder day), unique per
 * user, and is inserted with ON CONFLICT DO NOTHING; a second run the same day, or a run
 * on another app server at the same time, writes nothing new. One transaction; when it
 * wrote something, one audit entry by the system says how many.
 */
export type SendDeadlineRemindersOptions = ReminderRunOptions;

export async function sendDeadlineReminders({
  services,
  today = officeToday(services),
}: SendDeadlineRemindersOptions): Promise<ReminderRun> {
  const { rules } = await caseRules();
  const horizon = addDays(
    today,
    reminderHorizonDays(rules.flatMap((rule) => rule.clock?.remindDaysBefore ?? [])),
  );
  const now = services.clock();
  return services.database.transaction(async (tx) => {
    const run: ReminderRun = { today, casesRead: 0, notices: 0, written: 0 };
    let cursor: CandidateCursor | null = null;
    for (;;) {
      const page = await listReminderCandidates(tx, horizon, cursor, PAGE_SIZE);
      if (page.length === 0) break;
      const last = page.at(-1)!;
      cursor = { nextDeadlineOn: last.nextDeadlineOn, id: last.id };
      run.casesRead += page.length;

      const due = page
        .map((kase) => ({ kase, notices: deadlineNotices(kase.deadlines ?? [], today) }))
        .filter((entry) => entry.notices.length > 0);
      if (due.length === 0) continue;
      run.notices += due.reduce((total, entry) => total + entry.notices.length, 0);
      const members = new Map<string, TeamMemberToTell[]>();
      for (const member of await listActiveTeamMembers(tx, [
        ...new Set(due.map((entry) => entry.kase.teamId)),
      ]))
        getOrInsert(members, member.teamId, () => []).push(member);
      const rows = due.flatMap(({ kase, notices }) =>
        recipients(kase, members.get(kase.teamId) ?? []).flatMap((userId) =>
          notices.map((notice) => notificationOf(kase, notice, userId, now)),
        ),
      );
      run.written += await insertNotifications(tx, rows);
    }
    await auditReminderRun(
      tx,
      services,
      { name: DEADLINE_REMINDERS_JOB, eventType: "notifications.deadline_reminders_sent" },
      run,
    );
    return run;
  });
}

/**
 * The job as the runner schedules it (src/server/platform/jobs.ts): on `cron`
 * (COMITY_REMINDER_CRON, hourly by default) and once at start.
 */
export function deadlineRemindersJob(
  services: Services,
  cron: string | null,
  log: (message: string) => void = () => undefined,
): JobDefinition {
  return reminderJob({
    name: DEADLINE_REMINDERS_JOB,
    cron,
    run: () => sendDeadlineReminders({ services }),
    describe: (run) =>
      `Deadline reminders for ${run.today}: ${run.written} notifications written (${run.casesRead} cases read).`,
    log,
  });
}

/** The members of the case's team who may see the case now, by the case policy. */
function recipients(kase: ReminderCandidate, teamMembers: readonly TeamMemberToTell[]): string[] {
  const placement = { teamId: kase.teamId, confidentiality: kase.confidentiality as ConfidentialityLevel };
  return teamMembers
    .filter((member) =>
      mayReadCase(
        {
          role: member.role as Role,
          clearance: member.clearance as ConfidentialityLevel,
          teamIds: new Set([member.teamId]),
        },
        placement,
      ),
    )
    .map((member) => member.userId);
}

function notificationOf(
  kase: ReminderCandidate,
  notice: DeadlineNotice,
  userId: string,
  now: Date,
): NewNotification {
  const { deadline } = notice;
  const reminder = notice.kind === "deadline_reminder";
  const body: DeadlineNotificationBody = {
    deadline: {
      key: deadline.key,
      // Field by field: the body is read back with the contract's strict schema.
      title: { en: deadline.title.en, ru: deadline.title.ru },
      dueOn: deadline.dueOn,
      practicalDueOn: deadline.practicalDueOn,
      advisory: deadline.advisory,
    },
    remindOn: reminder ? notice.remindOn : null,
    daysBefore: reminder ? notice.daysBefore : null,
  };
  return {
    userId,
    subject: { type: CASE_SUBJECT_TYPE, id: kase.id },
    kind: notice.kind,
    title: reminder
      ? `${deadline.title.en}: due ${deadline.dueOn}`
      : `${deadline.title.en}: overdue since ${deadline.dueOn}`,
    body,
    dueOn: deadline.dueOn,
    dedupeKey: noticeKey(kase.id, notice),
    createdAt: now,
  };
}
