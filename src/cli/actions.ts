import type { Command } from "commander";
import { z } from "zod";
import { findTeam, findTeamByName } from "../db/platform/teams.repository.js";
import { findUserById, findUserByUsername } from "../db/platform/users.repository.js";
import { type ActionItemListQuery, actionItemListQuerySchema } from "../domain/engagements/schemas.js";
import { listActionItems } from "../server/engagements/list-action-items.js";
import { badRequest } from "../server/platform/errors.js";
import type { Services } from "../server/platform/operation.js";
import { printJson, printTable, progress } from "./output.js";
import { cliCaller, withRuntime } from "./with-runtime.js";

/**
 * `comity actions list`: the action items engagements produced, by due day. The command
 * line is the server's operator, not a user: it owns no items, so `--mine` is refused with
 * a pointer to `--owner`, which names whose items to list (a user by name or id, or a
 * team by name or id). Reads go through the API's service and are audited.
 */
export function registerActions(program: Command): void {
  const actions = program.command("actions").description("Action items from engagements: what is now due");

  actions
    .command("list")
    .description("List action items by due day (open and closed; --open for the open ones only)")
    .option(
      "--mine",
      "refused: the command line acts as the server's operator, who owns no items; use --owner",
    )
    .option("--owner <owner>", "the items of this user (user name or id) or of this team (name or id)")
    .option("--overdue", "only open items whose due day has passed")
    .option("--open", "only open and in-progress items")
    .option("--status <status>", "open, in_progress, done or dropped")
    .option("--limit <n>", "at most this many (1 to 500)", "100")
    .option("--json", "print as JSON (as the API's GET /api/action-items answers)")
    .action(
      async (options: {
        mine?: boolean;
        owner?: string;
        overdue?: boolean;
        open?: boolean;
        status?: string;
        limit: string;
        json?: boolean;
      }) => {
        if (options.mine) {
          progress(
            "--mine: the command line acts as the server's operator, who owns no action items; name the owner with --owner USER (a user name or id) or --owner TEAM (a team's name or id).",
          );
          process.exitCode = 1;
          return;
        }
        const parsed = actionItemListQuerySchema.safeParse({
          overdue: options.overdue ? "true" : undefined,
          open: options.open ? "true" : undefined,
          status: options.status,
          limit: options.limit,
        });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) progress(`--${String(issue.path[0])}: ${issue.message}`);
          process.exitCode = 1;
          return;
        }
        const result = await withRuntime({ migrate: false }, async (runtime) => {
          const query: ActionItemListQuery = { ...parsed.data };
          if (options.owner) Object.assign(query, await ownerQuery(runtime.services, options.owner));
          return listActionItems({ ...cliCaller(runtime.services), query });
        });
        if (options.json) return printJson(result);
        printTable(
          result.items.map((item) => ({
            due: item.dueOn,
            state: item.dueState,
            status: item.status,
            owner: item.owner.name,
            title: item.title.length > 60 ? `${item.title.slice(0, 59)}…` : item.title,
            engagement: `${item.engagement.titleEn.slice(0, 40)}${item.engagement.titleEn.length > 40 ? "…" : ""} (${item.engagement.startOn})`,
          })),
        );
        progress(`${result.items.length} of ${result.total} action item(s).`);
      },
    );
}

/** `--owner`: a user (name or id) first, then a team (name or id). */
async function ownerQuery(
  services: Services,
  owner: string,
): Promise<Pick<ActionItemListQuery, "owner" | "team">> {
  const database = services.database;
  const isId = z.uuid().safeParse(owner).success;
  const user = isId ? await findUserById(database, owner) : await findUserByUsername(database, owner);
  if (user) return { owner: user.id };
  const team = isId ? await findTeam(database, owner) : await findTeamByName(database, owner);
  if (team) return { team: team.id };
  throw badRequest("unknown_user", `--owner: no user or team named "${owner}".`, [
    { path: "owner", message: "no such user or team" },
  ]);
}
