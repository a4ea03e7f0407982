import { bumpEngagement, findOutcome, updateOutcome } from "../../db/engagements/engagements.repository.js";
import type { AnswerInvitationInput } from "../../domain/engagements/schemas.js";
import { ConcealedError, conflict, notFound } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { loadEngagementSubject, openEngagement } from "./authorize.js";
import { engagementDetail, outcomeViews } from "./engagement-view.js";
import { insertEngagement } from "./engagement-writes.js";
import type { RecordedOutcome } from "./record-outcome.js";

export type AnswerInvitationOptions = Caller & {
  engagementId: string;
  outcomeId: string;
  answer: AnswerInvitationInput;
};

/**
 * Answers an invitation recorded at an engagement, once (a second answer: 409). Accepting
 * it plans the engagement it invites to, linked back to the invitation; declining it keeps
 * the note given.
 */
export async function answerInvitation({
  services,
  actor,
  origin,
  engagementId,
  outcomeId,
  answer,
}: AnswerInvitationOptions): Promise<RecordedOutcome> {
  return runOperation(
    services,
    {
      eventType: "engagements.invitation_answered",
      objectType: "engagement",
      objectId: engagementId,
      actor,
      origin,
    },
    async (context) => {
      const subject = await loadEngagementSubject(context);
      const engagement = await openEngagement(context, subject, engagementId, "write");
      const outcome = await findOutcome(context.tx, outcomeId, true);
      if (!outcome || outcome.engagementId !== engagementId || outcome.details.kind !== "invitation")
        throw new ConcealedError("invitation", "not_found");
      const details = outcome.details;
      if (details.status !== "pending")
        throw conflict("invitation_answered", `The invitation was already ${details.status}.`);
      const today = officeToday(context.services, context.now);

      let plannedEngagementId: string | null = null;
      if (answer.answer === "accepted") {
        const planned = await insertEngagement(
          context,
          subject,
          { ...answer.engagement, status: "planned" },
          { invitedByOutcomeId: outcome.id, isDemo: engagement.isDemo, path: "body.engagement" },
        );
        plannedEngagementId = planned.id;
      }
      const answered = await updateOutcome(context.tx, outcome.id, {
        details: {
          ...details,
          status: answer.answer,
          answeredOn: today,
          answerNote: answer.answer === "declined" ? (answer.note ?? null) : null,
        },
        plannedEngagementId,
      });
      const updated = await bumpEngagement(context.tx, engagementId, context.now);
      const [view] = await outcomeViews(context.tx, subject, [answered]);
      if (!view) throw notFound("invitation");
      context.note({ details: { outcomeId, answer: answer.answer, plannedEngagementId } });
      return { outcome: view, engagement: await engagementDetail(context.tx, subject, updated, today) };
    },
  );
}
