import type { z } from "zod";
import {
  bumpPerson,
  findAgency,
  findPerson,
  insertPosition,
  type PositionRow,
} from "../../db/directory/agencies.repository.js";
import type { createPositionSchema } from "../../domain/directory/schemas.js";
import { badRequest, notFound } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { authorizeDirectoryWrite } from "./authorize.js";

export type AddPositionOptions = Caller & {
  personId: string;
  position: z.infer<typeof createPositionSchema>;
};

/** Records a position an official held (agency, title, from, to); the official's version moves on. */
export function addPosition({
  services,
  actor,
  origin,
  personId,
  position,
}: AddPositionOptions): Promise<PositionRow> {
  return runOperation(
    services,
    { eventType: "directory.position_added", objectType: "person", objectId: personId, actor, origin },
    async (context) => {
      authorizeDirectoryWrite(context);
      if (!(await findPerson(context.tx, personId, true))) throw notFound("person");
      if (!(await findAgency(context.tx, position.agencyId))) {
        throw badRequest("unknown_agency", "There is no such agency.", [
          { path: "body.agencyId", message: "unknown" },
        ]);
      }
      const row = await insertPosition(context.tx, {
        personId,
        ...position,
        endOn: position.endOn ?? null,
        sourceUrl: position.sourceUrl ?? null,
        createdAt: context.now,
      });
      await bumpPerson(context.tx, personId, context.now);
      context.note({
        details: {
          agency: position.agencyId,
          title: position.titleEn,
          start: position.startOn,
          end: position.endOn ?? null,
        },
      });
      return row;
    },
  );
}
