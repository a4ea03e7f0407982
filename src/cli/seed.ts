import type { Command } from "commander";
import { loadReferenceData } from "../server/platform/reference-data.js";
import { seedDemo } from "../server/registry/seed-demo.js";
import { printJson, progress } from "./output.js";
import { cliActor, withRuntime } from "./with-runtime.js";

export function registerSeed(program: Command): void {
  program
    .command("seed")
    .description(
      "Load the shipped reference data (serve does this too; unchanged files are skipped); --demo adds a sample registry",
    )
    .option("--demo", "also load the demo registry and directory (marked as demo everywhere)")
    .option("--json", "print the result as JSON")
    .action(async (options: { demo?: boolean; json?: boolean }) => {
      const result = await withRuntime({ migrate: true }, async (runtime) => {
        const reference = await loadReferenceData(runtime.services, progress);
        const demo = options.demo ? await seedDemo(runtime.services, cliActor(), progress) : null;
        return { ...reference, ...(demo ? { demo } : {}) };
      });
      if (options.json) printJson(result);
    });
}
