import { type QueryClient, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { IsoDate } from "../../../domain/platform/dates.js";
import type { SessionResponse } from "../../../domain/platform/schemas.js";
import type { Permission } from "../../../domain/platform/vocabulary.js";
import { loadSession } from "../../api/client.js";

export const SESSION_KEY = ["session"] as const;

export const sessionQuery = {
  queryKey: SESSION_KEY,
  queryFn: loadSession,
  // The server decides when a session ends; a stale answer here only delays noticing it.
  staleTime: 60_000,
};

/** The current session; the root layout suspends until the first answer has arrived. */
export function useSession(): SessionResponse {
  return useSuspenseQuery(sessionQuery).data;
}

export function usePermission(permission: Permission): boolean {
  return useSession().permissions.includes(permission);
}

/** The office's time zone and today in it, as the server reckons them (COMITY_TIME_ZONE). */
export function useOffice(): SessionResponse["office"] {
  return useSession().office;
}

/**
 * Today: the office's day, never the browser's (a browser in another time zone, or with a
 * wrong clock, would shift every default date and every "due today"). A session answer
 * older than a minute is asked again when a page opens or the window regains focus, so the
 * day turns soon after the office's midnight.
 */
export function useOfficeToday(): IsoDate {
  return useOffice().today;
}

/** Asks the server again and waits, so that what follows sees the new session. */
export async function refreshSession(queryClient: QueryClient): Promise<SessionResponse> {
  return queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
}

/**
 * Forgets everything fetched for the previous user (lists, audit entries) so that
 * nothing of theirs stays in memory after sign-out or a session end.
 */
export function forgetUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

export function useRefreshSession(): () => Promise<SessionResponse> {
  const queryClient = useQueryClient();
  return () => refreshSession(queryClient);
}
