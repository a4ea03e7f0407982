import { listActionItems as listActionItemRows } from "../../db/engagements/engagements.repository.js";
import type { ActionItemList, ActionItemListQuery } from "../../domain/engagements/schemas.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { loadEngagementSubject } from "./authorize.js";
import { engagementVisibility, isEngagementOperator } from "./engagement.policy.js";
import { actionItemViews } from "./engagement-view.js";

export type ListActionItemsOptions = Caller & { query: ActionItemListQuery };

/**
 * Action items of the engagements the caller may see, by due day: the caller's own
 * (`mine`: theirs and their teams'), a user's or a team's, an engagement's; open, closed
 * or overdue on the office's today. The operator has no items of their own: `mine` finds none.
 */
export async function listActionItems({
  services,
  actor,
  origin,
  query,
}: ListActionItemsOptions): Promise<ActionItemList> {
  return runOperation(
    services,
    { eventType: "engagements.action_items_listed", objectType: "action_item", actor, origin },
    async (context) => {
      const subject = await loadEngagementSubject(context);
      const today = officeToday(context.services, context.now);
      const { limit, offset, mine, owner, team, engagement, status, open, overdue } = query;
      const { rows, total } = await listActionItemRows(
        context.tx,
        engagementVisibility(subject),
        {
          mine:
            mine === "true"
              ? isEngagementOperator(subject)
                ? { userId: null, teamIds: [] }
                : { userId: subject.userId, teamIds: [...subject.teamIds] }
              : undefined,
          ownerUserId: owner,
          ownerTeamId: team,
          engagementId: engagement,
          status,
          open: open === undefined ? undefined : open === "true",
          overdueOn: overdue === "true" ? today : undefined,
          notOverdueOn: overdue === "false" ? today : undefined,
        },
        { limit, offset },
      );
      context.note({
        details: {
          filters: { mine, owner, team, engagement, status, open, overdue },
          limit,
          offset,
          total,
          ids: rows.map((row) => row.id),
        },
      });
      return { items: await actionItemViews(context.tx, rows, today), total };
    },
  );
}
