import { compareDates, type IsoDate } from "../platform/dates.js";
import { overdue, remindersFor } from "./compute.js";
import type { Deadline } from "./schemas.js";

/**
 * What the reminder job tells the people of a case on a given day, from the case's
 * deadlines as stored. A pure function of the deadlines and today's date, so that the job
 * can run any number of times a day and across several app servers: each notice has a
 * stable identity (`noticeKey`), and a notice written once is never written again.
 */

export type DeadlineNotice =
  | {
      kind: "deadline_reminder";
      deadline: Deadline;
      /** The reminder's day (remindersFor) and how many days before the practical last day it falls. */
      remindOn: IsoDate;
      daysBefore: number;
    }
  | { kind: "deadline_overdue"; deadline: Deadline };

/**
 * The notices due on `today`:
 * - for a clock still running (not stopped, `today` on or before its legal last day), the
 *   latest of its reminder days that has come. One reminder, not one per day missed: a job
 *   that did not run for three days, or a clock recorded late, gives the nearest reminder
 *   and skips the ones already past;
 * - for a deadline whose last day has passed with nothing to stop it (`overdue`: never a
 *   minimum period), one overdue notice.
 */
export function deadlineNotices(deadlines: readonly Deadline[], today: IsoDate): DeadlineNotice[] {
  const notices: DeadlineNotice[] = [];
  const late = new Set(overdue(deadlines, today));
  for (const deadline of deadlines) {
    if (late.has(deadline)) {
      notices.push({ kind: "deadline_overdue", deadline });
      continue;
    }
    if (compareDates(today, deadline.dueOn) > 0) continue;
    const due = remindersFor(deadline).filter((reminder) => compareDates(reminder.on, today) <= 0);
    const latest = due.at(-1);
    if (latest)
      notices.push({
        kind: "deadline_reminder",
        deadline,
        remindOn: latest.on,
        daysBefore: latest.daysBefore,
      });
  }
  return notices;
}

/**
 * The identity of a notice about one case: the same reminder day of the same clock, or
 * the same overdue last day, is one notice however often the job runs. The clock's `key`
 * survives corrections of its start; a corrected date moves the reminder days and the
 * last day, and so gives new notices.
 */
export function noticeKey(caseId: string, notice: DeadlineNotice): string {
  const day = notice.kind === "deadline_reminder" ? notice.remindOn : notice.deadline.dueOn;
  return `${notice.kind}:${caseId}:${notice.deadline.key}:${day}`;
}

/**
 * How far ahead of today a case's earliest open deadline may lie and still have a reminder
 * due: the longest reminder period of the rules, plus the days the practical last day may
 * fall before the legal one (a weekend with public holidays, Russia's New Year: never a
 * month). The job reads only the cases whose next deadline is within it.
 */
export function reminderHorizonDays(remindDaysBefore: Iterable<number>): number {
  return Math.max(0, ...remindDaysBefore) + PRACTICAL_DAY_MARGIN;
}

const PRACTICAL_DAY_MARGIN = 31;
