import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type createTeamBodySchema,
  type Team,
  teamListSchema,
  teamSchema,
} from "../../../domain/platform/schemas.js";
import { request } from "../../api/client.js";

/**
 * The same key and shape as the teams the case pages read (src/web/cases/cases-api.ts), so
 * that a change made here refreshes every list of teams in the browser.
 */
export const TEAMS_KEY = ["teams"] as const;

export function useTeamList() {
  return useQuery({
    queryKey: TEAMS_KEY,
    queryFn: ({ signal }) =>
      request("/api/teams", { schema: teamListSchema, signal }).then((list) => list.teams),
  });
}

/** Puts the team the server answered with into the list at once, before the list is read again. */
export function storeTeam(queryClient: QueryClient, team: Team): void {
  queryClient.setQueryData<Team[]>(TEAMS_KEY, (teams) => {
    if (!teams) return [team];
    return teams.some((stored) => stored.id === team.id)
      ? teams.map((stored) => (stored.id === team.id ? team : stored))
      : [...teams, team];
  });
}

export type NewTeam = z.input<typeof createTeamBodySchema>;

export function createTeam(body: NewTeam): Promise<Team> {
  return request("/api/teams", { method: "POST", body, schema: teamSchema });
}

/** `description: null` clears it. */
export type TeamChanges = { name?: string; description?: string | null };

/** Optimistic concurrency: the server refuses the change (412) if the team changed since it was read. */
export function updateTeam(team: Team, changes: TeamChanges): Promise<Team> {
  return request(`/api/teams/${encodeURIComponent(team.id)}`, {
    method: "PATCH",
    body: changes,
    headers: { "If-Match": `"v${team.version}"` },
    schema: teamSchema,
  });
}

/** Membership changes need no version: adding a member twice or removing one changes one row. */
export function addTeamMember(team: Team, userId: string): Promise<Team> {
  return request(`/api/teams/${encodeURIComponent(team.id)}/members`, {
    method: "POST",
    body: { userId },
    schema: teamSchema,
  });
}

export function removeTeamMember(team: Team, userId: string): Promise<Team> {
  return request(`/api/teams/${encodeURIComponent(team.id)}/members/${encodeURIComponent(userId)}`, {
    method: "DELETE",
    schema: teamSchema,
  });
}
