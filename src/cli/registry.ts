import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { partyActionsToCsv } from "../domain/registry/party-csv.js";
import { AppError } from "../server/platform/errors.js";
import { exportPartyActions } from "../server/registry/export-party-actions.js";
import { importPartyActions } from "../server/registry/import-party-actions.js";
import { printJson, progress } from "./output.js";
import { cliCaller, withRuntime } from "./with-runtime.js";

export function registerRegistry(program: Command): void {
  const registry = program.command("registry").description("The registry of instruments");

  registry
    .command("import <file>")
    .description(
      "Import party actions from CSV (instrument,state,action,date,source_url,as_of,verified): all rows or none",
    )
    .option("--instrument <code>", "for a file without an instrument column (one file per instrument)")
    .option("--dry-run", "validate and count, write nothing")
    .option("--json", "print the result as JSON")
    .action(async (file: string, options: { instrument?: string; dryRun?: boolean; json?: boolean }) => {
      const csv = await readFile(file, "utf8");
      progress(`Validating ${file}...`);
      try {
        const result = await withRuntime({}, (runtime) =>
          importPartyActions({
            ...cliCaller(runtime.services),
            csv,
            instrument: options.instrument?.toUpperCase(),
            dryRun: options.dryRun ?? false,
          }),
        );
        if (options.json) return printJson(result);
        progress(
          `${result.dryRun ? "Dry run: would import" : "Imported"} ${result.rows} rows: ${result.inserted} new, ${result.unchanged} already recorded.`,
        );
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== "invalid_csv") throw error;
        if (options.json)
          printJson({ error: { code: error.code, message: error.message, fields: error.fields } });
        else {
          progress(error.message);
          for (const problem of error.fields ?? [])
            process.stderr.write(`  ${problem.path}: ${problem.message}\n`);
        }
        process.exitCode = 1;
      }
    });

  registry
    .command("export")
    .description("Export party actions as CSV (the import format), or as JSON")
    .option("--instrument <code>", "only this instrument")
    .option("--out <file>", "write to a file instead of stdout")
    .option("--json", "JSON rows instead of CSV")
    .action(async (options: { instrument?: string; out?: string; json?: boolean }) => {
      const mapped = await withRuntime({ migrate: false }, (runtime) =>
        exportPartyActions({ services: runtime.services, instrument: options.instrument?.toUpperCase() }),
      );
      const text = options.json
        ? `${JSON.stringify({ partyActions: mapped }, null, 2)}\n`
        : partyActionsToCsv(mapped);
      if (options.out) {
        await writeFile(options.out, text);
        progress(`Wrote ${mapped.length} party actions to ${options.out}.`);
      } else process.stdout.write(text);
    });
}
