import {
  bumpTeam,
  deleteTeamMember,
  findTeam,
  listTeamMembers,
} from "../../../db/platform/teams.repository.js";
import type { Team } from "../../../domain/platform/schemas.js";
import { notFound } from "../errors.js";
import { type Caller, runOperation } from "../operation.js";
import { authorizeTeams, toTeamView } from "./team-view.js";

export type RemoveTeamMemberOptions = Caller & { teamId: string; userId: string };

/** Takes an account off a team: the team's cases close to it on its next request. */
export async function removeTeamMember({
  services,
  actor,
  origin,
  teamId,
  userId,
}: RemoveTeamMemberOptions): Promise<Team> {
  return runOperation(
    services,
    { eventType: "team.member_removed", objectType: "team", objectId: teamId, actor, origin },
    async (context) => {
      authorizeTeams(context, "remove_member");
      const team = await findTeam(context.tx, teamId, true);
      if (!team) throw notFound("team");
      if (!(await deleteTeamMember(context.tx, teamId, userId))) throw notFound("team member");
      const row = await bumpTeam(context.tx, teamId, context.now);
      context.note({ details: { team: team.name, userId } });
      return toTeamView(row, await listTeamMembers(context.tx, teamId));
    },
  );
}
