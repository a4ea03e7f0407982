import { addDays, compareDates, type IsoDate } from "../platform/dates.js";
import {
  ACTION_REMINDER_DAYS,
  type ActionStatus,
  CLOSED_ACTION_STATUSES,
  DUE_SOON_DAYS,
} from "./vocabulary.js";

/** What the due list and the reminders need of an action item. */
export type DueItem = { id: string; status: ActionStatus; dueOn: IsoDate };

export type DueState = "overdue" | "due_soon" | "later" | "closed";

export function isClosed(status: ActionStatus): boolean {
  return CLOSED_ACTION_STATUSES.includes(status);
}

/** How an item stands on `today`: closed, overdue (its day has passed), due soon (within DUE_SOON_DAYS), or later. */
export function dueState(item: Pick<DueItem, "status" | "dueOn">, today: IsoDate): DueState {
  if (isClosed(item.status)) return "closed";
  if (compareDates(item.dueOn, today) < 0) return "overdue";
  if (compareDates(item.dueOn, addDays(today, DUE_SOON_DAYS)) <= 0) return "due_soon";
  return "later";
}

export type ActionNotice =
  | { kind: "deadline_reminder"; item: DueItem; remindOn: IsoDate; daysBefore: number }
  | { kind: "deadline_overdue"; item: DueItem };

/**
 * The notices due on `today` about open items: for an item not yet due, the latest of its
 * reminder days (ACTION_REMINDER_DAYS before the due day) that has come, one reminder and
 * not one per day missed; for an item whose due day has passed, one overdue notice. Pure:
 * the job may run any number of times, each notice has a stable key (`actionNoticeKey`).
 */
export function actionNotices(items: readonly DueItem[], today: IsoDate): ActionNotice[] {
  const notices: ActionNotice[] = [];
  for (const item of items) {
    if (isClosed(item.status)) continue;
    if (compareDates(item.dueOn, today) < 0) {
      notices.push({ kind: "deadline_overdue", item });
      continue;
    }
    const due = [...ACTION_REMINDER_DAYS]
      .sort((a, b) => b - a)
      .map((daysBefore) => ({ daysBefore, on: addDays(item.dueOn, -daysBefore) }))
      .filter((reminder) => compareDates(reminder.on, today) <= 0);
    const latest = due.at(-1);
    if (latest)
      notices.push({ kind: "deadline_reminder", item, remindOn: latest.on, daysBefore: latest.daysBefore });
  }
  return notices;
}

/** The identity of a notice: one reminder per item and reminder day, one overdue notice per item and due day. */
export function actionNoticeKey(notice: ActionNotice): string {
  const day = notice.kind === "deadline_reminder" ? notice.remindOn : notice.item.dueOn;
  return `action_item:${notice.kind}:${notice.item.id}:${day}`;
}
