import type { ActionItem, ActionItemChanges } from "./engagements-api.js";
import { ownerFields, ownerValue } from "./owners.js";

export type ActionItemValues = { status: string; dueOn: string; owner: string | null; note: string };

export function actionItemValues(item: ActionItem): ActionItemValues {
  return { status: item.status, dueOn: item.dueOn, owner: ownerValue(item.owner), note: "" };
}

/** Only what changed, and the note; a closing status needs the note (the schema says so). */
export function actionItemChanges(values: ActionItemValues, before: ActionItemValues): ActionItemChanges {
  const changes: ActionItemChanges = {};
  if (values.status !== before.status) changes.status = values.status as ActionItemChanges["status"];
  if (values.dueOn !== before.dueOn) changes.dueOn = values.dueOn;
  if (values.owner !== before.owner && values.owner) {
    const owner = ownerFields(values.owner);
    if (owner.ownerUserId) changes.ownerUserId = owner.ownerUserId;
    if (owner.ownerTeamId) changes.ownerTeamId = owner.ownerTeamId;
  }
  const note = values.note.trim();
  if (note) changes.note = note;
  return changes;
}
