import type { Command } from "commander";
import { seedDemoCases } from "../server/cases/seed-demo-cases.js";
import { seedDemoEngagements } from "../server/engagements/seed-demo-engagements.js";
import { loadReferenceData } from "../server/reference-data.js";
import { seedDemo } from "../server/registry/seed-demo.js";
import { printJson, progress } from "./output.js";
import { cliActor, withRuntime } from "./with-runtime.js";

export function registerSeed(program: Command): void {
  program
    .command("seed")
    .description(
      "Load the shipped reference data (serve does this too; unchanged files are skipped); --demo adds a sample registry, teams, cases and engagements",
    )
    .option(
      "--demo",
      "also load the demo registry and directory (marked as demo everywhere), the demo teams and cases (references DEMO-...) and the demo engagements with their outcomes and action items",
    )
    .option("--json", "print the result as JSON")
    .action(async (options: { demo?: boolean; json?: boolean }) => {
      const result = await withRuntime({ migrate: true }, async (runtime) => {
        const reference = await loadReferenceData({ services: runtime.services, onProgress: progress });
        if (!options.demo) return reference;
        const registry = await seedDemo({
          services: runtime.services,
          actor: cliActor(),
          onProgress: progress,
        });
        // After the registry: the demo cases cite its instruments (the KH-RU treaty).
        const cases = await seedDemoCases({
          services: runtime.services,
          actor: cliActor(),
          onProgress: progress,
        });
        // After the cases: the engagements' action items belong to demo teams, and their
        // outcomes sign the registry's instruments.
        const engagements = await seedDemoEngagements({
          services: runtime.services,
          actor: cliActor(),
          onProgress: progress,
        });
        return { ...reference, demo: { ...registry, ...cases, engagements } };
      });
      if (options.json) printJson(result);
    });
}
