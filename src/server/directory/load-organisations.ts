import {
  MEMBERSHIP_AS_OF,
  ORGANISATIONS_DATASET,
  readMembershipFile,
  replaceMemberships,
} from "../../db/directory/organisations.repository.js";
import { loadedChecksum, markDatasetLoaded } from "../../db/directory/states.repository.js";
import { states } from "../../db/directory/states.table.js";
import { type BackgroundWorkOptions, runOperation } from "../platform/operation.js";

/** Memberships of international organisations: a dated snapshot, replaced when the file changes. */
export async function loadOrganisations({ services, onProgress = () => undefined }: BackgroundWorkOptions) {
  const known = new Set(
    (await services.database.select({ code: states.code }).from(states)).map((row) => row.code),
  );
  const file = await readMembershipFile(known);
  if ((await loadedChecksum(services.database, ORGANISATIONS_DATASET)) === file.checksum) {
    onProgress(`Reference data: ${file.organisations.length} organisations already loaded.`);
    return { loaded: false, organisations: file.organisations.length, memberships: file.memberships.length };
  }
  await runOperation(
    services,
    {
      eventType: "reference_data.loaded",
      objectType: "dataset",
      objectId: ORGANISATIONS_DATASET,
      actor: { kind: "system" },
      origin: { requestId: null, sourceIp: null, userAgent: null },
    },
    async (context) => {
      await replaceMemberships(context.tx, file);
      await markDatasetLoaded(
        context.tx,
        ORGANISATIONS_DATASET,
        file.checksum,
        file.memberships.length,
        context.now,
      );
      context.note({
        details: {
          organisations: file.organisations.length,
          memberships: file.memberships.length,
          as_of: MEMBERSHIP_AS_OF,
        },
      });
    },
  );
  onProgress(
    `Reference data: ${file.organisations.length} organisations, ${file.memberships.length} memberships (as of ${MEMBERSHIP_AS_OF}) loaded.`,
  );
  return { loaded: true, organisations: file.organisations.length, memberships: file.memberships.length };
}
