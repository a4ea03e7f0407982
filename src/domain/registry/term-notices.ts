import { addDays, addMonths, compareDates, type IsoDate } from "../platform/dates.js";
import { TERM_REMINDER_DAYS } from "./vocabulary.js";

/**
 * Expiry reminders for instruments with a term (cooperation programmes, memoranda for a
 * number of years): the registry's editors are reminded TERM_REMINDER_DAYS before the
 * term ends, so that a renewal or a review is prepared in time, and told once when it has
 * ended. Pure: the job (src/server/registry/send-term-reminders.ts) may run any number of
 * times, each notice has a stable key (`termNoticeKey`).
 */

/** A term that ended longer ago than this gets no "expired" notice: loading an old catalogue floods nobody. */
export const TERM_EXPIRED_LOOKBACK_DAYS = 30;

/** What the reminders need of an instrument. */
export type TermInstrument = {
  id: string;
  termStart: IsoDate | null;
  termEnd: IsoDate | null;
  durationMonths: number | null;
};

/**
 * The day an instrument's term ends: its recorded end, else its start plus its duration
 * (a 24-month programme from 15 March 2023 runs to 15 March 2025); null without a term.
 */
export function termEndOf(instrument: Omit<TermInstrument, "id">): IsoDate | null {
  if (instrument.termEnd) return instrument.termEnd;
  if (instrument.termStart && instrument.durationMonths)
    return addMonths(instrument.termStart, instrument.durationMonths);
  return null;
}

export type TermNotice =
  | {
      kind: "deadline_reminder";
      instrumentId: string;
      termEnd: IsoDate;
      remindOn: IsoDate;
      daysBefore: number;
    }
  | { kind: "deadline_overdue"; instrumentId: string; termEnd: IsoDate };

/**
 * The notices due on `today`: for a term not yet ended, the latest of its reminder days
 * (TERM_REMINDER_DAYS before the end) that has come, one reminder and not one per day
 * missed; for a term whose last day has passed (within TERM_EXPIRED_LOOKBACK_DAYS), one
 * "expired" notice.
 */
export function termNotices(instruments: readonly TermInstrument[], today: IsoDate): TermNotice[] {
  const notices: TermNotice[] = [];
  const lookback = addDays(today, -TERM_EXPIRED_LOOKBACK_DAYS);
  for (const instrument of instruments) {
    const termEnd = termEndOf(instrument);
    if (termEnd === null) continue;
    if (compareDates(termEnd, today) < 0) {
      if (compareDates(termEnd, lookback) >= 0)
        notices.push({ kind: "deadline_overdue", instrumentId: instrument.id, termEnd });
      continue;
    }
    const latest = [...TERM_REMINDER_DAYS]
      .sort((a, b) => b - a)
      .map((daysBefore) => ({ daysBefore, on: addDays(termEnd, -daysBefore) }))
      .filter((reminder) => compareDates(reminder.on, today) <= 0)
      .at(-1);
    if (latest)
      notices.push({
        kind: "deadline_reminder",
        instrumentId: instrument.id,
        termEnd,
        remindOn: latest.on,
        daysBefore: latest.daysBefore,
      });
  }
  return notices;
}

/** The identity of a notice: one reminder per instrument and reminder day, one "expired" notice per term end. */
export function termNoticeKey(notice: TermNotice): string {
  const day = notice.kind === "deadline_reminder" ? notice.remindOn : notice.termEnd;
  return `instrument_term:${notice.kind}:${notice.instrumentId}:${day}`;
}

/** The widest window of term ends a run must read: from the lookback to the longest reminder period ahead. */
export function termWindow(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return {
    from: addDays(today, -TERM_EXPIRED_LOOKBACK_DAYS),
    to: addDays(today, Math.max(...TERM_REMINDER_DAYS)),
  };
}
