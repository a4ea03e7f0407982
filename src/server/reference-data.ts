import { loadOrganisations } from "./directory/load-organisations.js";
import { loadStates } from "./directory/load-states.js";
import type { BackgroundWorkOptions } from "./platform/operation.js";
import { loadCatalogue } from "./registry/load-catalogue.js";

/**
 * All shipped reference data, in dependency order: states, organisations and their
 * members, the registry catalogue. Each set is skipped when its files did not change.
 */
export async function loadReferenceData(options: BackgroundWorkOptions) {
  const statesResult = await loadStates(options);
  const organisations = await loadOrganisations(options);
  const catalogue = await loadCatalogue(options);
  return { states: statesResult, organisations, catalogue };
}
