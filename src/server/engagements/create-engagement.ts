import type { CreateEngagementInput, EngagementDetail } from "../../domain/engagements/schemas.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { loadEngagementSubject } from "./authorize.js";
import { engagementDetail } from "./engagement-view.js";
import { insertEngagement } from "./engagement-writes.js";

export type CreateEngagementOptions = Caller & { input: CreateEngagementInput };

/**
 * Records an engagement with its participants (people new to the directory are added on
 * the spot, with the position they held), in one transaction with its audit entry.
 */
export async function createEngagement({
  services,
  actor,
  origin,
  input,
}: CreateEngagementOptions): Promise<EngagementDetail> {
  return runOperation(
    services,
    { eventType: "engagements.engagement_created", objectType: "engagement", actor, origin },
    async (context) => {
      const subject = await loadEngagementSubject(context);
      const row = await insertEngagement(context, subject, input);
      context.note({
        objectId: row.id,
        details: {
          kind: row.kind,
          status: row.status,
          startOn: row.startOn,
          states: row.states,
          confidentiality: row.confidentiality,
          participants: input.participants.length,
        },
      });
      return engagementDetail(context.tx, subject, row, officeToday(context.services, context.now));
    },
  );
}
