import type { Command } from "commander";
import { isIsoDate, isoDateOrNull } from "../domain/platform/dates.js";
import { sendDeadlineReminders } from "../server/cases/send-deadline-reminders.js";
import { printJson, progress } from "./output.js";
import { withRuntime } from "./with-runtime.js";

export function registerReminders(program: Command): void {
  program
    .command("reminders")
    .description(
      "Write the deadline reminders and overdue notices due today now, as the server's hourly job does (running it again writes nothing new)",
    )
    .option("--today <date>", "the day to compute for (YYYY-MM-DD); default: today in UTC")
    .option("--json", "print the result as JSON")
    .action(async (options: { today?: string; json?: boolean }) => {
      if (options.today !== undefined && !isIsoDate(options.today)) {
        progress(`--today "${options.today}" is not a date as YYYY-MM-DD.`);
        process.exitCode = 2;
        return;
      }
      const run = await withRuntime({}, (runtime) =>
        sendDeadlineReminders({
          services: runtime.services,
          today: isoDateOrNull(options.today) ?? undefined,
        }),
      );
      if (options.json) printJson(run);
      else
        progress(
          `Deadline reminders for ${run.today}: ${run.casesRead} cases with a deadline near or past, ${run.notices} notices due, ${run.written} notifications written.`,
        );
    });
}
