import {
  bumpTeam,
  findTeam,
  insertTeamMember,
  listTeamMembers,
} from "../../../db/platform/teams.repository.js";
import { findUserById } from "../../../db/platform/users.repository.js";
import type { Team } from "../../../domain/platform/schemas.js";
import { badRequest, notFound } from "../errors.js";
import { type Caller, runOperation } from "../operation.js";
import { authorizeTeams, toTeamView } from "./team-view.js";

export type AddTeamMemberOptions = Caller & { teamId: string; userId: string };

/**
 * Adds an account to a team, which opens the team's cases to it (within its clearance,
 * src/server/cases/case.policy.ts). It applies on the member's next request: memberships
 * are read per request, never cached. Adding a member twice changes nothing.
 */
export async function addTeamMember({
  services,
  actor,
  origin,
  teamId,
  userId,
}: AddTeamMemberOptions): Promise<Team> {
  return runOperation(
    services,
    { eventType: "team.member_added", objectType: "team", objectId: teamId, actor, origin },
    async (context) => {
      authorizeTeams(context, "add_member");
      const team = await findTeam(context.tx, teamId, true);
      if (!team) throw notFound("team");
      const user = await findUserById(context.tx, userId);
      if (!user)
        throw badRequest("unknown_user", "There is no such account.", [
          { path: "body.userId", message: "unknown" },
        ]);
      const added = await insertTeamMember(context.tx, teamId, userId, context.now);
      const row = added ? await bumpTeam(context.tx, teamId, context.now) : team;
      context.note({ details: { team: team.name, userId, username: user.username, alreadyMember: !added } });
      return toTeamView(row, await listTeamMembers(context.tx, teamId));
    },
  );
}
