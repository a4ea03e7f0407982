import {
  findInstrumentByCode,
  type InstrumentRow,
  insertInstrument,
} from "../../db/registry/instruments.repository.js";
import type { CreateInstrumentInput } from "../../domain/registry/schemas.js";
import { conflict } from "../platform/errors.js";
import { type Actor, type Origin, runOperation, type Services } from "../platform/operation.js";
import { authorizeRegistry } from "./authorize.js";
import { resolveParty } from "./party-ref.js";

/** A registrar records a new instrument (or one under negotiation), with its sources. */
export async function createInstrument(
  services: Services,
  actor: Actor,
  origin: Origin,
  input: CreateInstrumentInput,
): Promise<InstrumentRow> {
  return runOperation(
    services,
    { eventType: "registry.instrument_created", objectType: "instrument", actor, origin },
    async (context) => {
      authorizeRegistry(context, "create");
      if (await findInstrumentByCode(context.tx, input.code)) {
        throw conflict("code_taken", `An instrument with the code ${input.code} exists.`, [
          { path: "body.code", message: "taken" },
        ]);
      }
      for (const [index, party] of input.intendedParties.entries())
        await resolveParty(context.tx, party, `body.intendedParties.${index}`);
      const row = await insertInstrument(context.tx, {
        ...input,
        createdAt: context.now,
        updatedAt: context.now,
        origin: "manual",
      });
      context.note({ objectId: row.id, details: { code: row.code, kind: row.kind } });
      return row;
    },
  );
}
