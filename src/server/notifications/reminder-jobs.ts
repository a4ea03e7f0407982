import type { Transaction } from "../../db/client.js";
import { appendAudit } from "../../db/platform/audit.repository.js";
import type { AuditDetails } from "../../domain/platform/audit-chain.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import type { JobDefinition } from "../platform/jobs.js";
import { auditRecord, type Services } from "../platform/operation.js";

/**
 * What the reminder jobs share (the cases' deadlines, the engagements' action items, the
 * registry's terms): one audit entry by the system when a run wrote notifications, and
 * the job as the runner schedules it.
 */

/** What every reminder run is called with. */
export type ReminderRunOptions = {
  services: Services;
  /** The day to run for; default: the office's today. */
  today?: IsoDate | undefined;
};

/** What every reminder run answers: the day it ran for and how many notifications it wrote. */
export type ReminderRunResult = { today: string; written: number };

/** Records, in the run's transaction, that a reminder job wrote notifications (nothing when it wrote none). */
export async function auditReminderRun(
  tx: Transaction,
  services: Services,
  job: { name: string; eventType: string },
  run: ReminderRunResult & AuditDetails,
): Promise<void> {
  if (run.written === 0) return;
  await appendAudit(tx, services.secrets.auditChainKey, [
    auditRecord(
      services,
      {
        eventType: job.eventType,
        objectType: "notification",
        actor: { kind: "system" },
        origin: { requestId: null, sourceIp: null, userAgent: `comity-job:${job.name}` },
      },
      { details: { ...run } },
    ),
  ]);
}

/**
 * A reminder job as the runner schedules it (src/server/platform/jobs.ts): on `cron`
 * (COMITY_REMINDER_CRON) and once at start; a run that wrote something says so in the log.
 */
export function reminderJob<Run extends ReminderRunResult>(options: {
  name: string;
  cron: string | null;
  run: () => Promise<Run>;
  /** The log line of a run that wrote notifications. */
  describe: (run: Run) => string;
  log?: (message: string) => void;
}): JobDefinition {
  const { name, cron, run, describe, log = () => undefined } = options;
  return {
    name,
    cron,
    runAtStart: true,
    async run() {
      const result = await run();
      if (result.written > 0) log(describe(result));
      return result;
    },
  };
}
