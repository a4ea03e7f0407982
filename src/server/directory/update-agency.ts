import type { z } from "zod";
import { type AgencyRow, findAgency, updateAgencyIfVersion } from "../../db/directory/agencies.repository.js";
import type { updateAgencySchema } from "../../domain/directory/schemas.js";
import { notFound, preconditionFailed } from "../platform/errors.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { authorizeDirectoryWrite } from "./authorize.js";
import { checkAgencyParent, checkStateExists } from "./check-references.js";

export type UpdateAgencyOptions = Caller & {
  agencyId: string;
  expectedVersion: number;
  changes: z.infer<typeof updateAgencySchema>;
};

/** Edits an agency if nobody changed it since version `expectedVersion`. */
export function updateAgency({
  services,
  actor,
  origin,
  agencyId,
  expectedVersion,
  changes,
}: UpdateAgencyOptions): Promise<AgencyRow> {
  return runOperation(
    services,
    { eventType: "directory.agency_updated", objectType: "agency", objectId: agencyId, actor, origin },
    async (context) => {
      authorizeDirectoryWrite(context);
      const current = await findAgency(context.tx, agencyId, true);
      if (!current) throw notFound("agency");
      if (current.version !== expectedVersion) throw preconditionFailed();
      const stateCode = changes.stateCode ?? current.stateCode;
      if (changes.stateCode) await checkStateExists(context, changes.stateCode);
      await checkAgencyParent(
        context,
        { id: agencyId, stateCode },
        changes.parentAgencyId === undefined ? current.parentAgencyId : changes.parentAgencyId,
      );
      const patch = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const updated = await updateAgencyIfVersion(context.tx, agencyId, expectedVersion, patch, context.now);
      if (!updated) throw preconditionFailed();
      context.note({ details: { fields: Object.keys(patch).sort() } });
      return updated;
    },
  );
}
