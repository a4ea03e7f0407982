import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type createInstrumentSchema,
  type createPartyActionSchema,
  type createRelationSchema,
  type createStageSchema,
  type InstrumentDetail,
  importResultSchema,
  instrumentDetailSchema,
  instrumentListSchema,
  mapResponseSchema,
  pairResponseSchema,
  resolveResponseSchema,
  type updateInstrumentSchema,
} from "../../domain/registry/schemas.js";
import type { RequestKind, Scope } from "../../domain/registry/vocabulary.js";
import { request } from "../api/client.js";

export const REGISTRY_KEY = ["registry"] as const;

export type InstrumentFilters = {
  q?: string;
  kind?: string;
  subject?: string;
  scope?: string;
  binding?: "true" | "false";
  party?: string;
  status?: "in_force" | "signed" | "not_in_force" | "negotiating";
  date?: string;
  demo?: "true" | "false";
};

export const PAGE_SIZE = 25;

export function useInstruments(filters: InstrumentFilters, page: number) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, "instruments", filters, page],
    queryFn: ({ signal }) =>
      request("/api/registry/instruments", {
        query: { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
        schema: instrumentListSchema,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** A short search for pickers (relations): code or words of the title. */
export function useInstrumentSearch(q: string) {
  const search = q.trim();
  return useQuery({
    queryKey: [...REGISTRY_KEY, "instruments", "search", search],
    queryFn: ({ signal }) =>
      request("/api/registry/instruments", {
        query: { q: search || undefined, limit: 20 },
        schema: instrumentListSchema,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function instrumentKey(id: string) {
  return [...REGISTRY_KEY, "instrument", id] as const;
}

export function useInstrument(id: string, date: string | undefined) {
  return useQuery({
    queryKey: [...instrumentKey(id), date ?? "today"],
    queryFn: ({ signal }) =>
      request(`/api/registry/instruments/${encodeURIComponent(id)}`, {
        query: { date },
        schema: instrumentDetailSchema,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export type NewInstrument = z.input<typeof createInstrumentSchema>;
export type InstrumentChanges = z.input<typeof updateInstrumentSchema>;
export type NewPartyAction = z.input<typeof createPartyActionSchema>;
export type NewStage = z.input<typeof createStageSchema>;
export type NewRelation = z.input<typeof createRelationSchema>;

export function createInstrument(body: NewInstrument): Promise<InstrumentDetail> {
  return request("/api/registry/instruments", { method: "POST", body, schema: instrumentDetailSchema });
}

/** Optimistic concurrency: refused with 412 if the instrument changed since it was read. */
export function updateInstrument(
  instrument: { id: string; version: number },
  changes: InstrumentChanges,
): Promise<InstrumentDetail> {
  return request(`/api/registry/instruments/${encodeURIComponent(instrument.id)}`, {
    method: "PATCH",
    body: changes,
    headers: { "If-Match": `"v${instrument.version}"` },
    schema: instrumentDetailSchema,
  });
}

export type FactKind = "actions" | "stages" | "relations";

export function addFact(
  instrumentId: string,
  kind: FactKind,
  body: NewPartyAction | NewStage | NewRelation,
): Promise<InstrumentDetail> {
  return request(`/api/registry/instruments/${encodeURIComponent(instrumentId)}/${kind}`, {
    method: "POST",
    body,
    schema: instrumentDetailSchema,
  });
}

export function removeFact(instrumentId: string, kind: FactKind, childId: string): Promise<InstrumentDetail> {
  return request(
    `/api/registry/instruments/${encodeURIComponent(instrumentId)}/${kind}/${encodeURIComponent(childId)}`,
    { method: "DELETE", schema: instrumentDetailSchema },
  );
}

export type ResolveQuery = {
  requesting: string;
  requested: string;
  kind: RequestKind;
  date: string;
  nationality?: string | undefined;
};

export function useResolve(query: ResolveQuery | null) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, "resolve", query],
    queryFn: ({ signal }) =>
      request("/api/registry/resolve", {
        query: query ?? undefined,
        schema: resolveResponseSchema,
        signal,
      }),
    enabled: query !== null,
  });
}

export function usePair(state: string, partner: string | null, date: string) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, "pair", state, partner, date],
    queryFn: ({ signal }) =>
      request("/api/registry/pair", {
        query: { state, partner: partner ?? undefined, date },
        schema: pairResponseSchema,
        signal,
      }),
    enabled: partner !== null && partner !== state,
  });
}

export function useWorldMap(state: string | null, date: string, widest: Scope) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, "map", state, date, widest],
    queryFn: ({ signal }) =>
      request("/api/registry/map", {
        query: { state: state ?? undefined, date, widest },
        schema: mapResponseSchema,
        signal,
      }),
    enabled: state !== null,
    placeholderData: keepPreviousData,
  });
}

export function importPartyActions(body: { csv: string; instrument?: string; dryRun: boolean }) {
  return request("/api/registry/party-actions/import", {
    method: "POST",
    body,
    schema: importResultSchema,
  });
}

export function exportUrl(instrument?: string): string {
  const base = "/api/registry/party-actions/export";
  return instrument ? `${base}?instrument=${encodeURIComponent(instrument)}` : base;
}
