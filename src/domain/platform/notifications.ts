import { z } from "zod";

/**
 * In-app notifications: contracts of the notifications API (src/server/platform/
 * notifications), shared with the web app's bell. A user reads only their own, and only
 * those about cases they may still see.
 */

/** What a notification is about; the web app words each kind itself, in the user's language. */
export const NOTIFICATION_KINDS = ["deadline_reminder", "deadline_overdue"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const isoDate = z.iso.date();
const words = z.object({ en: z.string(), ru: z.string() });

/**
 * The deadline a reminder or an overdue notice is about, as the clock engine gave it when
 * the notice was written (src/domain/clocks/compute.ts).
 */
export const notificationDeadlineSchema = z.object({
  /** The clock's stable key: the rule and its first start record. */
  key: z.string(),
  ruleId: z.string(),
  title: words,
  /** The legal last day, and the working day on or before it to act by. */
  dueOn: isoDate,
  practicalDueOn: isoDate,
  advisory: z.boolean(),
});
export type NotificationDeadline = z.infer<typeof notificationDeadlineSchema>;

/** What the job stores in a deadline notification's body. */
export const deadlineNotificationBodySchema = z.object({
  deadline: notificationDeadlineSchema,
  /** Reminders: the reminder's day and how many days before the day to act by it falls. */
  remindOn: isoDate.nullable(),
  daysBefore: z.number().int().nullable(),
});
export type DeadlineNotificationBody = z.infer<typeof deadlineNotificationBodySchema>;

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** The case it is about, as it stands now. */
  case: z.object({ reference: z.string(), title: z.string() }).nullable(),
  deadline: notificationDeadlineSchema.nullable(),
  remindOn: isoDate.nullable(),
  daysBefore: z.number().int().nullable(),
  /** A plain English line, for logs and clients that do not word the kinds themselves. */
  title: z.string(),
  dueOn: isoDate.nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.strictObject({
  /** Only the unread ones ("true") or only the read ones ("false"); all by default. */
  unread: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationListSchema = z.object({
  /** Newest first. */
  items: z.array(notificationSchema),
  /** How many match the filter. */
  total: z.number().int(),
  /** How many of the user's notifications are unread, whatever the filter: the bell's count. */
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const notificationIdParamsSchema = z.strictObject({ id: z.uuid() });

export const readAllNotificationsSchema = z.object({
  /** How many were marked read now. */
  marked: z.number().int(),
});
