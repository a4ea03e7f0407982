import type { ActionItem, OutcomeView } from "../../domain/engagements/schemas.js";
import { ApiError } from "../api/client.js";

/** What else goes when an outcome is removed: the registry's signatures it recorded, or its action item. */
export type RemovalEffect =
  | { kind: "signatures"; count: number; code: string }
  | { kind: "actionItem"; title: string }
  | { kind: "none" };

/** Why the server would refuse the removal (409 outcome_in_use), as the page can already tell. */
export type RemovalBlock = "itemDone" | "invitationAccepted";

export function removalEffect(outcome: OutcomeView, actionItems: readonly ActionItem[]): RemovalEffect {
  if (outcome.kind === "instrument_signed" || outcome.kind === "programme_adopted")
    return { kind: "signatures", count: outcome.partyActionIds.length, code: outcome.instrument.code };
  if (outcome.kind === "commitment") {
    const item = actionItems.find((candidate) => candidate.id === outcome.actionItemId);
    if (item) return { kind: "actionItem", title: item.title };
  }
  return { kind: "none" };
}

export function removalBlock(outcome: OutcomeView, actionItems: readonly ActionItem[]): RemovalBlock | null {
  if (outcome.kind === "invitation" && (outcome.status === "accepted" || outcome.engagement !== null))
    return "invitationAccepted";
  if (outcome.kind === "commitment") {
    const item = actionItems.find((candidate) => candidate.id === outcome.actionItemId);
    if (item?.status === "done") return "itemDone";
  }
  return null;
}

/** Removing needs what recording needs: engagements.write, and registry.write for the registry's kinds. */
export function mayRemoveOutcome(
  outcome: Pick<OutcomeView, "kind">,
  permissions: { engagementsWrite: boolean; registryWrite: boolean },
): boolean {
  if (!permissions.engagementsWrite) return false;
  if (outcome.kind === "instrument_signed" || outcome.kind === "programme_adopted")
    return permissions.registryWrite;
  return true;
}

export type RemovalRefusalKey =
  | "engagements.removeOutcome.itemDone"
  | "engagements.removeOutcome.invitationAccepted"
  | "engagements.errors.outcome_in_use";

/** The translation key explaining a 409 outcome_in_use for this outcome; null for any other error. */
export function removalRefusalKey(
  error: unknown,
  outcome: Pick<OutcomeView, "kind">,
): RemovalRefusalKey | null {
  if (!(error instanceof ApiError) || error.code !== "outcome_in_use") return null;
  if (outcome.kind === "commitment") return "engagements.removeOutcome.itemDone";
  if (outcome.kind === "invitation") return "engagements.removeOutcome.invitationAccepted";
  return "engagements.errors.outcome_in_use";
}
