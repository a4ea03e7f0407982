import { bumpPerson, deletePosition } from "../../db/directory/agencies.repository.js";
import { notFound } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { authorizeDirectoryWrite } from "./authorize.js";

export type RemovePositionOptions = Caller & { personId: string; positionId: string };

/** Removes a position recorded by mistake; the audit entry keeps what it said. */
export function removePosition({
  services,
  actor,
  origin,
  personId,
  positionId,
}: RemovePositionOptions): Promise<void> {
  return runOperation(
    services,
    { eventType: "directory.position_removed", objectType: "person", objectId: personId, actor, origin },
    async (context) => {
      authorizeDirectoryWrite(context);
      const removed = await deletePosition(context.tx, personId, positionId);
      if (!removed) throw notFound("position");
      await bumpPerson(context.tx, personId, context.now);
      context.note({
        details: {
          removed: {
            agency: removed.agencyId,
            title: removed.titleEn,
            start: removed.startOn,
            end: removed.endOn,
          },
        },
      });
    },
  );
}
