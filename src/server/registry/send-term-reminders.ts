import {
  insertNotifications,
  type NewNotification,
} from "../../db/notifications/notifications.repository.js";
import {
  listActiveUsersWithRoles,
  listTermCandidates,
  type TermCandidate,
  type TermCursor,
} from "../../db/registry/term-reminders.repository.js";
import type { DeadlineNotificationBody } from "../../domain/notifications/schemas.js";
import { hasPermission } from "../../domain/platform/roles.js";
import { ROLES } from "../../domain/platform/vocabulary.js";
import {
  type TermNotice,
  termNoticeKey,
  termNotices,
  termWindow,
} from "../../domain/registry/term-notices.js";
import { auditReminderRun, type ReminderRunOptions, reminderJob } from "../notifications/reminder-jobs.js";
import type { JobDefinition } from "../platform/jobs.js";
import type { Services } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { INSTRUMENT_SUBJECT_TYPE } from "./instrument-notification-subject.js";

/** The pg-boss queue and schedule name of the job. */
export const TERM_REMINDERS_JOB = "term-reminders";

/** Instruments read per page: bounds the memory a run takes whatever the size of the catalogue. */
const PAGE_SIZE = 500;

export type TermReminderRun = {
  today: string;
  /** Instruments whose term ends within the window (the longest reminder period ahead, the look-back behind). */
  instrumentsRead: number;
  /** Reminders and "expired" notices due today, before they are addressed to people. */
  notices: number;
  /** Notifications written now; the others were written by an earlier run. */
  written: number;
};

export type SendTermRemindersOptions = ReminderRunOptions;

/**
 * The term reminder job: for every instrument with a term (a recorded end, or a start and
 * a duration in months), the reminders due today before the term ends (180, 90 and 30 days
 * before: the latest one that has come) and one "expired" notice once it has ended
 * (src/domain/registry/term-notices.ts), written as notifications for every active user
 * whose role edits the registry, about the instrument as its subject
 * (instrument-notification-subject.ts). A term that ended more than 30 days ago gets no
 * notice: loading an old catalogue floods nobody.
 *
 * Idempotent: each notification carries a key (instrument, kind, reminder day or term
 * end), unique per user, inserted with ON CONFLICT DO NOTHING. One transaction; when it
 * wrote something, one audit entry by the system says how many.
 */
export async function sendTermReminders({
  services,
  today = officeToday(services),
}: SendTermRemindersOptions): Promise<TermReminderRun> {
  const window = termWindow(today);
  const editorRoles = ROLES.filter((role) => hasPermission(role, "registry.write"));
  const now = services.clock();
  return services.database.transaction(async (tx) => {
    const run: TermReminderRun = { today, instrumentsRead: 0, notices: 0, written: 0 };
    let editors: string[] | null = null;
    let cursor: TermCursor | null = null;
    for (;;) {
      const page = await listTermCandidates(tx, window, cursor, PAGE_SIZE);
      if (page.length === 0) break;
      const last = page.at(-1)!;
      cursor = { endsOn: last.endsOn, id: last.id };
      run.instrumentsRead += page.length;

      const notices = termNotices(page, today);
      if (notices.length === 0) continue;
      run.notices += notices.length;
      editors ??= (await listActiveUsersWithRoles(tx, editorRoles)).map((user) => user.userId);
      const byId = new Map(page.map((instrument) => [instrument.id, instrument]));
      const rows = notices.flatMap((notice) =>
        editors!.map((userId) => notificationOf(byId.get(notice.instrumentId)!, notice, userId, now)),
      );
      run.written += await insertNotifications(tx, rows);
    }
    await auditReminderRun(
      tx,
      services,
      { name: TERM_REMINDERS_JOB, eventType: "notifications.term_reminders_sent" },
      run,
    );
    return run;
  });
}

/**
 * The job as the runner schedules it (src/server/platform/jobs.ts): on `cron`
 * (COMITY_REMINDER_CRON, as the deadline reminders) and once at start.
 */
export function termRemindersJob(
  services: Services,
  cron: string | null,
  log: (message: string) => void = () => undefined,
): JobDefinition {
  return reminderJob({
    name: TERM_REMINDERS_JOB,
    cron,
    run: () => sendTermReminders({ services }),
    describe: (run) =>
      `Term reminders for ${run.today}: ${run.written} notifications written (${run.instrumentsRead} instruments read).`,
    log,
  });
}

function notificationOf(
  instrument: TermCandidate,
  notice: TermNotice,
  userId: string,
  now: Date,
): NewNotification {
  const reminder = notice.kind === "deadline_reminder";
  const body: DeadlineNotificationBody = {
    deadline: {
      key: `instrument_term:${instrument.id}`,
      title: {
        en: `End of term: ${instrument.titleEn}`,
        ru: `Окончание срока действия: ${instrument.titleRu ?? instrument.titleEn}`,
      },
      dueOn: notice.termEnd,
      practicalDueOn: notice.termEnd,
      advisory: false,
    },
    remindOn: reminder ? notice.remindOn : null,
    daysBefore: reminder ? notice.daysBefore : null,
  };
  return {
    userId,
    subject: { type: INSTRUMENT_SUBJECT_TYPE, id: instrument.id },
    kind: notice.kind,
    title: reminder
      ? `${instrument.code}: term ends ${notice.termEnd}`
      : `${instrument.code}: term ended ${notice.termEnd}`,
    body,
    dueOn: notice.termEnd,
    dedupeKey: termNoticeKey(notice),
    createdAt: now,
  };
}
