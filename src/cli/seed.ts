import { type Command, InvalidArgumentError } from "commander";
import { seedDemoCases } from "../server/cases/seed-demo-cases.js";
import { seedDemoEngagements } from "../server/engagements/seed-demo-engagements.js";
import type { Services } from "../server/platform/operation.js";
import { loadReferenceData } from "../server/reference-data.js";
import { seedDemo } from "../server/registry/seed-demo.js";
import {
  DEFAULT_SYNTHETIC_SEED,
  SyntheticSeedRefused,
  seedSyntheticCases,
} from "../server/reports/seed-synthetic-cases.js";
import { printJson, progress, progressBar } from "./output.js";
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
    .option(
      "--synthetic <count>",
      "also write COUNT synthetic cases (references SYN-...) opened since 2015, with their events and statistics, for trying reports and for benchmarks; only into a database without cases of its own (docs/operations.md)",
      wholeNumber,
    )
    .option(
      "--seed <seed>",
      "with --synthetic: the seed; the same seed on the same day gives the same cases",
      wholeNumber,
      DEFAULT_SYNTHETIC_SEED,
    )
    .option(
      "--workers <count>",
      "with --synthetic: threads preparing cases (default: the cores less one)",
      wholeNumber,
    )
    .option("--json", "print the result as JSON")
    .action(
      async (options: {
        demo?: boolean;
        json?: boolean;
        synthetic?: number;
        seed: number;
        workers?: number;
      }) => {
        const result = await withRuntime({ migrate: true }, async (runtime) => {
          const reference = await loadReferenceData({ services: runtime.services, onProgress: progress });
          const demo = options.demo ? await seedDemoData(runtime.services) : undefined;
          const synthetic =
            options.synthetic === undefined
              ? undefined
              : await seedSyntheticCases({
                  services: runtime.services,
                  actor: cliActor(),
                  count: options.synthetic,
                  seed: options.seed,
                  ...(options.workers !== undefined ? { workers: options.workers } : {}),
                  onProgress: progress,
                  onCases: progressBar("synthetic cases"),
                }).catch((error: unknown) => {
                  if (!(error instanceof SyntheticSeedRefused)) throw error;
                  progress(error.message);
                  process.exitCode = 1;
                  return undefined;
                });
          return { ...reference, ...(demo ? { demo } : {}), ...(synthetic ? { synthetic } : {}) };
        });
        if (options.json) printJson(result);
      },
    );
}

async function seedDemoData(services: Services) {
  const registry = await seedDemo({ services, actor: cliActor(), onProgress: progress });
  // After the registry: the demo cases cite its instruments (the KH-RU treaty).
  const cases = await seedDemoCases({ services, actor: cliActor(), onProgress: progress });
  // After the cases: the engagements' action items belong to demo teams, and their
  // outcomes sign the registry's instruments.
  const engagements = await seedDemoEngagements({ services, actor: cliActor(), onProgress: progress });
  return { ...registry, ...cases, engagements };
}

function wholeNumber(value: string): number {
  if (!/^\d{1,10}$/.test(value)) throw new InvalidArgumentError("Not a whole number.");
  return Number(value);
}
