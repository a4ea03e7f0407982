import { bumpEngagement, outcomePartyActionIds } from "../../db/engagements/engagements.repository.js";
import type { EngagementDetail, OutcomeInput, OutcomeView } from "../../domain/engagements/schemas.js";
import { notFound } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { loadEngagementSubject, openEngagement } from "./authorize.js";
import { engagementDetail, outcomeViews } from "./engagement-view.js";
import { insertOutcome } from "./engagement-writes.js";

export type RecordOutcomeOptions = Caller & { engagementId: string; input: OutcomeInput };

export type RecordedOutcome = { outcome: OutcomeView; engagement: EngagementDetail };

/**
 * Records what an engagement produced, with what it brings about, in ONE transaction: an
 * instrument signed writes its signatures to the registry (and a new instrument, when
 * given), a commitment opens an action item, a case discussed links the case. If any part
 * fails, nothing is written, the registry's facts included.
 */
export async function recordOutcome({
  services,
  actor,
  origin,
  engagementId,
  input,
}: RecordOutcomeOptions): Promise<RecordedOutcome> {
  return runOperation(
    services,
    {
      eventType: "engagements.outcome_recorded",
      objectType: "engagement",
      objectId: engagementId,
      actor,
      origin,
    },
    async (context) => {
      const subject = await loadEngagementSubject(context);
      const engagement = await openEngagement(context, subject, engagementId, "write");
      const outcome = await insertOutcome(context, subject, engagement, input);
      const updated = await bumpEngagement(context.tx, engagementId, context.now);
      const [view] = await outcomeViews(context.tx, subject, [outcome]);
      if (!view) throw notFound("outcome");
      const partyActionIds = (await outcomePartyActionIds(context.tx, [outcome.id])).get(outcome.id) ?? [];
      context.note({
        details: {
          outcomeId: outcome.id,
          kind: outcome.kind,
          date: outcome.date,
          ...(view.kind === "instrument_signed" || view.kind === "programme_adopted"
            ? { instrument: view.instrument.code, partyActionIds }
            : {}),
          ...(view.kind === "commitment" ? { actionItemId: view.actionItemId } : {}),
          ...(view.kind === "case_discussed" ? { caseReference: view.case.reference } : {}),
        },
      });
      return {
        outcome: view,
        engagement: await engagementDetail(
          context.tx,
          subject,
          updated,
          officeToday(context.services, context.now),
        ),
      };
    },
  );
}
