import type { Executor } from "../../db/client.js";
import { organisationCodes } from "../../db/directory/organisations.repository.js";
import { states } from "../../db/directory/states.table.js";
import {
  bumpInstrument,
  insertPartyActions,
  instrumentCodes,
} from "../../db/registry/instruments.repository.js";
import { type ParsedPartyAction, parsePartyActionCsv } from "../../domain/registry/party-csv.js";
import type { ImportResult } from "../../domain/registry/schemas.js";
import { AppError } from "../platform/errors.js";
import { type Actor, type Origin, runOperation, type Services } from "../platform/operation.js";
import { authorizeRegistry } from "./authorize.js";

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
  instrumentIds: Map<string, string>,
  origin: string,
  now: Date,
) {
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

class DryRun extends Error {
  constructor(readonly result: ImportResult) {
    super("dry run");
  }
}

/**
 * Loads a party list (the depositary's current one, say): every row is validated first;
 * if any is bad, nothing is written and the problems are reported by line. Facts already
 * recorded are skipped, so importing the same file twice adds nothing. A dry run
 * reports what would happen and writes nothing.
 */
export async function importPartyActions(
  services: Services,
  actor: Actor,
  origin: Origin,
  input: { csv: string; instrument?: string | undefined; dryRun: boolean },
): Promise<ImportResult> {
  const work = async (
    tx: Executor,
    note: (details: Record<string, string | number | boolean | string[]>) => void,
  ) => {
    const { instrumentIds, lookups } = await csvLookups(tx);
    const { rows, problems } = parsePartyActionCsv(input.csv, { instrument: input.instrument }, lookups);
    if (problems.length > 0) {
      throw new AppError(
        400,
        "invalid_csv",
        `${new Set(problems.map((problem) => problem.line)).size} row(s) have problems; nothing was imported.`,
        problems
          .slice(0, 500)
          .map((problem) => ({ path: `line ${problem.line}: ${problem.field}`, message: problem.message })),
      );
    }
    const inserted = await insertPartyActions(
      tx,
      toNewActions(rows, instrumentIds, "import", services.clock()),
    );
    const touched = [...new Set(inserted.map((row) => row.instrumentId))];
    for (const id of touched) await bumpInstrument(tx, id, services.clock());
    const result: ImportResult = {
      dryRun: input.dryRun,
      rows: rows.length,
      inserted: inserted.length,
      unchanged: rows.length - inserted.length,
      errors: [],
    };
    note({
      rows: result.rows,
      inserted: result.inserted,
      unchanged: result.unchanged,
      instruments: [...new Set(rows.map((row) => row.instrumentCode))],
    });
    return result;
  };
  if (input.dryRun) {
    try {
      await services.database.transaction(async (tx) => {
        throw new DryRun(await work(tx, () => undefined));
      });
    } catch (error) {
      if (error instanceof DryRun) return error.result;
      throw error;
    }
  }
  return runOperation(
    services,
    { eventType: "registry.party_actions_imported", objectType: "party_actions", actor, origin },
    async (context) => {
      authorizeRegistry(context, "import");
      return work(context.tx, (details) => context.note({ details }));
    },
  );
}
