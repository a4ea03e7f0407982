import type { Command } from "commander";
import { loadConfig } from "../server/platform/config.js";
import { startServer } from "../server/serve.js";
import { progress } from "./output.js";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("Start Comity: database, migrations, reference data, API and web app on one port")
    .action(async () => {
      const started = performance.now();
      const config = loadConfig();
      const server = await startServer(config, progress);
      progress(
        `Comity is running at ${server.url} (started in ${((performance.now() - started) / 1000).toFixed(1)} s).`,
      );
      progress(`API documentation: ${server.url}/api/docs. Stop with Ctrl+C.`);
      if (server.setupLink) {
        process.stderr.write(
          [
            "",
            "  First run: there is no account yet. Create the first administrator with this",
            "  one-time link (valid 24 hours; a new one is printed at each start until used):",
            "",
            `    ${server.setupLink.url}`,
            "",
            "  Or, from a shell on this machine:  npx comity users create-admin --username <name>",
            "",
          ].join("\n"),
        );
      }
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        progress(`${signal} received: finishing requests and stopping...`);
        try {
          await server.close();
          progress("Stopped.");
          process.exit(0);
        } catch (error) {
          progress(`Error while stopping: ${(error as Error).message}`);
          process.exit(1);
        }
      };
      process.on("SIGINT", () => void stop("SIGINT"));
      process.on("SIGTERM", () => void stop("SIGTERM"));
    });
}
