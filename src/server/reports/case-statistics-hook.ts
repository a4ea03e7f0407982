import { insertCaseStatistics, replaceCaseStatistics } from "../../db/reports/statistics.repository.js";
import { statisticRowsOf } from "../../domain/reports/statistic-rows.js";
import type { CaseStreamHook } from "../cases/case-stream-hooks.js";

/**
 * The statistic rows of a case (case_statistics), rewritten from its stream in the
 * transaction that appends its events or imports it, so that reports count what the
 * events say the moment they are committed (docs/statistics.md, "Performance").
 * Registered by buildApp and openRuntime.
 */
export const caseStatisticsHook: CaseStreamHook = {
  name: "reports.case_statistics",
  appended: (executor, caseId, events) => replaceCaseStatistics(executor, caseId, statisticRowsOf(events)),
  imported: (executor, streams) =>
    insertCaseStatistics(
      executor,
      streams.flatMap(({ caseId, events }) => statisticRowsOf(events).map((row) => ({ caseId, row }))),
    ),
};
