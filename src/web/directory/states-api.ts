import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { stateListSchema } from "../../domain/directory/schemas.js";
import { request } from "../api/client.js";

export function useStates(search: string) {
  const q = search.trim();
  return useQuery({
    queryKey: ["states", q],
    queryFn: ({ signal }) =>
      request("/api/states", { query: { q: q || undefined }, schema: stateListSchema, signal }),
    // Keeps the table in place while the next search runs, instead of flashing a loader.
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });
}
