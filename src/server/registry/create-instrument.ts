import {
  findInstrumentByCode,
  type InstrumentRow,
  insertInstrument,
} from "../../db/registry/instruments.repository.js";
import type { CreateInstrumentInput } from "../../domain/registry/schemas.js";
import { conflict } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { authorizeRegistry } from "./authorize.js";
import { resolveParty } from "./party-ref.js";

export type CreateInstrumentOptions = Caller & { instrument: CreateInstrumentInput };

/** A registrar records a new instrument (or one under negotiation), with its sources. */
export async function createInstrument({
  services,
  actor,
  origin,
  instrument,
}: CreateInstrumentOptions): Promise<InstrumentRow> {
  return runOperation(
    services,
    { eventType: "registry.instrument_created", objectType: "instrument", actor, origin },
    async (context) => {
      authorizeRegistry(context, "create");
      if (await findInstrumentByCode(context.tx, instrument.code)) {
        throw conflict("code_taken", `An instrument with the code ${instrument.code} exists.`, [
          { path: "body.code", message: "taken" },
        ]);
      }
      for (const [index, party] of instrument.intendedParties.entries())
        await resolveParty(context.tx, party, `body.intendedParties.${index}`);
      const row = await insertInstrument(context.tx, {
        ...instrument,
        createdAt: context.now,
        updatedAt: context.now,
        origin: "manual",
      });
      context.note({ objectId: row.id, details: { code: row.code, kind: row.kind } });
      return row;
    },
  );
}
