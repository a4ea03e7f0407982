import type { CaseVisibility } from "../../../db/cases/cases.repository.js";
import type { Executor } from "../../../db/client.js";
import type { NotificationListRow } from "../../../db/platform/notifications.repository.js";
import {
  deadlineNotificationBodySchema,
  NOTIFICATION_KINDS,
  type Notification,
  type NotificationKind,
} from "../../../domain/platform/notifications.js";
import { loadUserCaseActor } from "../../cases/authorize.js";
import { caseVisibility } from "../../cases/case.policy.js";

/**
 * Which cases the user may see now (the case policy's rule, as the list queries read it),
 * from their role, clearance and teams read in this transaction: a notification about a
 * case they no longer see is hidden at once.
 */
export async function notificationVisibility(executor: Executor, userId: string): Promise<CaseVisibility> {
  return caseVisibility(await loadUserCaseActor(executor, userId));
}

function isKnownKind(kind: string): kind is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

/** What the API shows of a notification; the body's deadline as the job stored it. */
export function toNotificationView(row: NotificationListRow): Notification {
  const body = deadlineNotificationBodySchema.safeParse(row.body);
  return {
    id: row.id,
    // The job writes only the known kinds; anything else is shown as a reminder rather than failing the list.
    kind: isKnownKind(row.kind) ? row.kind : "deadline_reminder",
    case:
      row.caseReference !== null && row.caseTitle !== null
        ? { reference: row.caseReference, title: row.caseTitle }
        : null,
    deadline: body.success ? body.data.deadline : null,
    remindOn: body.success ? body.data.remindOn : null,
    daysBefore: body.success ? body.data.daysBefore : null,
    title: row.title,
    dueOn: row.dueOn,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
