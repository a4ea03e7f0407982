import type { z } from "zod";
import type { Database } from "../../db/client.js";
import { listInstruments } from "../../db/registry/instruments.repository.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import type { InstrumentSummary, instrumentListQuerySchema } from "../../domain/registry/schemas.js";
import { partyStanding } from "../../domain/registry/status.js";
import type { Caller } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { registrySnapshot } from "./snapshot-cache.js";
import { toSummary } from "./views.js";

type InstrumentListQuery = z.infer<typeof instrumentListQuerySchema>;
type PartyStatus = NonNullable<InstrumentListQuery["status"]>;

export type FindInstrumentsOptions = Pick<Caller, "services"> & { query: InstrumentListQuery };

/**
 * Instruments, filtered, searched (English and Russian stemming) and paged; with `party`
 * and `status`, only those where that party stands so on `date` (default today).
 */
export async function findInstruments({
  services,
  query,
}: FindInstrumentsOptions): Promise<{ instruments: InstrumentSummary[]; total: number }> {
  const ids =
    query.party && query.status
      ? await instrumentIdsByStatus(services.database, {
          state: query.party,
          status: query.status,
          date: query.date ?? officeToday(services),
        })
      : undefined;
  const { rows, total } = await listInstruments(
    services.database,
    {
      q: query.q,
      kind: query.kind,
      subject: query.subject,
      scope: query.scope,
      binding: query.binding === undefined ? undefined : query.binding === "true",
      demo: query.demo === undefined ? undefined : query.demo === "true",
      party: query.party,
      ids,
    },
    { limit: query.limit, offset: query.offset },
  );
  return { instruments: rows.map(toSummary), total };
}

/** Ids of instruments where `state` stands as asked on `date` (the list's status filter). */
async function instrumentIdsByStatus(
  database: Database,
  { state, status, date }: { state: string; status: PartyStatus; date: IsoDate },
): Promise<string[]> {
  const snapshot = await registrySnapshot(database);
  const ids: string[] = [];
  for (const id of snapshot.instrumentsByState.get(state) ?? []) {
    const instrument = snapshot.instruments.get(id)!;
    const actions = snapshot.actions.get(id)?.get(state) ?? [];
    const draft = (snapshot.stages.get(id)?.length ?? 0) > 0 && !snapshot.actions.has(id);
    const standing = partyStanding(instrument, actions, date).status;
    const matches =
      status === "negotiating"
        ? draft
        : status === "in_force"
          ? standing === "in_force"
          : status === "signed"
            ? standing === "signed" || standing === "consented"
            : !draft && standing !== "in_force";
    if (matches) ids.push(id);
  }
  return ids;
}
