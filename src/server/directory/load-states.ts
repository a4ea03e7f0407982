import {
  loadedChecksum,
  readStatesFile,
  STATES_DATASET,
  upsertStates,
} from "../../db/directory/states.repository.js";
import { type BackgroundWorkOptions, runOperation } from "../platform/operation.js";

/**
 * Loads data/states/states.csv when it differs from what was loaded before (by
 * checksum), in one transaction with its audit entry. A second start is a no-op.
 */
export async function loadStates({
  services,
  onProgress = () => undefined,
}: BackgroundWorkOptions): Promise<{ loaded: boolean; rows: number }> {
  const file = await readStatesFile();
  if ((await loadedChecksum(services.database, STATES_DATASET)) === file.checksum) {
    onProgress(`Reference data: ${file.rows.length} states already loaded.`);
    return { loaded: false, rows: file.rows.length };
  }
  onProgress(`Reference data: loading ${file.rows.length} states...`);
  await runOperation(
    services,
    {
      eventType: "reference_data.loaded",
      objectType: "dataset",
      objectId: STATES_DATASET,
      actor: { kind: "system" },
      origin: { requestId: null, sourceIp: null, userAgent: null },
    },
    async (context) => {
      await upsertStates(context.tx, file, context.now);
      context.note({ details: { rows: file.rows.length, checksum: file.checksum } });
    },
  );
  onProgress(`Reference data: ${file.rows.length} states loaded.`);
  return { loaded: true, rows: file.rows.length };
}
