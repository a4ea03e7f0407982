import type { NotificationSubject } from "../../domain/notifications/schemas.js";

/**
 * Where the web app shows a notification's subject, by subject type, and what it calls it:
 * the one place that knows the features' pages, so that the bell imports no feature. A
 * case is named by its reference (its key); subjects whose key is an id (an action item
 * names its engagement's id, an instrument its own) are named by their title. A type
 * without an entry here is shown by its key, without a link.
 */
type SubjectPage = { path: (key: string) => string; namedBy: "key" | "title" };

const SUBJECT_PAGES: ReadonlyMap<string, SubjectPage> = new Map([
  ["case", { path: (reference: string) => `/cases/${encodeURIComponent(reference)}`, namedBy: "key" }],
  // An action item's notification names its engagement: the item is shown on the engagement's page.
  [
    "action_item",
    { path: (engagementId: string) => `/engagements/${encodeURIComponent(engagementId)}`, namedBy: "title" },
  ],
  [
    "instrument",
    { path: (id: string) => `/registry/instruments/${encodeURIComponent(id)}`, namedBy: "title" },
  ],
]);

/** The page of the subject, or null when its type has none. */
export function subjectPath(subject: NotificationSubject): string | null {
  return SUBJECT_PAGES.get(subject.type)?.path(subject.key) ?? null;
}

/** What the bell calls the subject: a case's reference, an action item's or instrument's title. */
export function subjectLabel(subject: NotificationSubject): string {
  return SUBJECT_PAGES.get(subject.type)?.namedBy === "title" ? subject.title : subject.key;
}
