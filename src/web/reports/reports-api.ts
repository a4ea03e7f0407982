import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Locale } from "../../domain/platform/schemas.js";
import {
  type AssetLedgerQuery,
  assetLedgerSchema,
  dashboardSchema,
  type ReportQuery,
  reportCasesSchema,
  reportMapSchema,
  reportResultSchema,
  type SavedReport,
  savedReportDeletedSchema,
  savedReportListSchema,
  savedReportSchema,
  statementSchema,
} from "../../domain/reports/schemas.js";
import type { ReportFormat } from "../../domain/reports/vocabulary.js";
import { request } from "../api/client.js";
import { apiParams } from "./report-query.js";

export const REPORTS_KEY = ["reports"] as const;
export const DASHBOARD_KEY = ["dashboard"] as const;

/** The figures of a query (the table and the chart). */
export function useReport(query: ReportQuery) {
  return useQuery({
    queryKey: [...REPORTS_KEY, "stats", apiParams(query)],
    queryFn: ({ signal }) =>
      request("/api/reports/stats", { query: apiParams(query), schema: reportResultSchema, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A cell of the table: its row's key and, in a split table, its column's. */
export type ReportCell = { row?: string; column?: string; label: string };

export const CASES_PAGE_SIZE = 25;

/** The cases behind one figure: those the reader may see, and how many are hidden. */
export function useReportCases(query: ReportQuery, cell: ReportCell | null, page: number) {
  const params = {
    ...apiParams(query),
    row: cell?.row,
    column: cell?.column,
    limit: CASES_PAGE_SIZE,
    offset: (page - 1) * CASES_PAGE_SIZE,
  };
  return useQuery({
    queryKey: [...REPORTS_KEY, "cases", params],
    queryFn: ({ signal }) =>
      request("/api/reports/cases", { query: params, schema: reportCasesSchema, signal }),
    enabled: cell !== null,
    placeholderData: keepPreviousData,
  });
}

export function useReportMap(query: ReportQuery, enabled: boolean) {
  return useQuery({
    queryKey: [...REPORTS_KEY, "map", apiParams(query)],
    queryFn: ({ signal }) =>
      request("/api/reports/map", { query: apiParams(query), schema: reportMapSchema, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useStatement(query: ReportQuery, lang: Locale, enabled = true) {
  const params = { ...apiParams(query), lang };
  return useQuery({
    queryKey: [...REPORTS_KEY, "statement", params],
    queryFn: ({ signal }) =>
      request("/api/reports/statement", { query: params, schema: statementSchema, signal }),
    enabled,
  });
}

export function useAssetLedger(query: AssetLedgerQuery) {
  const params = { ...query };
  return useQuery({
    queryKey: [...REPORTS_KEY, "assets", params],
    queryFn: ({ signal }) =>
      request("/api/reports/assets", { query: params, schema: assetLedgerSchema, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDashboard() {
  return useQuery({
    queryKey: DASHBOARD_KEY,
    queryFn: ({ signal }) => request("/api/dashboard", { schema: dashboardSchema, signal }),
    // It gathers what every other page changes (cases, action items, figures): whatever
    // the user did elsewhere shows when they come back, the cached copy meanwhile.
    refetchOnMount: "always",
  });
}

// --- saved reports ------------------------------------------------------------------------------

const SAVED_KEY = [...REPORTS_KEY, "saved"] as const;

export function useSavedReports() {
  return useQuery({
    queryKey: SAVED_KEY,
    queryFn: ({ signal }) =>
      request("/api/reports/saved", { schema: savedReportListSchema, signal }).then((list) => list.items),
  });
}

export type SavedReportChanges = { name?: string; shared?: boolean; query?: ReportQuery };

/** Saving, renaming, sharing and deleting a saved report; the list is read again after each. */
export function useSavedReportMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: SAVED_KEY });
  const save = useMutation({
    mutationFn: (input: { name: string; shared: boolean; query: ReportQuery }) =>
      request("/api/reports/saved", { method: "POST", body: input, schema: savedReportSchema }),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ report, changes }: { report: SavedReport; changes: SavedReportChanges }) =>
      request(`/api/reports/saved/${encodeURIComponent(report.id)}`, {
        method: "PATCH",
        body: changes,
        headers: { "If-Match": `"v${report.version}"` },
        schema: savedReportSchema,
      }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (report: SavedReport) =>
      request(`/api/reports/saved/${encodeURIComponent(report.id)}`, {
        method: "DELETE",
        schema: savedReportDeletedSchema,
      }),
    onSuccess: refresh,
  });
  return { save, update, remove };
}

// --- files --------------------------------------------------------------------------------------

function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  return `${path}?${search.toString()}`;
}

export function reportExportUrl(query: ReportQuery, format: ReportFormat, publish: boolean, lang: Locale) {
  return withQuery("/api/reports/export", {
    ...apiParams(query),
    format,
    publish: publish ? "true" : undefined,
    lang,
  });
}

export function questionnaireUrl(year: number, format: "csv" | "xlsx", lang: Locale) {
  return withQuery("/api/reports/questionnaire", { year, format, lang });
}
