import { listEngagements as listEngagementRows } from "../../db/engagements/engagements.repository.js";
import type { EngagementList, EngagementListQuery } from "../../domain/engagements/schemas.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { loadEngagementSubject } from "./authorize.js";
import { engagementVisibility } from "./engagement.policy.js";
import { engagementSummaries } from "./engagement-view.js";

export type ListEngagementsOptions = Caller & { query: EngagementListQuery };

/**
 * The engagements the caller may see, filtered, searched (English, Russian) and paged.
 * Need-to-know is part of the query (engagementVisibility), so the total never counts a
 * hidden engagement. Upcoming ones (ending on the office's today or later) come soonest
 * first; otherwise the newest first. The list is recorded with its filters and the ids it showed.
 */
export async function listEngagements({
  services,
  actor,
  origin,
  query,
}: ListEngagementsOptions): Promise<EngagementList> {
  return runOperation(
    services,
    { eventType: "engagements.engagements_listed", objectType: "engagement", actor, origin },
    async (context) => {
      const subject = await loadEngagementSubject(context);
      const today = officeToday(context.services, context.now);
      const { limit, offset, upcoming, openActions, demo, ...filters } = query;
      const { rows, total } = await listEngagementRows(
        context.tx,
        engagementVisibility(subject),
        {
          ...filters,
          upcomingFrom: upcoming === "true" ? today : undefined,
          openActions: openActions === undefined ? undefined : openActions === "true",
          demo: demo === undefined ? undefined : demo === "true",
        },
        { limit, offset },
      );
      context.note({
        details: {
          filters: { ...filters, upcoming, openActions, demo },
          limit,
          offset,
          total,
          ids: rows.map((row) => row.id),
        },
      });
      return { engagements: await engagementSummaries(context.tx, rows, today), total };
    },
  );
}
