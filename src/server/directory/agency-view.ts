import type { AgencyRow } from "../../db/directory/agencies.repository.js";
import type { Agency } from "../../domain/directory/schemas.js";

/** An agency as the API shows it, with its parent's English name when known. */
export function toAgency(row: AgencyRow, parentNameEn: string | null = null): Agency {
  return {
    id: row.id,
    stateCode: row.stateCode,
    kind: row.kind as Agency["kind"],
    nameEn: row.nameEn,
    nameRu: row.nameRu,
    nameOriginal: row.nameOriginal,
    abbreviation: row.abbreviation,
    parentAgencyId: row.parentAgencyId,
    parentNameEn,
    website: row.website,
    isDemo: row.isDemo,
    version: row.version,
  };
}
