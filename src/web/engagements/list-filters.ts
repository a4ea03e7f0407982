import { isStateCode } from "../../domain/directory/state-codes.js";
import { ENGAGEMENT_KINDS, ENGAGEMENT_STATUSES } from "../../domain/engagements/vocabulary.js";
import { isIsoDate } from "../../domain/platform/dates.js";
import type { EngagementFilters } from "./engagements-api.js";

const FILTER_KEYS = [
  "q",
  "state",
  "kind",
  "status",
  "from",
  "to",
  "participant",
  "openActions",
] as const satisfies readonly (keyof EngagementFilters)[];

const oneOf = (list: readonly string[]) => (value: string) => list.includes(value);
const VALID: Record<(typeof FILTER_KEYS)[number], (value: string) => boolean> = {
  q: (value) => value.length <= 200,
  state: isStateCode,
  kind: oneOf(ENGAGEMENT_KINDS),
  status: oneOf(ENGAGEMENT_STATUSES),
  from: isIsoDate,
  to: isIsoDate,
  participant: (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
  openActions: oneOf(["true", "false"]),
};

/** The filters in the address; anything the API would refuse is left out. */
export function engagementFiltersFrom(params: URLSearchParams): EngagementFilters {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value && VALID[key](value)) filters[key] = value;
  }
  // A period that ends before it starts is refused by the API: its end is dropped.
  if (filters.from && filters.to && filters.to < filters.from) delete filters.to;
  return filters as EngagementFilters;
}

/** The filters as an address's query, without the empty ones. */
export function searchOf(filters: EngagementFilters, page = 1): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, value);
  if (page > 1) search.set("page", String(page));
  return search;
}
