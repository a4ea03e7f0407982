import { findUserById } from "../../db/platform/users.repository.js";
import { allInstrumentIds, instrumentLabels, noIds } from "../../db/registry/term-reminders.repository.js";
import { hasPermission } from "../../domain/platform/roles.js";
import { isRole } from "../../domain/platform/vocabulary.js";
import type { NotificationSubjectSource } from "../notifications/subjects.js";

/** The subject type of the registry's notifications (term reminders and "expired" notices). */
export const INSTRUMENT_SUBJECT_TYPE = "instrument";

/**
 * What the registry tells the notifications feature about instruments: a user sees a
 * notification about an instrument while their role reads the registry (the registry has
 * no need-to-know below that: every instrument is visible to every reader), read in the
 * same transaction, so that a change of role hides the notifications at once. An
 * instrument is shown by its id (the web app links /registry/instruments/<id>) and its
 * English title.
 */
export const instrumentNotificationSubject: NotificationSubjectSource = {
  type: INSTRUMENT_SUBJECT_TYPE,
  async visibleIds(executor, userId) {
    const user = await findUserById(executor, userId);
    return user && isRole(user.role) && hasPermission(user.role, "registry.read")
      ? allInstrumentIds()
      : noIds();
  },
  async describe(executor, ids) {
    const labels = await instrumentLabels(executor, ids);
    return new Map([...labels].map(([id, label]) => [id, { key: id, title: label.titleEn }] as const));
  },
};
