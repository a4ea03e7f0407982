import type { Command } from "commander";
import { todayIn } from "../domain/platform/dates.js";
import { resolveQuerySchema } from "../domain/registry/schemas.js";
import { loadConfig } from "../server/platform/config.js";
import { resolveLegalBasis } from "../server/registry/resolve-legal-basis.js";
import { printJson, printTable, progress } from "./output.js";
import { withRuntime } from "./with-runtime.js";

export function registerResolve(program: Command): void {
  program
    .command("resolve <requesting> <requested>")
    .description(
      "Legal basis between two states: every candidate instrument, ranked, with the reason it applies or not",
    )
    .requiredOption(
      "--kind <kind>",
      "extradition | mla | asset_recovery | transfer_of_proceedings | transfer_of_sentenced_persons | preservation_of_data",
    )
    .option("--date <date>", "YYYY-MM-DD (default: today)")
    .option(
      "--nationality <state>",
      "for extradition: the person's nationality (applies own-nationals reservations)",
    )
    .option("--json", "print the result as JSON")
    .action(
      async (
        requesting: string,
        requested: string,
        options: { kind: string; date?: string; nationality?: string; json?: boolean },
      ) => {
        const parsed = resolveQuerySchema.safeParse({
          requesting: requesting.toUpperCase(),
          requested: requested.toUpperCase(),
          kind: options.kind.replaceAll("-", "_"),
          // Today is the office's (COMITY_TIME_ZONE), as on the server.
          date: options.date ?? todayIn(loadConfig().timeZone),
          ...(options.nationality ? { nationality: options.nationality.toUpperCase() } : {}),
        });
        if (!parsed.success) {
          for (const issue of parsed.error.issues)
            progress(`${issue.path.join(".") || "input"}: ${issue.message}`);
          process.exit(2);
        }
        const query = parsed.data;
        const result = await withRuntime({ migrate: false }, (runtime) =>
          resolveLegalBasis({
            services: runtime.services,
            query: { ...query, personNationality: query.nationality },
          }),
        );
        if (options.json) return printJson(result);
        process.stdout.write(
          `${query.requesting} -> ${query.requested}, ${query.kind.replaceAll("_", " ")}, on ${query.date}:\n`,
        );
        printTable(
          result.candidates.map((candidate) => ({
            rank: candidate.rank,
            cite: candidate.recommended ? "=>" : "",
            instrument: candidate.instrument?.code ?? "RECIPROCITY",
            kind: candidate.instrument?.kind ?? "",
            binding: candidate.instrument ? (candidate.instrument.binding ? "yes" : "no") : "",
            status: candidate.status.replaceAll("_", " "),
            reason: candidate.explanation,
          })),
        );
        const titles = result.candidates
          .filter((candidate) => candidate.instrument)
          .map((candidate) => `  ${candidate.instrument!.code}: ${candidate.instrument!.titleEn}`);
        if (titles.length > 0) process.stdout.write(`\n${titles.join("\n")}\n`);
      },
    );
}
