import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type ActionItem,
  type ActionItemList,
  actionItemListSchema,
  actionItemSchema,
  actionOwnerOptionsSchema,
  type answerInvitationSchema,
  type createEngagementSchema,
  type EngagementDetail,
  type EngagementSummary,
  engagementDetailSchema,
  engagementListSchema,
  type OutcomeView,
  type outcomeInputSchema,
  recordedOutcomeSchema,
  type updateActionItemSchema,
  type updateEngagementSchema,
} from "../../domain/engagements/schemas.js";
import { request } from "../api/client.js";

export const ENGAGEMENTS_KEY = ["engagements"] as const;
export const ACTION_ITEMS_KEY = ["action-items"] as const;
export const PAGE_SIZE = 25;

export type { ActionItem, ActionItemList, EngagementDetail, EngagementSummary, OutcomeView };

/** What a request sends: strings where the answers carry checked dates and codes. */
export type NewEngagement = z.input<typeof createEngagementSchema>;
export type EngagementChanges = z.input<typeof updateEngagementSchema>;
export type NewOutcome = z.input<typeof outcomeInputSchema>;
export type InvitationAnswer = z.input<typeof answerInvitationSchema>;
export type ActionItemChanges = z.input<typeof updateActionItemSchema>;

/** The list's filters, as the address keeps them. */
export type EngagementFilters = {
  q?: string;
  state?: string;
  kind?: string;
  status?: string;
  from?: string;
  to?: string;
  participant?: string;
  openActions?: "true" | "false";
};

export function useEngagements(filters: EngagementFilters, page: number) {
  return useQuery({
    queryKey: [...ENGAGEMENTS_KEY, "list", filters, page],
    queryFn: ({ signal }) =>
      request("/api/engagements", {
        query: { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
        schema: engagementListSchema,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Every engagement meeting the period (a calendar's month and the days around it). */
export function useEngagementsInPeriod(from: string, to: string) {
  return useQuery({
    queryKey: [...ENGAGEMENTS_KEY, "list", "period", from, to],
    queryFn: ({ signal }) =>
      request("/api/engagements", { query: { from, to, limit: 500 }, schema: engagementListSchema, signal }),
    placeholderData: keepPreviousData,
  });
}

/** From the office's today on, soonest first. */
export function useUpcomingEngagements(enabled = true) {
  return useQuery({
    queryKey: [...ENGAGEMENTS_KEY, "list", "upcoming"],
    queryFn: ({ signal }) =>
      request("/api/engagements", {
        query: { upcoming: "true", limit: 200 },
        schema: engagementListSchema,
        signal,
      }),
    enabled,
  });
}

/** Engagements with a state, attended by a person, or at which an instrument was signed. */
export type RelatedQuery = { state?: string; participant?: string; instrument?: string };

export function useRelatedEngagements(query: RelatedQuery, enabled = true) {
  return useQuery({
    queryKey: [...ENGAGEMENTS_KEY, "list", "related", query],
    queryFn: ({ signal }) =>
      request("/api/engagements", { query: { ...query, limit: 100 }, schema: engagementListSchema, signal }),
    enabled,
  });
}

export function engagementKey(id: string) {
  return [...ENGAGEMENTS_KEY, "engagement", id] as const;
}

function engagementPath(id: string): string {
  return `/api/engagements/${encodeURIComponent(id)}`;
}

export function useEngagement(id: string) {
  return useQuery({
    queryKey: engagementKey(id),
    queryFn: ({ signal }) => request(engagementPath(id), { schema: engagementDetailSchema, signal }),
  });
}

/**
 * Records an engagement. The key is made once per form submission and sent again on a
 * retry, so that a request repeated after a lost answer records it once.
 */
export function createEngagement(body: NewEngagement, idempotencyKey: string): Promise<EngagementDetail> {
  return request("/api/engagements", {
    method: "POST",
    body,
    headers: { "Idempotency-Key": idempotencyKey },
    schema: engagementDetailSchema,
  });
}

const ifMatch = (version: number) => ({ "If-Match": `"v${version}"` });

/** Optimistic concurrency: refused with 412 when someone changed the engagement since it was read. */
export function updateEngagement(
  engagement: { id: string; version: number },
  changes: EngagementChanges,
): Promise<EngagementDetail> {
  return request(engagementPath(engagement.id), {
    method: "PATCH",
    body: changes,
    headers: ifMatch(engagement.version),
    schema: engagementDetailSchema,
  });
}

/** One outcome, in one step: its registry actions or its action item are written with it. */
export function recordOutcome(engagement: { id: string; version: number }, body: NewOutcome) {
  return request(`${engagementPath(engagement.id)}/outcomes`, {
    method: "POST",
    body,
    headers: ifMatch(engagement.version),
    schema: recordedOutcomeSchema,
  });
}

/** Removes an outcome recorded by mistake, with the registry signatures or the action item it brought. */
export function removeOutcome(engagement: { id: string; version: number }, outcomeId: string) {
  return request(`${engagementPath(engagement.id)}/outcomes/${encodeURIComponent(outcomeId)}`, {
    method: "DELETE",
    headers: ifMatch(engagement.version),
    schema: engagementDetailSchema,
  });
}

/** Accepting plans the engagement invited to; declining closes the invitation. */
export function answerInvitation(
  engagement: { id: string; version: number },
  outcomeId: string,
  body: InvitationAnswer,
) {
  return request(`${engagementPath(engagement.id)}/outcomes/${encodeURIComponent(outcomeId)}/answer`, {
    method: "POST",
    body,
    headers: ifMatch(engagement.version),
    schema: recordedOutcomeSchema,
  });
}

/** The briefing pack of a planned engagement, as a PDF in English or Russian. */
export function briefingPdfUrl(id: string, language: "en" | "ru"): string {
  return `${engagementPath(id)}/briefing.pdf?lang=${language}`;
}

export type ActionItemQuery = {
  mine?: "true";
  owner?: string;
  team?: string;
  engagement?: string;
  status?: string;
  open?: "true" | "false";
  overdue?: "true";
};

export function useActionItems(query: ActionItemQuery, page = 1, pageSize = 100) {
  return useQuery({
    queryKey: [...ACTION_ITEMS_KEY, "list", query, page, pageSize],
    queryFn: ({ signal }) =>
      request("/api/action-items", {
        query: { ...query, limit: pageSize, offset: (page - 1) * pageSize },
        schema: actionItemListSchema,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Changes an action item's status, due day or owner; a closing note when it ends. */
export function updateActionItem(
  item: { id: string; version: number },
  changes: ActionItemChanges,
): Promise<ActionItem> {
  return request(`/api/action-items/${encodeURIComponent(item.id)}`, {
    method: "PATCH",
    body: changes,
    headers: ifMatch(item.version),
    schema: actionItemSchema,
  });
}

/** Who may own an action item: users who read engagements, and the teams. */
export function useActionOwners(enabled = true) {
  return useQuery({
    queryKey: [...ACTION_ITEMS_KEY, "owners"],
    queryFn: ({ signal }) =>
      request("/api/action-items/owners", { schema: actionOwnerOptionsSchema, signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}
