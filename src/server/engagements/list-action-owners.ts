import { listTeams } from "../../db/platform/teams.repository.js";
import { listUsers } from "../../db/platform/users.repository.js";
import type { ActionOwnerOptions } from "../../domain/engagements/schemas.js";
import type { Role } from "../../domain/platform/vocabulary.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { mayOwnActionItems } from "./engagement.policy.js";

export type ListActionOwnersOptions = Caller;

/** Who may own an action item: active accounts whose role reads engagements, and every team. */
export async function listActionOwners({
  services,
  actor,
  origin,
}: ListActionOwnersOptions): Promise<ActionOwnerOptions> {
  return runOperation(
    services,
    { eventType: "engagements.action_owners_listed", objectType: "action_item", actor, origin },
    async (context) => {
      const users = (await listUsers(context.tx)).filter(
        (user) => user.disabledAt === null && mayOwnActionItems(user.role as Role),
      );
      const teams = await listTeams(context.tx);
      context.note({ details: { users: users.length, teams: teams.length } });
      return {
        users: users.map((user) => ({ id: user.id, username: user.username, displayName: user.displayName })),
        teams: teams.map((team) => ({ id: team.id, name: team.name })),
      };
    },
  );
}
