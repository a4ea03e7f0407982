import type { CaseView } from "../../domain/cases/schemas.js";
import { type Actor, type Origin, runOperation, type Services } from "../platform/operation.js";
import { loadCaseSubject, openCase } from "./authorize.js";
import { loadCaseView } from "./case-view.js";

/** One case, if the user may read it; the read is recorded in the audit trail. */
export async function getCase(
  services: Services,
  actor: Actor,
  origin: Origin,
  reference: string,
): Promise<CaseView> {
  return runOperation(
    services,
    { eventType: "case.read", objectType: "case", objectId: reference, actor, origin },
    async (context) => {
      const row = await openCase(context, await loadCaseSubject(context), reference, "read");
      return loadCaseView(context, row);
    },
  );
}
