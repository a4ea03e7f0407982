import { findTeamByName, insertTeam } from "../../../db/platform/teams.repository.js";
import type { Team } from "../../../domain/platform/schemas.js";
import { conflict } from "../errors.js";
import { type Caller, runOperation } from "../operation.js";
import { authorizeTeams, toTeamView } from "./team-view.js";

export type CreateTeamOptions = Caller & { name: string; description?: string | null | undefined };

/** An administrator makes a team; it starts without members. */
export async function createTeam({
  services,
  actor,
  origin,
  name,
  description,
}: CreateTeamOptions): Promise<Team> {
  return runOperation(
    services,
    { eventType: "team.created", objectType: "team", actor, origin },
    async (context) => {
      authorizeTeams(context, "create");
      if (await findTeamByName(context.tx, name)) {
        throw conflict("team_name_taken", `A team named ${name} exists.`, [
          { path: "body.name", message: "taken" },
        ]);
      }
      const row = await insertTeam(context.tx, {
        name,
        description: description ?? null,
        createdAt: context.now,
        updatedAt: context.now,
      });
      context.note({ objectId: row.id, details: { name: row.name } });
      return toTeamView(row, []);
    },
  );
}
