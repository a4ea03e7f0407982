import { loadOrganisations } from "../directory/load-organisations.js";
import { loadStates } from "../directory/load-states.js";
import { loadCatalogue } from "../registry/load-catalogue.js";
import type { Services } from "./operation.js";

/**
 * All shipped reference data, in dependency order: states, organisations and their
 * members, the registry catalogue. Each set is skipped when its files did not change.
 */
export async function loadReferenceData(
  services: Services,
  onProgress: (message: string) => void = () => undefined,
) {
  const statesResult = await loadStates(services, onProgress);
  const organisations = await loadOrganisations(services, onProgress);
  const catalogue = await loadCatalogue(services, onProgress);
  return { states: statesResult, organisations, catalogue };
}
