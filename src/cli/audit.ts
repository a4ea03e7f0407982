import type { Command } from "commander";
import { createCheckpoint } from "../server/platform/audit/create-checkpoint.js";
import { verifyAudit } from "../server/platform/audit/verify-audit.js";
import { printJson, progress, progressBar } from "./output.js";
import { cliCaller, withRuntime } from "./with-runtime.js";

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("The hash-chained audit trail");

  audit
    .command("verify")
    .description(
      "Verify the chain: sequence, hashes, head and signed checkpoints; exit code 1 if it is broken",
    )
    .option("--checkpoint <file...>", "also check against checkpoint files held elsewhere (JSON lines)")
    .option("--json", "print the result as JSON")
    .action(async (options: { checkpoint?: string[]; json?: boolean }) => {
      const result = await withRuntime({}, (runtime) =>
        verifyAudit({
          ...cliCaller(runtime.services),
          checkpointFiles: options.checkpoint ?? [],
          onProgress: progressBar("verifying audit chain"),
        }),
      );
      if (options.json) printJson(result);
      else if (result.ok) {
        progress(
          `Audit chain OK: ${result.entriesChecked} entries, head ${result.lastSeq}, ${result.checkpointsChecked} checkpoints, ${result.durationMs} ms.`,
        );
      } else {
        progress(
          `Audit chain BROKEN at entry ${result.firstBad?.seq}: ${result.firstBad?.reason} (${result.firstBad?.detail}).`,
        );
      }
      if (!result.ok) process.exitCode = 1;
    });

  audit
    .command("checkpoint")
    .description(
      "Sign the current head now and append it to the checkpoint file (the server does this every few minutes)",
    )
    .option("--json", "print the checkpoint as JSON")
    .action(async (options: { json?: boolean }) => {
      const checkpoint = await withRuntime({}, (runtime) =>
        createCheckpoint({ services: runtime.services, force: true }),
      );
      if (options.json) return printJson(checkpoint);
      if (!checkpoint)
        progress("The audit trail is empty, or another process is checkpointing; nothing signed.");
      else process.stdout.write(`${JSON.stringify(checkpoint)}\n`);
    });
}
