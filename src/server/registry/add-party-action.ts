import { insertPartyActions, type PartyActionRow } from "../../db/registry/instruments.repository.js";
import type { CreatePartyActionInput } from "../../domain/registry/schemas.js";
import { conflict } from "../platform/errors.js";
import type { Caller } from "../platform/operation.js";
import { authorizeRegistry } from "./authorize.js";
import { runFactOperation } from "./fact-operation.js";
import { resolveParty } from "./party-ref.js";

export type AddPartyActionOptions = Caller & { instrumentId: string; partyAction: CreatePartyActionInput };

/** Records what a party did about an instrument: signature, ratification, reservation, withdrawal... */
export function addPartyAction({
  services,
  actor,
  origin,
  instrumentId,
  partyAction,
}: AddPartyActionOptions): Promise<PartyActionRow> {
  return runFactOperation(
    { services, actor, origin, instrumentId, eventType: "registry.party_action_added" },
    async (context, instrument) => {
      authorizeRegistry(context, "add_fact");
      const party = await resolveParty(context.tx, partyAction.party, "body.party");
      const [row] = await insertPartyActions(context.tx, [
        {
          instrumentId,
          ...party,
          action: partyAction.action,
          date: partyAction.date,
          effectiveOn: partyAction.effectiveOn ?? null,
          inRespectOf: partyAction.inRespectOf,
          payload: partyAction.payload ?? null,
          text: partyAction.text ?? null,
          source: partyAction.source,
          asOf: partyAction.asOf ?? null,
          verified: partyAction.verified,
          origin: "manual",
          createdAt: context.now,
        },
      ]);
      if (!row) throw conflict("duplicate_fact", "This fact is already recorded for this party.");
      context.note({
        details: {
          instrument: instrument.code,
          party: party.partyCode ?? party.partyAgencyId,
          action: partyAction.action,
          date: partyAction.date,
        },
      });
      return row;
    },
  );
}
