import { updateActionItemIfVersion } from "../../db/engagements/engagements.repository.js";
import { isClosed } from "../../domain/engagements/action-items.js";
import type { ActionItem, UpdateActionItemInput } from "../../domain/engagements/schemas.js";
import { instantOf } from "../../domain/platform/dates.js";
import { conflict, notFound, preconditionFailed } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { loadEngagementSubject, openActionItem } from "./authorize.js";
import { actionItemViews } from "./engagement-view.js";
import { checkOwnerTeam, checkOwnerUser, ownerKey, subjectName } from "./engagement-writes.js";

export type UpdateActionItemOptions = Caller & {
  id: string;
  expectedVersion: number;
  changes: UpdateActionItemInput;
};

/**
 * Moves an action item on (status, due day, owner, a note) if nobody changed it since
 * `expectedVersion`, appending the change to its dated history. Done or dropped closes it
 * with a closing note on the office's today; a closed item changes only by reopening it
 * (open or in progress again), which clears the closing.
 */
export async function updateActionItem({
  services,
  actor,
  origin,
  id,
  expectedVersion,
  changes,
}: UpdateActionItemOptions): Promise<ActionItem> {
  return runOperation(
    services,
    { eventType: "engagements.action_item_updated", objectType: "action_item", objectId: id, actor, origin },
    async (context) => {
      const subject = await loadEngagementSubject(context);
      const { item } = await openActionItem(context, subject, id, (current) => ({
        reassigns:
          (changes.dueOn !== undefined && changes.dueOn !== current.dueOn) ||
          Boolean(changes.ownerUserId && changes.ownerUserId !== current.ownerUserId) ||
          Boolean(changes.ownerTeamId && changes.ownerTeamId !== current.ownerTeamId),
      }));
      if (item.version !== expectedVersion) throw preconditionFailed(item.version);
      const status = changes.status ?? item.status;
      const reopening = changes.status !== undefined && isClosed(item.status) && !isClosed(changes.status);
      if (isClosed(item.status) && !reopening)
        throw conflict("action_item_closed", "The item is done or dropped; reopen it to change it.");
      if (changes.ownerUserId) await checkOwnerUser(context, changes.ownerUserId, "body.ownerUserId");
      if (changes.ownerTeamId) await checkOwnerTeam(context, changes.ownerTeamId, "body.ownerTeamId");
      const owner = changes.ownerUserId
        ? { ownerUserId: changes.ownerUserId, ownerTeamId: null }
        : changes.ownerTeamId
          ? { ownerUserId: null, ownerTeamId: changes.ownerTeamId }
          : { ownerUserId: item.ownerUserId, ownerTeamId: item.ownerTeamId };
      const dueOn = changes.dueOn ?? item.dueOn;
      const today = officeToday(context.services, context.now);
      const closing = isClosed(status) && !isClosed(item.status);
      const note = changes.note ?? null;
      const updated = await updateActionItemIfVersion(
        context.tx,
        id,
        expectedVersion,
        {
          status,
          dueOn,
          ...owner,
          ...(closing ? { closedOn: today, closingNote: note } : {}),
          ...(reopening ? { closedOn: null, closingNote: null } : {}),
          history: [
            ...item.history,
            {
              at: instantOf(context.now),
              by: subjectName(subject),
              status,
              dueOn,
              owner: ownerKey(owner),
              note,
            },
          ],
        },
        context.now,
      );
      if (!updated) throw preconditionFailed(item.version);
      context.note({
        details: {
          engagementId: item.engagementId,
          from: item.status,
          status,
          dueOn,
          owner: ownerKey(owner),
          version: updated.version,
        },
      });
      const [view] = await actionItemViews(context.tx, [updated], today);
      if (!view) throw notFound("action item");
      return view;
    },
  );
}
