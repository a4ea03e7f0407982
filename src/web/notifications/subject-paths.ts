import type { NotificationSubject } from "../../domain/notifications/schemas.js";

/**
 * Where the web app shows a notification's subject, by subject type: the one place that
 * knows the features' pages, so that the bell imports no feature. A type without a page
 * here is shown by its key, without a link.
 */
const SUBJECT_PATHS: ReadonlyMap<string, (key: string) => string> = new Map([
  ["case", (reference: string) => `/cases/${encodeURIComponent(reference)}`],
]);

/** The page of the subject, or null when its type has none. */
export function subjectPath(subject: NotificationSubject): string | null {
  return SUBJECT_PATHS.get(subject.type)?.(subject.key) ?? null;
}
