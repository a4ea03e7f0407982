import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { CaseEventInput } from "../../domain/cases/model.js";
import {
  type CaseEventView,
  type CaseSummary,
  type CaseView,
  type CreateCaseInput,
  caseEventListSchema,
  caseListSchema,
  caseViewSchema,
} from "../../domain/cases/schemas.js";
import { errorBodySchema, type Team, teamListSchema } from "../../domain/platform/schemas.js";
import { instrumentDetailSchema } from "../../domain/registry/schemas.js";
import { ApiError, loadSession, request } from "../api/client.js";
import { instrumentKey } from "../registry/registry-api.js";

export const CASES_KEY = ["cases"] as const;
export const PAGE_SIZE = 25;

export type { CaseEventView, CaseSummary, CaseView, Team };

export type CaseFilters = {
  q?: string;
  status?: string;
  kind?: string;
  direction?: string;
  state?: string;
  teamId?: string;
  priority?: string;
  overdue?: "true";
  dueWithinDays?: string;
  sort?: string;
};

export function useCases(filters: CaseFilters, page: number) {
  return useQuery({
    queryKey: [...CASES_KEY, "list", filters, page],
    queryFn: ({ signal }) =>
      request("/api/cases", {
        query: { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
        schema: caseListSchema,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function caseKey(reference: string) {
  return [...CASES_KEY, "case", reference] as const;
}

function casePath(reference: string): string {
  return `/api/cases/${encodeURIComponent(reference)}`;
}

export function useCase(reference: string) {
  return useQuery({
    queryKey: caseKey(reference),
    queryFn: ({ signal }) => request(casePath(reference), { schema: caseViewSchema, signal }),
  });
}

export function useCaseEvents(reference: string, version: number | undefined) {
  return useQuery({
    // The version is in the key, so that every recorded event shows in the timeline at once.
    queryKey: [...caseKey(reference), "events", version],
    queryFn: async ({ signal }): Promise<CaseEventView[]> =>
      (await request(`${casePath(reference)}/events`, { schema: caseEventListSchema, signal })).events,
    enabled: version !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The legal basis instrument of a case, shared with the registry's cache of the instrument. */
export function useBasisInstrument(id: string | null) {
  return useQuery({
    queryKey: [...instrumentKey(id ?? ""), "today"],
    queryFn: ({ signal }) =>
      request(`/api/registry/instruments/${encodeURIComponent(id ?? "")}`, {
        schema: instrumentDetailSchema,
        signal,
      }),
    enabled: id !== null,
    staleTime: 5 * 60_000,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: ["teams"],
    queryFn: ({ signal }) =>
      request("/api/teams", { schema: teamListSchema, signal }).then((list) => list.teams),
    staleTime: 5 * 60_000,
  });
}

export type NewCase = CreateCaseInput;

/**
 * Opening a case. The key is made once per wizard submission and sent again on a retry,
 * so that a request repeated after a lost answer opens the case once.
 */
export function createCase(body: NewCase, idempotencyKey: string): Promise<CaseView> {
  return request("/api/cases", {
    method: "POST",
    body,
    headers: { "Idempotency-Key": idempotencyKey },
    schema: caseViewSchema,
  });
}

/**
 * Records an event and answers the case as it now stands. Optimistic concurrency: refused
 * with 412 when someone recorded an event since the case was read.
 */
export function appendEvent(
  view: Pick<CaseView, "header" | "version">,
  event: CaseEventInput,
): Promise<CaseView> {
  return request(`${casePath(view.header.reference)}/events`, {
    method: "POST",
    body: event,
    headers: { "If-Match": `"v${view.version}"` },
    schema: caseViewSchema,
  });
}

/**
 * The list with these filters as a file (CSV or XLSX), its headings in `lang`; the server
 * lists only what the reader may see, every page of it, in its own order.
 */
export function caseExportUrl(filters: CaseFilters, format: "csv" | "xlsx", lang: "en" | "ru"): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value && key !== "sort") search.set(key, value);
  search.set("format", format);
  search.set("lang", lang);
  return `/api/cases/export?${search.toString()}`;
}

export function documentUrl(reference: string, documentId: string): string {
  return `${casePath(reference)}/documents/${encodeURIComponent(documentId)}`;
}

export function letterUrl(reference: string, language: "en" | "ru", draft = false): string {
  return `${casePath(reference)}/letter?language=${language}${draft ? "&draft=true" : ""}`;
}

/**
 * Uploads one document (multipart) and answers the case as it now stands. The JSON client
 * does not send files, so this call takes a fresh CSRF token from the session probe and
 * reads errors in the API's one shape.
 */
export async function uploadDocument(
  view: Pick<CaseView, "header" | "version">,
  file: File,
): Promise<CaseView> {
  const session = await loadSession();
  const body = new FormData();
  body.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(`${casePath(view.header.reference)}/documents`, {
      method: "POST",
      headers: {
        Accept: "application/json",
        "X-CSRF-Token": session.csrfToken,
        "If-Match": `"v${view.version}"`,
      },
      credentials: "same-origin",
      body,
    });
  } catch {
    throw new ApiError(0, "network_error", "The server cannot be reached.");
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (response.ok) {
    const answer = caseViewSchema.safeParse(json);
    if (answer.success) return answer.data;
    throw new ApiError(
      response.status,
      "invalid_response",
      "The server sent an answer this page does not understand.",
    );
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) throw new ApiError(response.status, "http_error", response.statusText);
  const { code, message, fields, requestId } = parsed.data.error;
  throw new ApiError(response.status, code, message, fields ?? [], requestId ?? null);
}
