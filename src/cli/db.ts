import type { Command } from "commander";
import { embeddedStatus, stopEmbeddedServer } from "../db/embedded.js";
import { loadConfig } from "../server/platform/config.js";
import { printJson, progress } from "./output.js";

export function registerDb(program: Command): void {
  const db = program.command("db").description("The embedded PostgreSQL");

  db.command("status")
    .description("Whether the embedded PostgreSQL runs, on which port, and which process owns it")
    .option("--json", "print the result as JSON")
    .action(async (options: { json?: boolean }) => {
      const config = loadConfig();
      const status = {
        dataDir: config.dataDir,
        externalDatabase: Boolean(config.databaseUrl),
        ...(await embeddedStatus(config.dataDir)),
      };
      if (options.json) return printJson(status);
      if (!status.running) progress(`Embedded PostgreSQL (${config.dataDir}) is not running.`);
      else
        progress(
          `Embedded PostgreSQL runs on 127.0.0.1:${status.running.port} (pid ${status.running.pid}), owned by process ${status.owner?.pid ?? "none"}.`,
        );
    });

  db.command("stop")
    .description(
      "Stop the embedded PostgreSQL (fast shutdown: committed data is kept), for a backup or after a crash",
    )
    .action(async () => {
      const config = loadConfig();
      progress(
        (await stopEmbeddedServer(config.dataDir))
          ? "Embedded PostgreSQL stopped."
          : "Embedded PostgreSQL was not running.",
      );
    });
}
