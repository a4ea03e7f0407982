import type { TeamMemberRow, TeamRow } from "../../../db/platform/teams.repository.js";
import { instantOf } from "../../../domain/platform/dates.js";
import type { Team } from "../../../domain/platform/schemas.js";
import type { Role } from "../../../domain/platform/vocabulary.js";
import { forbidden, unauthorized } from "../errors.js";
import type { OperationContext } from "../operation.js";
import { decideTeamAction, type TeamAction } from "./team.policy.js";

export function toTeamView(row: TeamRow, members: readonly TeamMemberRow[]): Team {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    members: members
      .filter((member) => member.teamId === row.id)
      .map(({ userId, username, displayName }) => ({ userId, username, displayName })),
    createdAt: instantOf(row.createdAt),
    version: row.version,
  };
}

/** Asks the team policy for the operation's actor; a refusal is recorded as denied. */
export function authorizeTeams(context: OperationContext, action: TeamAction): void {
  if (context.actor.kind !== "user") throw unauthorized();
  const decision = decideTeamAction(context.actor.role as Role, action);
  if (!decision.allowed) throw forbidden(decision.code, decision.message);
}
