import type { ActionItem } from "../../domain/engagements/schemas.js";
import { ACTION_STATUSES } from "../../domain/engagements/vocabulary.js";
import type { ActionItemQuery } from "./engagements-api.js";

/** "active": open or in progress, what is still to be done. */
export const STATUS_CHOICES = ["active", "any", ...ACTION_STATUSES] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number];

export type ActionListFilters = { whose: "mine" | "all"; status: StatusChoice; overdue: boolean };

export function actionFiltersFrom(params: URLSearchParams): ActionListFilters {
  const status = params.get("status");
  return {
    whose: params.get("whose") === "all" ? "all" : "mine",
    status: STATUS_CHOICES.find((choice) => choice === status) ?? "active",
    overdue: params.get("overdue") === "true",
  };
}

/** The filters as the API's query. */
export function actionItemQuery(filters: ActionListFilters): ActionItemQuery {
  const query: ActionItemQuery = {};
  if (filters.whose === "mine") query.mine = "true";
  if (filters.status === "active") query.open = "true";
  else if (filters.status !== "any") query.status = filters.status;
  if (filters.overdue) query.overdue = "true";
  return query;
}

/** Overdue first, then by due day. */
export function dueOrder(items: readonly ActionItem[]): ActionItem[] {
  const rank = (item: ActionItem) => (item.dueState === "overdue" ? 0 : item.dueState === "due_soon" ? 1 : 2);
  return [...items].sort((a, b) => rank(a) - rank(b) || a.dueOn.localeCompare(b.dueOn));
}
