import { statisticsFigures } from "../../db/reports/statistics.repository.js";
import type { StateCode } from "../../domain/directory/state-codes.js";
import type { ReportMap, ReportQuery } from "../../domain/reports/schemas.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { reportAuditDetails } from "./audit-details.js";
import { loadReportReader } from "./authorize.js";
import { checkReportQuery, reportPeriods, selectionOf } from "./compute-report.js";

export type GetReportMapOptions = Caller & { query: ReportQuery };

/**
 * The figure of a report per partner state, for the world map of cooperation: the query's
 * measure, period and filters, by partner whatever its `by` (its `split` and `top` do not
 * apply). States without a figure are left out.
 */
export async function getReportMap({
  services,
  actor,
  origin,
  query,
}: GetReportMapOptions): Promise<ReportMap> {
  const { by: _by, split: _split, top: _top, ...mapQuery } = query;
  checkReportQuery(mapQuery);
  return runOperation(
    services,
    { eventType: "reports.map_read", objectType: "report", actor, origin },
    async (context) => {
      await loadReportReader(context);
      const figures = await statisticsFigures(
        context.tx,
        selectionOf(mapQuery, reportPeriods(mapQuery).current, ["partner"]),
      );
      const states = figures
        .filter((figure): figure is { keys: string[]; value: number } => figure.value !== null)
        .map((figure) => ({ partner: figure.keys[0] as StateCode, value: figure.value }))
        .sort((left, right) => right.value - left.value || (left.partner < right.partner ? -1 : 1));
      context.note({ details: { query: reportAuditDetails(query), states: states.length } });
      return { query, states };
    },
  );
}
