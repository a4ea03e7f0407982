import { partyActionsForExport } from "../../db/registry/instruments.repository.js";
import type { Citation } from "../../domain/registry/model.js";
import type { PartyCsvRow } from "../../domain/registry/party-csv.js";
import type { Caller } from "../platform/operation.js";

export type ExportPartyActionsOptions = Pick<Caller, "services"> & {
  /** Only this instrument's (by code); every instrument's when absent. */
  instrument?: string | undefined;
};

/** Party actions in the columns of the import format, ready for partyActionsToCsv. */
export async function exportPartyActions({
  services,
  instrument,
}: ExportPartyActionsOptions): Promise<PartyCsvRow[]> {
  const rows = await partyActionsForExport(services.database, instrument);
  return rows.map((row) => ({
    instrumentCode: row.instrumentCode,
    partyCode: row.partyCode ?? "",
    action: row.action,
    date: row.date,
    sourceUrl: (row.source as Citation | null)?.url ?? null,
    asOf: row.asOf,
    verified: row.verified,
  }));
}
