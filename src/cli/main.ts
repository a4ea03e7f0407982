import { Command } from "commander";
import { ConfigError } from "../server/platform/config.js";
import { AppError } from "../server/platform/errors.js";
import { registerActions } from "./actions.js";
import { registerAudit } from "./audit.js";
import { registerCases } from "./cases.js";
import { registerDb } from "./db.js";
import { registerEngagements } from "./engagements.js";
import { registerMigrate } from "./migrate.js";
import { registerOpenApi } from "./openapi.js";
import { progress } from "./output.js";
import { registerRegistry } from "./registry.js";
import { registerReminders } from "./reminders.js";
import { registerReport } from "./report.js";
import { registerResolve } from "./resolve.js";
import { registerSeed } from "./seed.js";
import { registerServe } from "./serve.js";
import { registerUsers } from "./users.js";

/** The `comity` command. Each subcommand is one file in this folder. */
export async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name("comity")
    .description("Comity: international cooperation in criminal matters, for central authorities")
    .showHelpAfterError();
  registerServe(program);
  registerMigrate(program);
  registerSeed(program);
  registerUsers(program);
  registerAudit(program);
  registerDb(program);
  registerOpenApi(program);
  registerResolve(program);
  registerRegistry(program);
  registerCases(program);
  registerEngagements(program);
  registerActions(program);
  registerReminders(program);
  registerReport(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof ConfigError) progress(error.message);
    else if (error instanceof AppError) progress(error.message);
    else progress(`Error: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  }
}
