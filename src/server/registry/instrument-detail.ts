import type { Executor } from "../../db/client.js";
import {
  findInstrument,
  listPartyActions,
  listRelations,
  listStages,
  partyNames,
} from "../../db/registry/instruments.repository.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import type { InstrumentDetail } from "../../domain/registry/schemas.js";
import { notFound } from "../platform/errors.js";
import { toDetail } from "./views.js";

/** One instrument with its facts and every party's standing on `date`; 404 when there is none. */
export async function loadInstrumentDetail(
  executor: Executor,
  instrumentId: string,
  date: IsoDate,
): Promise<InstrumentDetail> {
  const row = await findInstrument(executor, instrumentId);
  if (!row) throw notFound("instrument");
  const facts = {
    actions: await listPartyActions(executor, instrumentId),
    stages: await listStages(executor, instrumentId),
    relations: await listRelations(executor, instrumentId),
  };
  return toDetail(row, facts, await partyNames(executor), date);
}
