import type { z } from "zod";
import { type AgencyRow, insertAgency } from "../../db/directory/agencies.repository.js";
import type { createAgencySchema } from "../../domain/directory/schemas.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { authorizeDirectoryWrite } from "./authorize.js";
import { checkAgencyParent, checkStateExists } from "./check-references.js";

export type CreateAgencyOptions = Caller & {
  agency: z.infer<typeof createAgencySchema>;
  /** Marks the agency as demo data. */
  isDemo?: boolean;
};

/** A registrar adds an agency of a state, under a parent agency of the same state if any. */
export function createAgency({
  services,
  actor,
  origin,
  agency,
  isDemo = false,
}: CreateAgencyOptions): Promise<AgencyRow> {
  return runOperation(
    services,
    { eventType: "directory.agency_created", objectType: "agency", actor, origin },
    async (context) => {
      authorizeDirectoryWrite(context);
      await checkStateExists(context, agency.stateCode);
      await checkAgencyParent(context, { id: null, stateCode: agency.stateCode }, agency.parentAgencyId);
      const row = await insertAgency(context.tx, {
        ...agency,
        isDemo,
        createdAt: context.now,
        updatedAt: context.now,
      });
      context.note({ objectId: row.id, details: { state: row.stateCode, name: row.nameEn } });
      return row;
    },
  );
}
