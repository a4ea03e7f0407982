import {
  findInstrument,
  type InstrumentRow,
  updateInstrumentIfVersion,
} from "../../db/registry/instruments.repository.js";
import type { UpdateInstrumentInput } from "../../domain/registry/schemas.js";
import { notFound, preconditionFailed } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { authorizeRegistry } from "./authorize.js";
import { resolveParty } from "./party-ref.js";

export type UpdateInstrumentOptions = Caller & {
  instrumentId: string;
  expectedVersion: number;
  changes: UpdateInstrumentInput;
};

/** Edits an instrument if nobody changed it (or its facts) since version `expectedVersion`. */
export async function updateInstrument({
  services,
  actor,
  origin,
  instrumentId,
  expectedVersion,
  changes,
}: UpdateInstrumentOptions): Promise<InstrumentRow> {
  return runOperation(
    services,
    {
      eventType: "registry.instrument_updated",
      objectType: "instrument",
      objectId: instrumentId,
      actor,
      origin,
    },
    async (context) => {
      authorizeRegistry(context, "update");
      const current = await findInstrument(context.tx, instrumentId, true);
      if (!current) throw notFound("instrument");
      if (current.version !== expectedVersion) throw preconditionFailed();
      for (const [index, party] of (changes.intendedParties ?? []).entries())
        await resolveParty(context.tx, party, `body.intendedParties.${index}`);
      const patch = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const updated = await updateInstrumentIfVersion(
        context.tx,
        instrumentId,
        expectedVersion,
        patch,
        context.now,
      );
      if (!updated) throw preconditionFailed();
      context.note({ details: { code: updated.code, fields: Object.keys(patch).sort() } });
      return updated;
    },
  );
}
