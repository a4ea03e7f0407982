import type { z } from "zod";
import { insertPerson, type PersonRow } from "../../db/directory/agencies.repository.js";
import type { createPersonSchema } from "../../domain/directory/schemas.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { authorizeDirectoryWrite } from "./authorize.js";

export type CreatePersonOptions = Caller & {
  person: z.infer<typeof createPersonSchema>;
  /** Marks the official as demo data. */
  isDemo?: boolean;
};

/** A registrar adds an official; their positions are recorded one by one (addPosition). */
export function createPerson({
  services,
  actor,
  origin,
  person,
  isDemo = false,
}: CreatePersonOptions): Promise<PersonRow> {
  return runOperation(
    services,
    { eventType: "directory.person_created", objectType: "person", actor, origin },
    async (context) => {
      authorizeDirectoryWrite(context);
      const row = await insertPerson(context.tx, {
        ...person,
        isDemo,
        createdAt: context.now,
        updatedAt: context.now,
      });
      context.note({ objectId: row.id });
      return row;
    },
  );
}
