import type { z } from "zod";
import { findPerson, type PersonRow, updatePersonIfVersion } from "../../db/directory/agencies.repository.js";
import type { updatePersonSchema } from "../../domain/directory/schemas.js";
import { notFound, preconditionFailed } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { authorizeDirectoryWrite } from "./authorize.js";

export type UpdatePersonOptions = Caller & {
  personId: string;
  expectedVersion: number;
  changes: z.infer<typeof updatePersonSchema>;
};

/** Edits an official's names and notes if nobody changed them since version `expectedVersion`. */
export function updatePerson({
  services,
  actor,
  origin,
  personId,
  expectedVersion,
  changes,
}: UpdatePersonOptions): Promise<PersonRow> {
  return runOperation(
    services,
    { eventType: "directory.person_updated", objectType: "person", objectId: personId, actor, origin },
    async (context) => {
      authorizeDirectoryWrite(context);
      const current = await findPerson(context.tx, personId, true);
      if (!current) throw notFound("person");
      const patch = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const updated = await updatePersonIfVersion(context.tx, personId, expectedVersion, patch, context.now);
      if (!updated) throw preconditionFailed();
      context.note({ details: { fields: Object.keys(patch).sort() } });
      return updated;
    },
  );
}
