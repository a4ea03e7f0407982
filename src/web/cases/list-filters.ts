import { CASE_SORTS } from "../../domain/cases/schemas.js";
import { CASE_KINDS, CASE_STATUSES, DIRECTIONS, PRIORITIES } from "../../domain/cases/vocabulary.js";
import { isStateCode } from "../../domain/directory/state-codes.js";
import type { CaseFilters } from "./cases-api.js";
import { SAVED_FILTER_KEYS } from "./saved-views.js";

/** What a saved view keeps, and the free-text search, which only the address carries. */
const FILTER_KEYS = ["q", ...SAVED_FILTER_KEYS] as const satisfies readonly (keyof CaseFilters)[];

const oneOf = (list: readonly string[]) => (value: string) => list.includes(value);
const VALID: Record<(typeof FILTER_KEYS)[number], (value: string) => boolean> = {
  q: (value) => value.length <= 200,
  status: oneOf(CASE_STATUSES),
  kind: oneOf(CASE_KINDS),
  direction: oneOf(DIRECTIONS),
  state: isStateCode,
  teamId: (value) => /^[0-9a-f-]{36}$/i.test(value),
  priority: oneOf(PRIORITIES),
  overdue: (value) => value === "true",
  dueWithinDays: (value) => /^\d{1,3}$/.test(value),
  sort: oneOf(CASE_SORTS),
};

/** The filters in the address; anything the API would refuse is left out. */
export function filtersFrom(params: URLSearchParams): CaseFilters {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value && VALID[key](value)) filters[key] = value;
  }
  return filters as CaseFilters;
}
