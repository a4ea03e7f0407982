import { deletePartyAction } from "../../db/registry/instruments.repository.js";
import type { Citation } from "../../domain/registry/model.js";
import { notFound } from "../platform/errors.js";
import type { Caller } from "../platform/operation.js";
import { authorizeRegistry } from "./authorize.js";
import { runFactOperation } from "./fact-operation.js";

export type RemovePartyActionOptions = Caller & { instrumentId: string; partyActionId: string };

/** Removes a party action recorded by mistake; the shipped catalogue's facts stay (policy). */
export function removePartyAction({
  services,
  actor,
  origin,
  instrumentId,
  partyActionId,
}: RemovePartyActionOptions): Promise<void> {
  return runFactOperation(
    { services, actor, origin, instrumentId, eventType: "registry.party_action_removed" },
    async (context, instrument) => {
      authorizeRegistry(context, "add_fact");
      const removed = await deletePartyAction(context.tx, instrumentId, partyActionId);
      if (!removed) throw notFound("party action");
      authorizeRegistry(context, "remove_fact", removed);
      context.note({
        details: {
          instrument: instrument.code,
          removed: {
            id: removed.id,
            party: removed.partyCode ?? removed.partyAgencyId,
            action: removed.action,
            date: removed.date,
            source_url: (removed.source as Citation | null)?.url ?? null,
          },
        },
      });
    },
  );
}
