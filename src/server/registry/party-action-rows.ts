import type { Executor } from "../../db/client.js";
import { organisationCodes } from "../../db/directory/organisations.repository.js";
import { states } from "../../db/directory/states.table.js";
import { instrumentCodes, type NewPartyAction } from "../../db/registry/instruments.repository.js";
import type { ParsedPartyAction } from "../../domain/registry/party-csv.js";

/** What a party list's rows may name (instrument, state and organisation codes), for the CSV parser. */
export async function csvLookups(executor: Executor) {
  // One after another: inside a transaction the queries share one connection.
  const codes = await instrumentCodes(executor);
  const stateRows = await executor.select({ code: states.code }).from(states);
  const organisations = await organisationCodes(executor);
  return {
    instrumentIds: codes,
    lookups: {
      instrumentCodes: new Set(codes.keys()),
      stateCodes: new Set(stateRows.map((row) => row.code)),
      organisationCodes: organisations,
    },
  };
}

/** Rows ready to insert; `origin` says whether they came from the catalogue or an import. */
export function toNewActions(
  rows: ParsedPartyAction[],
  { instrumentIds, origin, now }: { instrumentIds: Map<string, string>; origin: string; now: Date },
): NewPartyAction[] {
  return rows.map((row) => ({
    instrumentId: instrumentIds.get(row.instrumentCode)!,
    partyType: row.party.type,
    partyCode: row.party.code,
    partyAgencyId: null,
    partyState: row.party.type === "state" ? row.party.code : null,
    action: row.action,
    date: row.date,
    effectiveOn: null,
    inRespectOf: [],
    payload: null,
    text: null,
    source: row.sourceUrl ? { kind: "url", url: row.sourceUrl } : null,
    asOf: row.asOf,
    verified: row.verified,
    origin,
    createdAt: now,
  }));
}
