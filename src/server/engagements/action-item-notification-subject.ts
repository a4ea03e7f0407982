import { actionItemLabels, visibleActionItemIds } from "../../db/engagements/action-reminders.repository.js";
import type { NotificationSubjectSource } from "../notifications/subjects.js";
import { loadUserEngagementSubject } from "./authorize.js";
import { engagementVisibility } from "./engagement.policy.js";

/** The subject type of the engagements feature's notifications (action item reminders and overdue notices). */
export const ACTION_ITEM_SUBJECT_TYPE = "action_item";

/**
 * What the engagements feature tells the notifications feature about action items: a user
 * sees a notification about an item while the engagement policy lets them read its
 * engagement (role that reads engagements, clearance at least its confidentiality), read in
 * the same transaction, so that a lowered clearance hides the notifications at once. An
 * item is shown by its engagement's id (the web app links /engagements/<id>) and its title.
 */
export const actionItemNotificationSubject: NotificationSubjectSource = {
  type: ACTION_ITEM_SUBJECT_TYPE,
  async visibleIds(executor, userId) {
    const { levels } = engagementVisibility(await loadUserEngagementSubject(executor, userId));
    return visibleActionItemIds(levels);
  },
  async describe(executor, ids) {
    const labels = await actionItemLabels(executor, ids);
    return new Map(
      [...labels].map(([id, label]) => [id, { key: label.engagementId, title: label.title }] as const),
    );
  },
};
