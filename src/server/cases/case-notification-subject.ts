import { caseLabels, visibleCaseIds } from "../../db/cases/case-visibility.repository.js";
import type { NotificationSubjectSource } from "../notifications/subjects.js";
import { loadUserCaseActor } from "./authorize.js";
import { caseVisibility } from "./case.policy.js";

/** The subject type of the cases feature's notifications (deadline reminders and overdue notices). */
export const CASE_SUBJECT_TYPE = "case";

/**
 * What the cases feature tells the notifications feature about cases: a user sees a
 * notification about a case only while the case policy lets them see the case (role that
 * reads cases, clearance at least its confidentiality, a member of its team unless they
 * read every team's), read in the same transaction, so that leaving the team hides the
 * notifications at once; a case is shown by its reference (the web app's link) and title.
 */
export const caseNotificationSubject: NotificationSubjectSource = {
  type: CASE_SUBJECT_TYPE,
  async visibleIds(executor, userId) {
    return visibleCaseIds(caseVisibility(await loadUserCaseActor(executor, userId)));
  },
  async describe(executor, ids) {
    const labels = await caseLabels(executor, ids);
    return new Map(
      [...labels].map(([id, label]) => [id, { key: label.reference, title: label.title }] as const),
    );
  },
};
