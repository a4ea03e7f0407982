import type { Executor } from "../../db/client.js";
import { bumpInstrument, insertPartyActions } from "../../db/registry/instruments.repository.js";
import { parsePartyActionCsv } from "../../domain/registry/party-csv.js";
import type { ImportResult } from "../../domain/registry/schemas.js";
import { AppError } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { authorizeRegistry } from "./authorize.js";
import { csvLookups, toNewActions } from "./party-action-rows.js";

export type ImportPartyActionsOptions = Caller & {
  /** The party list as CSV: instrument,state,action,date,source_url,as_of,verified. */
  csv: string;
  /** The instrument of every row, for a file without an `instrument` column. */
  instrument?: string | undefined;
  /** Check and count; write nothing. */
  dryRun: boolean;
};

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
export async function importPartyActions({
  services,
  actor,
  origin,
  csv,
  instrument,
  dryRun,
}: ImportPartyActionsOptions): Promise<ImportResult> {
  const work = async (
    tx: Executor,
    note: (details: Record<string, string | number | boolean | string[]>) => void,
  ) => {
    const { instrumentIds, lookups } = await csvLookups(tx);
    const { rows, problems } = parsePartyActionCsv(csv, { instrument }, lookups);
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
      toNewActions(rows, { instrumentIds, origin: "import", now: services.clock() }),
    );
    const touched = [...new Set(inserted.map((row) => row.instrumentId))];
    for (const id of touched) await bumpInstrument(tx, id, services.clock());
    const result: ImportResult = {
      dryRun,
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
  if (dryRun) {
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
