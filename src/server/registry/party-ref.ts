import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findAgency } from "../../db/directory/agencies.repository.js";
import { organisations } from "../../db/directory/agencies.table.js";
import { getState } from "../../db/directory/states.repository.js";
import type { StateCode } from "../../domain/directory/state-codes.js";
import type { PartyRef } from "../../domain/registry/model.js";
import { badRequest } from "../platform/errors.js";

export type ResolvedParty = {
  partyType: PartyRef["type"];
  partyCode: string | null;
  partyAgencyId: string | null;
  partyState: StateCode | null;
};

/** Checks that the party exists and finds the state it belongs to. */
export async function resolveParty(
  executor: Executor,
  party: PartyRef,
  field: string,
): Promise<ResolvedParty> {
  if (party.type === "state") {
    if (!(await getState(executor, party.code))) {
      throw badRequest("unknown_state", `There is no state ${party.code}.`, [
        { path: field, message: "unknown state" },
      ]);
    }
    return { partyType: "state", partyCode: party.code, partyAgencyId: null, partyState: party.code };
  }
  if (party.type === "agency") {
    const agency = await findAgency(executor, party.id);
    if (!agency)
      throw badRequest("unknown_agency", "There is no such agency.", [
        { path: field, message: "unknown agency" },
      ]);
    return { partyType: "agency", partyCode: null, partyAgencyId: agency.id, partyState: agency.stateCode };
  }
  const found = await executor.select().from(organisations).where(eq(organisations.code, party.code));
  if (found.length === 0) {
    throw badRequest("unknown_organisation", `There is no organisation ${party.code}.`, [
      { path: field, message: "unknown organisation" },
    ]);
  }
  return { partyType: "organisation", partyCode: party.code, partyAgencyId: null, partyState: null };
}
