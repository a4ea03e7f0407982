import {
  bumpInstrument,
  findInstrument,
  type InstrumentRow,
} from "../../db/registry/instruments.repository.js";
import { notFound } from "../platform/errors.js";
import { type Caller, type OperationContext, runOperation } from "../platform/operation.js";

/*
 * The facts of an instrument: party actions, negotiation stages, relations. Each
 * operation locks the instrument, bumps its version (its ETag) and records one audit
 * entry; a removal keeps the removed fact in the audit entry, so nothing is lost.
 */

export type FactOperationOptions = Caller & {
  instrumentId: string;
  /** The audit event type, such as "registry.stage_added". */
  eventType: string;
};

/** Runs `work` on the instrument, locked for the transaction, then bumps its version. */
export function runFactOperation<T>(
  { services, actor, origin, instrumentId, eventType }: FactOperationOptions,
  work: (context: OperationContext, instrument: InstrumentRow) => Promise<T>,
): Promise<T> {
  return runOperation(
    services,
    { eventType, objectType: "instrument", objectId: instrumentId, actor, origin },
    async (context) => {
      const instrument = await findInstrument(context.tx, instrumentId, true);
      if (!instrument) throw notFound("instrument");
      const result = await work(context, instrument);
      await bumpInstrument(context.tx, instrumentId, context.now);
      return result;
    },
  );
}
