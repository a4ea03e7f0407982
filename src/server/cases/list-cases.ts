import { listCases } from "../../db/cases/cases.repository.js";
import type { CaseListQuery, CaseSummary } from "../../domain/cases/schemas.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { loadCaseSubject } from "./authorize.js";
import { caseVisibility } from "./case.policy.js";
import { toCaseSummary } from "./views.js";

export type FindCasesOptions = Caller & { query: CaseListQuery };

/**
 * The cases the user may see, filtered, searched and paged. Need-to-know is part of the
 * query (caseVisibility), so totals and pages never count a hidden case. The list is
 * recorded with its filters and the references it showed.
 */
export async function findCases({
  services,
  actor,
  origin,
  query,
}: FindCasesOptions): Promise<{ items: CaseSummary[]; total: number }> {
  return runOperation(
    services,
    { eventType: "case.listed", objectType: "case", actor, origin },
    async (context) => {
      const caseActor = await loadCaseSubject(context);
      const { rows, total } = await listCases(
        context.tx,
        caseVisibility(caseActor),
        query,
        officeToday(context.services, context.now),
      );
      const { limit, offset, ...filters } = query;
      context.note({
        details: { filters, limit, offset, total, references: rows.map((row) => row.reference) },
      });
      return { items: rows.map(toCaseSummary), total };
    },
  );
}
