import type { CaseView } from "../../domain/cases/schemas.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { loadCaseSubject, openCase } from "./authorize.js";
import { loadCaseView } from "./case-view.js";

export type GetCaseOptions = Caller & { reference: string };

/** One case, if the user may read it; the read is recorded in the audit trail. */
export async function getCase({ services, actor, origin, reference }: GetCaseOptions): Promise<CaseView> {
  return runOperation(
    services,
    { eventType: "case.read", objectType: "case", objectId: reference, actor, origin },
    async (context) => {
      const row = await openCase(context, await loadCaseSubject(context), reference, "read");
      return loadCaseView(context, row);
    },
  );
}
