import {
  findInstrument,
  type InstrumentRow,
  updateInstrumentIfVersion,
} from "../../db/registry/instruments.repository.js";
import type { UpdateInstrumentInput } from "../../domain/registry/schemas.js";
import { notFound, preconditionFailed } from "../platform/errors.js";
import { type Actor, type Origin, runOperation, type Services } from "../platform/operation.js";
import { authorizeRegistry } from "./authorize.js";
import { resolveParty } from "./party-ref.js";

/** Edits an instrument if nobody changed it (or its facts) since version `expectedVersion`. */
export async function updateInstrument(
  services: Services,
  actor: Actor,
  origin: Origin,
  id: string,
  expectedVersion: number,
  input: UpdateInstrumentInput,
): Promise<InstrumentRow> {
  return runOperation(
    services,
    { eventType: "registry.instrument_updated", objectType: "instrument", objectId: id, actor, origin },
    async (context) => {
      authorizeRegistry(context, "update");
      const current = await findInstrument(context.tx, id, true);
      if (!current) throw notFound("instrument");
      if (current.version !== expectedVersion) throw preconditionFailed();
      for (const [index, party] of (input.intendedParties ?? []).entries())
        await resolveParty(context.tx, party, `body.intendedParties.${index}`);
      const patch = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      const updated = await updateInstrumentIfVersion(context.tx, id, expectedVersion, patch, context.now);
      if (!updated) throw preconditionFailed();
      context.note({ details: { code: updated.code, fields: Object.keys(patch).sort() } });
      return updated;
    },
  );
}
