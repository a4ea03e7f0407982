import type { Executor } from "../../db/client.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import type { Bilingual } from "../../domain/platform/schemas.js";
import type { ReportQuery, ReportResult } from "../../domain/reports/schemas.js";
import {
  namesPartners,
  STATEMENT_TOP_PARTNERS,
  type StatementLanguage,
  writeStatement,
} from "../../domain/reports/statement.js";
import { SUPPRESSION_THRESHOLD } from "../../domain/reports/vocabulary.js";
import { computeReport } from "./compute-report.js";
import { categoryLabel, labelsOf } from "./report-labels.js";
import { stateNamesInText } from "./state-names-in-text.js";

/**
 * The statement of a report (src/domain/reports/statement.ts) with what it needs from the
 * data: the most active partners (the same query by partner, top 6, unless the report is
 * already by partner, is about one partner, or counts no cooperation done: refusals,
 * withdrawals, pending cases), the label of a category or instrument filter,
 * and the state names. A plain function over an executor, run inside the caller's
 * operation, like computeReport.
 */
export async function statementText(
  executor: Executor,
  options: {
    query: ReportQuery;
    result: ReportResult;
    lang: StatementLanguage;
    today: IsoDate;
    now: Date;
    /** For publication: partners with fewer cases than the suppression threshold are not named. */
    published?: boolean;
  },
): Promise<string> {
  const { query, result, lang, today, now } = options;
  let partners: ReportResult | null = null;
  if (namesPartners(query)) {
    partners =
      query.by === "partner" && !query.split
        ? result
        : await computeReport(
            executor,
            { ...query, by: "partner", split: undefined, top: STATEMENT_TOP_PARTNERS, compare: "none" },
            now,
          );
    if (options.published)
      partners = {
        ...partners,
        rows: partners.rows.filter((row) => (row.value ?? 0) >= SUPPRESSION_THRESHOLD),
      };
  }
  let basisLabel: Bilingual | null = null;
  if (query.basis && query.basis !== "reciprocity" && query.basis !== "none")
    basisLabel = (await labelsOf(executor, "basis", [query.basis])).get(query.basis) ?? null;
  return writeStatement({
    result,
    partners,
    lang,
    today,
    names: stateNamesInText(),
    categoryLabel: query.category ? categoryLabel(query.category) : null,
    basisLabel,
  });
}
