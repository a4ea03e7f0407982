import type { EngagementDetail } from "../../domain/engagements/schemas.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { loadEngagementSubject, openEngagement } from "./authorize.js";
import { engagementDetail } from "./engagement-view.js";

export type GetEngagementOptions = Caller & { id: string };

/** One engagement with its participants, outcomes and action items, if the caller may read it; the read is audited. */
export async function getEngagement({
  services,
  actor,
  origin,
  id,
}: GetEngagementOptions): Promise<EngagementDetail> {
  return runOperation(
    services,
    { eventType: "engagements.engagement_read", objectType: "engagement", objectId: id, actor, origin },
    async (context) => {
      const subject = await loadEngagementSubject(context);
      const row = await openEngagement(context, subject, id, "read");
      return engagementDetail(context.tx, subject, row, officeToday(context.services, context.now));
    },
  );
}
