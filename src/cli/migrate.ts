import type { Command } from "commander";
import { migrationStatus } from "../db/migrate.js";
import { loadConfig } from "../server/platform/config.js";
import { printJson, progress } from "./output.js";
import { withRuntime } from "./with-runtime.js";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("Apply pending database migrations (serve does this too)")
    .option("--json", "print the result as JSON")
    .action(async (options: { json?: boolean }) => {
      loadConfig();
      const status = await withRuntime({ migrate: true }, (runtime) =>
        migrationStatus(runtime.services.database.$client),
      );
      if (options.json) printJson(status);
      else
        progress(
          `${status.applied} of ${status.expected} migrations applied; schema is ${status.current ? "current" : "NOT current"}.`,
        );
    });
}
