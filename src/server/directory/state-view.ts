import type { StateRow } from "../../db/directory/states.repository.js";
import type { State } from "../../domain/directory/schemas.js";

/** A state or territory as the API shows it. */
export function toState(row: StateRow): State {
  return {
    code: row.code,
    alpha3: row.alpha3,
    numeric: row.numeric,
    nameEn: row.nameEn,
    nameRu: row.nameRu,
    officialNameEn: row.officialNameEn,
    officialNameRu: row.officialNameRu,
    region: row.region,
    subRegion: row.subRegion,
    independent: row.independent,
  };
}
