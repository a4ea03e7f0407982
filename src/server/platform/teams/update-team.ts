import {
  findTeam,
  findTeamByName,
  listTeamMembers,
  updateTeamIfVersion,
} from "../../../db/platform/teams.repository.js";
import type { Team } from "../../../domain/platform/schemas.js";
import { conflict, notFound, preconditionFailed } from "../errors.js";
import { type Actor, type Origin, runOperation, type Services } from "../operation.js";
import { authorizeTeams, toTeamView } from "./team-view.js";

/** Renames a team or changes its description, if nobody changed it since `expectedVersion`. */
export async function updateTeam(
  services: Services,
  actor: Actor,
  origin: Origin,
  teamId: string,
  expectedVersion: number,
  input: { name?: string | undefined; description?: string | null | undefined },
): Promise<Team> {
  return runOperation(
    services,
    { eventType: "team.updated", objectType: "team", objectId: teamId, actor, origin },
    async (context) => {
      authorizeTeams(context, "update");
      const team = await findTeam(context.tx, teamId, true);
      if (!team) throw notFound("team");
      if (team.version !== expectedVersion) throw preconditionFailed(team.version);
      if (input.name !== undefined && input.name.toLowerCase() !== team.name.toLowerCase()) {
        if (await findTeamByName(context.tx, input.name))
          throw conflict("team_name_taken", `A team named ${input.name} exists.`, [
            { path: "body.name", message: "taken" },
          ]);
      }
      const changes: Record<string, { from: string | null; to: string | null }> = {};
      if (input.name !== undefined && input.name !== team.name)
        changes.name = { from: team.name, to: input.name };
      if (input.description !== undefined && (input.description ?? null) !== team.description)
        changes.description = { from: team.description, to: input.description ?? null };
      const updated = await updateTeamIfVersion(
        context.tx,
        teamId,
        expectedVersion,
        {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description ?? null } : {}),
        },
        context.now,
      );
      if (!updated) throw preconditionFailed();
      context.note({ details: { changes } });
      return toTeamView(updated, await listTeamMembers(context.tx, teamId));
    },
  );
}
