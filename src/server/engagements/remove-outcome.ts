import { findCaseById } from "../../db/cases/cases.repository.js";
import {
  actionItemOfOutcome,
  bumpEngagement,
  deleteOutcome,
  findOutcome,
  unlinkOutcomePartyActions,
} from "../../db/engagements/engagements.repository.js";
import {
  bumpInstrument,
  deletePartyAction,
  findInstrument,
} from "../../db/registry/instruments.repository.js";
import type { EngagementDetail } from "../../domain/engagements/schemas.js";
import { ConcealedError, conflict, preconditionFailed } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { enforce, loadEngagementSubject, openEngagement } from "./authorize.js";
import { decideOutcomeKind, mayReadLinkedCase } from "./engagement.policy.js";
import { engagementDetail } from "./engagement-view.js";

export type RemoveOutcomeOptions = Caller & {
  engagementId: string;
  outcomeId: string;
  /** The engagement's version the caller saw (If-Match); another one: 412. */
  expectedVersion: number;
};

/**
 * Removes an outcome recorded by mistake, with what it brought about, in ONE transaction:
 * the registry's signatures it recorded (the instrument itself stays, as it may have been
 * there before), or the action item a commitment opened. An outcome whose consequences
 * are a record of their own is refused (409 outcome_in_use): a commitment whose action
 * item is done (its history is the record), an accepted invitation (the engagement it
 * planned exists). Removing needs what recording that kind needs (engagement.policy.ts).
 */
export async function removeOutcome({
  services,
  actor,
  origin,
  engagementId,
  outcomeId,
  expectedVersion,
}: RemoveOutcomeOptions): Promise<EngagementDetail> {
  return runOperation(
    services,
    {
      eventType: "engagements.outcome_removed",
      objectType: "engagement",
      objectId: engagementId,
      actor,
      origin,
    },
    async (context) => {
      const subject = await loadEngagementSubject(context);
      const engagement = await openEngagement(context, subject, engagementId, "write");
      if (engagement.version !== expectedVersion) throw preconditionFailed(engagement.version);
      const outcome = await findOutcome(context.tx, outcomeId, true);
      if (!outcome || outcome.engagementId !== engagementId) throw new ConcealedError("outcome", "not_found");
      if (outcome.caseId) {
        const kase = await findCaseById(context.tx, outcome.caseId);
        if (
          !kase ||
          !mayReadLinkedCase(subject, { teamId: kase.teamId, confidentiality: kase.confidentiality })
        )
          throw new ConcealedError("outcome", "need_to_know");
      }
      enforce(decideOutcomeKind(subject, outcome.kind));

      const details: Record<string, string | number> = { outcomeId: outcome.id, kind: outcome.kind };
      const { details: what } = outcome;
      if (what.kind === "invitation" && (what.status === "accepted" || outcome.plannedEngagementId))
        throw conflict(
          "outcome_in_use",
          "The invitation was accepted and the engagement it planned is recorded: remove or cancel that engagement's plans instead.",
        );
      if (what.kind === "commitment") {
        const item = await actionItemOfOutcome(context.tx, outcome.id, true);
        if (item?.status === "done")
          throw conflict(
            "outcome_in_use",
            "The commitment's action item is done: its history is the record, so the commitment stays.",
          );
        if (item) details.actionItemRemoved = item.id;
      }
      if (outcome.instrumentId) {
        const instrument = await findInstrument(context.tx, outcome.instrumentId, true);
        const partyActionIds = await unlinkOutcomePartyActions(context.tx, outcome.id);
        let removed = 0;
        for (const id of partyActionIds)
          if (await deletePartyAction(context.tx, outcome.instrumentId, id)) removed += 1;
        if (removed > 0) await bumpInstrument(context.tx, outcome.instrumentId, context.now);
        if (instrument) details.instrument = instrument.code;
        details.partyActionsRemoved = removed;
        details.instrumentKept = "yes";
      }
      await deleteOutcome(context.tx, outcome.id);
      const updated = await bumpEngagement(context.tx, engagementId, context.now);
      context.note({ details });
      return engagementDetail(context.tx, subject, updated, officeToday(context.services, context.now));
    },
  );
}
