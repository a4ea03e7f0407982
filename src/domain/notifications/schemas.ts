import { z } from "zod";
import { instantSchema, isoDateSchema } from "../platform/dates.js";
import { bilingualSchema } from "../platform/schemas.js";

/**
 * In-app notifications: the contract of the notifications API (src/server/notifications),
 * shared with the web app's bell. The feature knows no other feature: a notification is
 * about a *subject* of some type ("case"; an engagement's action item later), or about
 * nothing, and the feature that owns the type says who may see which of its subjects and
 * how to name them (src/server/notifications/subjects.ts). A user reads only their own
 * notifications, and only those about subjects they may still see.
 */

/** What a notification says; the web app words each kind itself, in the user's language. */
export const NOTIFICATION_KINDS = ["deadline_reminder", "deadline_overdue"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A subject type: lower-case words joined by underscores ("case", "action_item"). */
export const NOTIFICATION_SUBJECT_TYPE = /^[a-z_]+$/;

const isoDate = isoDateSchema;
const instant = instantSchema;
const words = bilingualSchema;

/**
 * What a reminder or an overdue notice is about: something due by a day. A case's clock
 * as the clock engine gave it when the notice was written (src/domain/clocks/compute.ts);
 * an engagement's action item will be one too.
 */
export const notificationDeadlineSchema = z.strictObject({
  /** Stable for one deadline while corrections move its day (a clock: its rule and first start record). */
  key: z.string(),
  title: words,
  /** The last day, and the working day on or before it to act by. */
  dueOn: isoDate,
  practicalDueOn: isoDate,
  /** Advice rather than an obligation (a model treaty's period where the basis has none). */
  advisory: z.boolean(),
});
export type NotificationDeadline = z.infer<typeof notificationDeadlineSchema>;

/** What a feature stores in a deadline notification's body. */
export const deadlineNotificationBodySchema = z.strictObject({
  deadline: notificationDeadlineSchema,
  /** Reminders: the reminder's day and how many days before the day to act by it falls. */
  remindOn: isoDate.nullable(),
  daysBefore: z.number().int().nullable(),
});
export type DeadlineNotificationBody = z.infer<typeof deadlineNotificationBodySchema>;

/** The subject of a notification as it stands now, named by the feature that owns it. */
export const notificationSubjectSchema = z.strictObject({
  type: z.string().regex(NOTIFICATION_SUBJECT_TYPE),
  /** What the web app links by (a case's reference). */
  key: z.string(),
  title: z.string(),
});
export type NotificationSubject = z.infer<typeof notificationSubjectSchema>;

export const notificationSchema = z
  .strictObject({
    id: z.uuid(),
    kind: z.enum(NOTIFICATION_KINDS),
    /** What it is about; null for a notification about nothing in particular. */
    subject: notificationSubjectSchema.nullable(),
    deadline: notificationDeadlineSchema.nullable(),
    remindOn: isoDate.nullable(),
    daysBefore: z.number().int().nullable(),
    /** A plain English line, for logs and clients that do not word the kinds themselves. */
    title: z.string(),
    dueOn: isoDate.nullable(),
    createdAt: instant,
    readAt: instant.nullable(),
  })
  .meta({ id: "Notification" });
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.strictObject({
  /** Only the unread ones ("true") or only the read ones ("false"); all by default. */
  unread: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationListSchema = z.strictObject({
  /** Newest first. */
  items: z.array(notificationSchema),
  /** How many match the filter. */
  total: z.number().int(),
  /** How many of the user's notifications are unread, whatever the filter: the bell's count. */
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const notificationIdParamsSchema = z.strictObject({ id: z.uuid() });

export const readAllNotificationsSchema = z.strictObject({
  /** How many were marked read now. */
  marked: z.number().int(),
});
export type ReadAllNotifications = z.infer<typeof readAllNotificationsSchema>;
