import {
  findTeam,
  findTeamByName,
  listTeamMembers,
  updateTeamIfVersion,
} from "../../../db/platform/teams.repository.js";
import type { Team } from "../../../domain/platform/schemas.js";
import { conflict, notFound, preconditionFailed } from "../errors.js";
import { type Caller, runOperation } from "../operation.js";
import { authorizeTeams, toTeamView } from "./team-view.js";

export type UpdateTeamOptions = Caller & {
  teamId: string;
  expectedVersion: number;
  changes: { name?: string | undefined; description?: string | null | undefined };
};

/** Renames a team or changes its description, if nobody changed it since `expectedVersion`. */
export async function updateTeam({
  services,
  actor,
  origin,
  teamId,
  expectedVersion,
  changes,
}: UpdateTeamOptions): Promise<Team> {
  return runOperation(
    services,
    { eventType: "team.updated", objectType: "team", objectId: teamId, actor, origin },
    async (context) => {
      authorizeTeams(context, "update");
      const team = await findTeam(context.tx, teamId, true);
      if (!team) throw notFound("team");
      if (team.version !== expectedVersion) throw preconditionFailed(team.version);
      if (changes.name !== undefined && changes.name.toLowerCase() !== team.name.toLowerCase()) {
        if (await findTeamByName(context.tx, changes.name))
          throw conflict("team_name_taken", `A team named ${changes.name} exists.`, [
            { path: "body.name", message: "taken" },
          ]);
      }
      const differences: Record<string, { from: string | null; to: string | null }> = {};
      if (changes.name !== undefined && changes.name !== team.name)
        differences.name = { from: team.name, to: changes.name };
      if (changes.description !== undefined && (changes.description ?? null) !== team.description)
        differences.description = { from: team.description, to: changes.description ?? null };
      const updated = await updateTeamIfVersion(
        context.tx,
        teamId,
        expectedVersion,
        {
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(changes.description !== undefined ? { description: changes.description ?? null } : {}),
        },
        context.now,
      );
      if (!updated) throw preconditionFailed();
      context.note({ details: { changes: differences } });
      return toTeamView(updated, await listTeamMembers(context.tx, teamId));
    },
  );
}
