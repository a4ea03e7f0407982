import { findTeamByName, insertTeam } from "../../../db/platform/teams.repository.js";
import type { Team } from "../../../domain/platform/schemas.js";
import { conflict } from "../errors.js";
import { type Actor, type Origin, runOperation, type Services } from "../operation.js";
import { authorizeTeams, toTeamView } from "./team-view.js";

/** An administrator makes a team; it starts without members. */
export async function createTeam(
  services: Services,
  actor: Actor,
  origin: Origin,
  input: { name: string; description?: string | null | undefined },
): Promise<Team> {
  return runOperation(
    services,
    { eventType: "team.created", objectType: "team", actor, origin },
    async (context) => {
      authorizeTeams(context, "create");
      if (await findTeamByName(context.tx, input.name)) {
        throw conflict("team_name_taken", `A team named ${input.name} exists.`, [
          { path: "body.name", message: "taken" },
        ]);
      }
      const row = await insertTeam(context.tx, {
        name: input.name,
        description: input.description ?? null,
        createdAt: context.now,
        updatedAt: context.now,
      });
      context.note({ objectId: row.id, details: { name: row.name } });
      return toTeamView(row, []);
    },
  );
}
