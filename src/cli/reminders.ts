import type { Command } from "commander";
import { isIsoDate, isoDateOrNull } from "../domain/platform/dates.js";
import { sendDeadlineReminders } from "../server/cases/send-deadline-reminders.js";
import { sendActionReminders } from "../server/engagements/send-action-reminders.js";
import { sendTermReminders } from "../server/registry/send-term-reminders.js";
import { printJson, progress } from "./output.js";
import { withRuntime } from "./with-runtime.js";

export function registerReminders(program: Command): void {
  program
    .command("reminders")
    .description(
      "Write the reminders and overdue notices due today now, as the server's hourly jobs do: case deadlines, action items, instruments' terms (running it again writes nothing new)",
    )
    .option("--today <date>", "the day to compute for (YYYY-MM-DD); default: the office's today")
    .option("--json", "print the result as JSON")
    .action(async (options: { today?: string; json?: boolean }) => {
      if (options.today !== undefined && !isIsoDate(options.today)) {
        progress(`--today "${options.today}" is not a date as YYYY-MM-DD.`);
        process.exitCode = 2;
        return;
      }
      const today = isoDateOrNull(options.today) ?? undefined;
      const runs = await withRuntime({}, async (runtime) => {
        const services = runtime.services;
        // One after the other: each is one transaction of its own, as the server's jobs are.
        const deadlines = await sendDeadlineReminders({ services, today });
        const actionItems = await sendActionReminders({ services, today });
        const terms = await sendTermReminders({ services, today });
        return { deadlines, actionItems, terms };
      });
      if (options.json) printJson(runs);
      else {
        const { deadlines, actionItems, terms } = runs;
        progress(
          `Deadline reminders for ${deadlines.today}: ${deadlines.casesRead} cases with a deadline near or past, ${deadlines.notices} notices due, ${deadlines.written} notifications written.`,
        );
        progress(
          `Action item reminders for ${actionItems.today}: ${actionItems.itemsRead} open items due soon or overdue, ${actionItems.notices} notices due, ${actionItems.written} notifications written.`,
        );
        progress(
          `Term reminders for ${terms.today}: ${terms.instrumentsRead} instruments whose term ends near, ${terms.notices} notices due, ${terms.written} notifications written.`,
        );
      }
    });
}
