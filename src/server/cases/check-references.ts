import { findCaseByReference } from "../../db/cases/cases.repository.js";
import { findAgency } from "../../db/directory/agencies.repository.js";
import { getState } from "../../db/directory/states.repository.js";
import { findTeam } from "../../db/platform/teams.repository.js";
import { findInstrument } from "../../db/registry/instruments.repository.js";
import type { CaseHeader, CaseHeaderAmendment } from "../../domain/cases/model.js";
import { conflict, type FieldProblem, unprocessable } from "../platform/errors.js";
import type { OperationContext } from "../platform/operation.js";

/**
 * What a case's header names must exist: the states, the team, the instrument of the
 * legal basis, the agencies (and an agency must belong to its side's state). The schema
 * checks the shape of an id; only the database knows whether it names something. All
 * problems are reported at once, each with its field (422 invalid_reference).
 */
export async function checkHeaderReferences(
  context: OperationContext,
  {
    header,
    merged,
    path,
  }: {
    /** What the header names: the whole header of a new case, or an amendment's fields. */
    header: CaseHeaderAmendment;
    /** The header after the change, for the states the agencies must belong to. */
    merged: CaseHeader;
    /** Where the header is in the request body, for the problems' paths. */
    path: string;
  },
): Promise<void> {
  const problems: FieldProblem[] = [];
  for (const side of ["requestingState", "requestedState"] as const) {
    const code = header[side];
    if (code && !(await getState(context.tx, code)))
      problems.push({ path: `${path}.${side}`, message: `no state with the code ${code}` });
  }
  if (header.teamId && !(await findTeam(context.tx, header.teamId)))
    problems.push({ path: `${path}.teamId`, message: "no such team" });
  if (
    header.legalBasis?.type === "instrument" &&
    !(await findInstrument(context.tx, header.legalBasis.instrumentId))
  )
    problems.push({ path: `${path}.legalBasis.instrumentId`, message: "no such instrument in the registry" });
  for (const [field, state] of [
    ["requestingAgencyId", merged.requestingState],
    ["requestedAgencyId", merged.requestedState],
  ] as const) {
    const id = header[field];
    if (!id) continue;
    const agency = await findAgency(context.tx, id);
    if (!agency) problems.push({ path: `${path}.${field}`, message: "no such agency" });
    else if (agency.stateCode !== state)
      problems.push({
        path: `${path}.${field}`,
        message: `the agency is of ${agency.stateCode}, not ${state}`,
      });
  }
  if (problems.length > 0)
    throw unprocessable(
      "invalid_reference",
      "Some of the case's references name nothing that exists.",
      problems,
    );
}

export async function checkTeamExists(
  context: OperationContext,
  teamId: string,
  path: string,
): Promise<void> {
  if (!(await findTeam(context.tx, teamId)))
    throw unprocessable("invalid_reference", "There is no such team.", [{ path, message: "no such team" }]);
}

/** References are unique: the address of a case is /api/cases/{reference}. */
export async function checkReferenceFree(
  context: OperationContext,
  reference: string,
  path: string,
): Promise<void> {
  if (await findCaseByReference(context.tx, reference))
    throw conflict("reference_taken", `A case with the reference ${reference} exists.`, [
      { path, message: "taken" },
    ]);
}
