import type { Executor } from "../../db/client.js";
import { findPerson, type PersonRow, positionsOf } from "../../db/directory/agencies.repository.js";
import type { Person } from "../../domain/directory/schemas.js";
import { notFound } from "../platform/errors.js";

/** Officials as the API shows them, each with the positions they held. */
export async function peopleWithPositions(executor: Executor, rows: PersonRow[]): Promise<Person[]> {
  const positions = await positionsOf(
    executor,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    nameEn: row.nameEn,
    nameRu: row.nameRu,
    notes: row.notes,
    isDemo: row.isDemo,
    version: row.version,
    positions: positions
      .filter((position) => position.personId === row.id)
      .map((position) => ({
        id: position.id,
        personId: position.personId,
        agencyId: position.agencyId,
        agencyNameEn: position.agencyNameEn,
        agencyNameRu: position.agencyNameRu,
        stateCode: position.stateCode,
        titleEn: position.titleEn,
        titleRu: position.titleRu,
        startOn: position.startOn,
        endOn: position.endOn,
        sourceUrl: position.sourceUrl,
      })),
  }));
}

/** One official with their positions; 404 when there is none with that id. */
export async function loadPerson(executor: Executor, personId: string): Promise<Person> {
  const row = await findPerson(executor, personId);
  if (!row) throw notFound("person");
  return (await peopleWithPositions(executor, [row]))[0]!;
}
