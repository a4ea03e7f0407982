import { z } from "zod";
import { caseListQuerySchema, caseSummarySchema } from "../cases/schemas.js";
import { CASE_KINDS, DIRECTIONS } from "../cases/vocabulary.js";
import { stateCodeSchema } from "../directory/state-codes.js";
import { actionItemSchema } from "../engagements/schemas.js";
import { instantSchema, isoDateSchema } from "../platform/dates.js";
import { bilingualSchema, localeSchema } from "../platform/schemas.js";
import {
  AGE_BANDS,
  ASSET_AMOUNT_STAGES,
  BASIS_NONE,
  BASIS_RECIPROCITY,
  DECISION_OUTCOMES,
  OFFENCE_GROUP_CODES,
  REPORT_DIMENSIONS,
  REPORT_FORMATS,
  REPORT_MEASURES,
} from "./vocabulary.js";

/**
 * The contract of reports: a report query (a measure, a period, a breakdown, filters), its
 * result with the year-over-year figures, the statement written from it, the cases behind
 * a figure, saved reports, the dashboard and the asset recovery ledger.
 */

/** The UN M49 regions of data/states (a partner's region). */
export const REGIONS = ["Africa", "Americas", "Asia", "Europe", "Oceania"] as const;

/** A category code or the start of one: "09" (an ICCS section), "0903", "eaw:11". */
const categorySchema = z
  .string()
  .regex(/^(\d{2,4}|eaw:\d{1,2}|budapest:\d{0,2})$/, "an ICCS code (09, 0903), eaw:N or budapest:N");
const basisSchema = z.union([z.uuid(), z.literal(BASIS_RECIPROCITY), z.literal(BASIS_NONE)]);
const groundSchema = z.string().regex(/^[a-z_]{2,40}$/, "a refusal ground code, such as political_offence");

/** Filters every report query may carry; each narrows the cases counted. */
export const reportFilterFields = {
  kind: z.enum(CASE_KINDS).optional(),
  direction: z.enum(DIRECTIONS).optional(),
  /** Categories starting with this code: "09" is every act against public safety. */
  category: categorySchema.optional(),
  /** A press office grouping of categories (vocabulary.ts OFFENCE_GROUPS). */
  group: z.enum(OFFENCE_GROUP_CODES).optional(),
  partner: stateCodeSchema.optional(),
  region: z.enum(REGIONS).optional(),
  basis: basisSchema.optional(),
  /** Decisions with this outcome only (decision measures). */
  outcome: z.enum(DECISION_OUTCOMES).optional(),
  /** Decisions citing this ground only (refusals, partial grants). */
  ground: groundSchema.optional(),
};
export const reportFiltersSchema = z.strictObject(reportFilterFields);
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

/** The longest period a report covers. */
export const MAX_REPORT_YEARS = 30;

export const reportQueryObject = z.strictObject({
  measure: z.enum(REPORT_MEASURES),
  /** The period, both days included. `pending` counts on `to`. */
  from: isoDateSchema,
  to: isoDateSchema,
  /** The rows of the table; none gives the total alone. */
  by: z.enum(REPORT_DIMENSIONS).optional(),
  /** The columns of the table (a second breakdown): refusals by ground x partner. */
  split: z.enum(REPORT_DIMENSIONS).optional(),
  /** `previous_year`: the same period a year earlier and the whole previous year beside each figure. */
  compare: z.enum(["none", "previous_year"]).default("none"),
  /** The first N rows, largest first (time dimensions keep their order); the rest are summed in "other". */
  top: z.coerce.number().int().min(1).max(300).optional(),
  ...reportFilterFields,
});

function checkQuery(
  query: { from: string; to: string; by?: string | undefined; split?: string | undefined },
  context: z.RefinementCtx,
) {
  if (query.from > query.to)
    context.addIssue({ code: "custom", path: ["to"], message: "the period ends before it begins" });
  else if (Number(query.to.slice(0, 4)) - Number(query.from.slice(0, 4)) > MAX_REPORT_YEARS)
    context.addIssue({
      code: "custom",
      path: ["from"],
      message: `a period of at most ${MAX_REPORT_YEARS} years`,
    });
  if (query.split !== undefined && query.by === undefined)
    context.addIssue({ code: "custom", path: ["split"], message: "a second breakdown needs a first (by)" });
  if (query.split !== undefined && query.split === query.by)
    context.addIssue({ code: "custom", path: ["split"], message: "a second breakdown other than the first" });
}

export const reportQuerySchema = reportQueryObject.superRefine(checkQuery);
export type ReportQuery = z.infer<typeof reportQuerySchema>;
export type ReportQueryInput = z.input<typeof reportQuerySchema>;

/** A figure and, with `compare=previous_year`, the same period last year and the whole of last year. */
export const figureSchema = z
  .strictObject({
    value: z.number().nullable(),
    samePeriodLastYear: z.number().nullable(),
    wholeLastYear: z.number().nullable(),
  })
  .meta({ id: "ReportFigure" });
export type Figure = z.infer<typeof figureSchema>;

export const reportCellSchema = z.strictObject({
  key: z.string(),
  value: z.number().nullable(),
  /** With `compare=previous_year` (and a breakdown other than by time): the cell's figures a year earlier. */
  samePeriodLastYear: z.number().nullable().optional(),
  wholeLastYear: z.number().nullable().optional(),
});

export const reportRowSchema = z
  .strictObject({
    /** The dimension's value: a state code, a category code, an instrument id, "2026-03", "other". */
    key: z.string(),
    label: bilingualSchema,
    ...figureSchema.shape,
    /** With `split`: the value of each column, in the order of `columns`. */
    cells: z.array(reportCellSchema),
  })
  .meta({ id: "ReportRow" });
export type ReportRow = z.infer<typeof reportRowSchema>;

const periodSchema = z.strictObject({ from: isoDateSchema, to: isoDateSchema });

export const reportResultSchema = z
  .strictObject({
    query: reportQueryObject,
    periods: z.strictObject({
      current: periodSchema,
      samePeriodLastYear: periodSchema.nullable(),
      wholeLastYear: periodSchema.nullable(),
    }),
    total: figureSchema,
    rows: z.array(reportRowSchema),
    /** The columns of a split table, with their labels. */
    columns: z.array(z.strictObject({ key: z.string(), label: bilingualSchema })),
    /** A count of cases, or a number of days (medians, percentiles). */
    unit: z.enum(["cases", "days"]),
    computedAt: instantSchema,
  })
  .meta({ id: "ReportResult" });
export type ReportResult = z.infer<typeof reportResultSchema>;

// --- statement --------------------------------------------------------------------------------

export const statementQuerySchema = reportQueryObject
  .extend({ lang: localeSchema.default("en") })
  .superRefine(checkQuery);

export const statementSchema = z
  .strictObject({
    lang: localeSchema,
    /** The paragraph, built from templates over the figures. */
    text: z.string(),
    /** The figures it states, for checking against the table. */
    result: reportResultSchema,
  })
  .meta({ id: "ReportStatement" });
export type Statement = z.infer<typeof statementSchema>;

// --- drill-down -------------------------------------------------------------------------------

export const reportCasesQuerySchema = reportQueryObject
  .extend({
    /** The row's key (the `by` value) and the column's key (the `split` value) of the cell. */
    row: z.string().max(64).optional(),
    column: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .superRefine(checkQuery);
export type ReportCasesQuery = z.infer<typeof reportCasesQuerySchema>;

export const reportCasesSchema = z
  .strictObject({
    /** Every case behind the figure. */
    total: z.number().int(),
    /** Those the reader may not see (need-to-know): counted, never listed. */
    hidden: z.number().int(),
    items: z.array(caseSummarySchema),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: "ReportCases" });
export type ReportCases = z.infer<typeof reportCasesSchema>;

// --- exports ----------------------------------------------------------------------------------

export const reportExportQuerySchema = reportQueryObject
  .extend({
    format: z.enum(REPORT_FORMATS),
    /** For publication: counts below the threshold are shown as "<5" (docs/statistics.md). */
    publish: z.enum(["true", "false"]).default("false"),
    /** The language of labels and of the statement. */
    lang: localeSchema.default("en"),
  })
  .superRefine(checkQuery);
export type ReportExportQuery = z.infer<typeof reportExportQuerySchema>;

/** The de-identified statistics for treaty-review questionnaires: one year, every breakdown a questionnaire asks. */
export const questionnaireExportQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(1990).max(2100),
  format: z.enum(["csv", "xlsx"]),
  lang: localeSchema.default("en"),
});

/** The case list as a file: the filters of GET /api/cases (no paging: every case the reader may see), a format and a language. */
export const caseListExportQuerySchema = caseListQuerySchema
  .omit({ limit: true, offset: true, sort: true })
  .extend({ format: z.enum(["csv", "xlsx"]), lang: localeSchema.default("en") });
export type CaseListExportQuery = z.infer<typeof caseListExportQuerySchema>;

// --- saved reports ----------------------------------------------------------------------------

export const savedReportInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  query: reportQuerySchema,
  shared: z.boolean().default(false),
});
export type SavedReportInput = z.infer<typeof savedReportInputSchema>;

/** A change to a saved report: any of its name, query and sharing, at least one. */
export const savedReportPatchSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    query: reportQuerySchema.optional(),
    shared: z.boolean().optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: "change at least one of name, query and shared",
  });
export type SavedReportPatch = z.infer<typeof savedReportPatchSchema>;

export const savedReportSchema = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    query: reportQueryObject,
    shared: z.boolean(),
    /** One more on every change; also the ETag a PATCH names in If-Match. */
    version: z.number().int().min(1),
    owner: z.strictObject({ id: z.uuid(), displayName: z.string() }),
    /** The reader owns it: may rename, share or delete it. */
    mine: z.boolean(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: "SavedReport" });
export type SavedReport = z.infer<typeof savedReportSchema>;

export const savedReportListSchema = z.strictObject({ items: z.array(savedReportSchema) });
/** The answer to a deletion: which report is gone. */
export const savedReportDeletedSchema = z.strictObject({ id: z.uuid(), deleted: z.literal(true) });
export const savedReportParamsSchema = z.strictObject({ id: z.uuid() });

// --- dashboard --------------------------------------------------------------------------------

export const dashboardSchema = z
  .strictObject({
    today: isoDateSchema,
    /** The reader's cases (their teams', or every case for a supervisor) with a deadline soon or past; null without cases.read. */
    cases: z
      .strictObject({
        overdue: z.array(caseSummarySchema),
        dueSoon: z.array(caseSummarySchema),
        overdueTotal: z.number().int(),
        dueSoonTotal: z.number().int(),
      })
      .nullable(),
    /** Action items the reader owns that are due within 14 days or overdue; null without engagements.read. */
    actionItems: z
      .strictObject({ overdue: z.array(actionItemSchema), dueSoon: z.array(actionItemSchema) })
      .nullable(),
    /** For a supervisor: overdue cases and action items of each team they supervise. */
    teams: z
      .array(
        z.strictObject({
          id: z.uuid(),
          name: z.string(),
          overdueCases: z.number().int(),
          overdueActionItems: z.number().int(),
        }),
      )
      .nullable(),
    /** Figures over all cases; null without reports.read. */
    statistics: z
      .strictObject({
        /** Requests received or sent this month, and the same month last year. */
        intake: z.strictObject({
          month: z.string(),
          incoming: z.number().int(),
          outgoing: z.number().int(),
          incomingLastYear: z.number().int(),
          outgoingLastYear: z.number().int(),
        }),
        /** Requests per month over the last 24 months. */
        trend: z.array(
          z.strictObject({ month: z.string(), incoming: z.number().int(), outgoing: z.number().int() }),
        ),
        topPartners: z.array(
          z.strictObject({ partner: stateCodeSchema, label: bilingualSchema, value: z.number().int() }),
        ),
        refusalsByGround: z.array(
          z.strictObject({ ground: z.string(), label: bilingualSchema, value: z.number().int() }),
        ),
        pending: z.number().int(),
      })
      .nullable(),
  })
  .meta({ id: "Dashboard" });
export type Dashboard = z.infer<typeof dashboardSchema>;

// --- map --------------------------------------------------------------------------------------

export const reportMapSchema = z
  .strictObject({
    query: reportQueryObject,
    states: z.array(z.strictObject({ partner: stateCodeSchema, value: z.number() })),
  })
  .meta({ id: "ReportMap" });
export type ReportMap = z.infer<typeof reportMapSchema>;

// --- asset recovery ---------------------------------------------------------------------------

export const assetLedgerQuerySchema = z
  .strictObject({
    from: isoDateSchema,
    to: isoDateSchema,
    by: z.enum(["partner", "year", "kind"]).default("partner"),
    partner: stateCodeSchema.optional(),
    direction: z.enum(DIRECTIONS).optional(),
  })
  .superRefine(checkQuery);
export type AssetLedgerQuery = z.infer<typeof assetLedgerQuerySchema>;

export const assetLedgerSchema = z
  .strictObject({
    from: isoDateSchema,
    to: isoDateSchema,
    /** One row per group and currency: amounts are never converted. */
    rows: z.array(
      z.strictObject({
        key: z.string(),
        label: bilingualSchema,
        currency: z.string(),
        /** Sum of the amounts recorded at each stage, as decimal strings. */
        amounts: z.strictObject(
          Object.fromEntries(ASSET_AMOUNT_STAGES.map((stage) => [stage, z.string()])) as Record<
            (typeof ASSET_AMOUNT_STAGES)[number],
            z.ZodString
          >,
        ),
        /** Stage changes without an amount, counted so that they are not mistaken for zero. */
        withoutAmount: z.number().int(),
        cases: z.number().int(),
      }),
    ),
    /** Totals per currency. */
    totals: z.array(
      z.strictObject({
        currency: z.string(),
        amounts: z.strictObject(
          Object.fromEntries(ASSET_AMOUNT_STAGES.map((stage) => [stage, z.string()])) as Record<
            (typeof ASSET_AMOUNT_STAGES)[number],
            z.ZodString
          >,
        ),
      }),
    ),
  })
  .meta({ id: "AssetLedger" });
export type AssetLedger = z.infer<typeof assetLedgerSchema>;

export const AGE_BAND_CODES = AGE_BANDS.map((band) => band.code);
