import { existsSync } from "node:fs";
import path from "node:path";
import { webDistDir } from "../db/project-paths.js";
import { type App, buildApp } from "./app.js";
import { deadlineRemindersJob } from "./cases/send-deadline-reminders.js";
import { actionRemindersJob } from "./engagements/send-action-reminders.js";
import { createCheckpoint } from "./platform/audit/create-checkpoint.js";
import type { Config } from "./platform/config.js";
import { type JobRunner, startJobRunner } from "./platform/jobs.js";
import { issueSetupLinkIfNeeded, type SetupLink } from "./platform/users/issue-setup-link-if-needed.js";
import { termRemindersJob } from "./registry/send-term-reminders.js";
import { openRuntime, type Runtime } from "./runtime.js";

export type RunningServer = {
  app: App;
  runtime: Runtime;
  /** The background jobs (pg-boss), unless started without them. */
  jobs: JobRunner | null;
  url: string;
  setupLink: SetupLink | null;
  close(): Promise<void>;
};

export type StartServerOptions = {
  /** Run the background jobs (pg-boss) in this process: true for `comity serve`. */
  jobs?: boolean;
};

/**
 * `comity serve`: database up (embedded or DATABASE_URL), migrations, reference data,
 * then the API and the web app on one port, and the background jobs (pg-boss, in the
 * same database). close() stops the jobs (waiting for one in progress), drains requests,
 * writes a last audit checkpoint and stops the embedded database if this process owns it.
 */
export async function startServer(
  config: Config,
  log: (message: string) => void,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const runtime = await openRuntime(config, { role: "server", migrate: true, seed: true, log });
  const hasWeb = existsSync(path.join(webDistDir, "index.html"));
  if (!hasWeb) log("The web app is not built (dist/web); serving the API only. Run `npm run build`.");
  let app: App | undefined;
  let jobs: JobRunner | null = null;
  try {
    app = await buildApp(runtime.services, { webDir: hasWeb ? webDistDir : null });
    await app.listen({ port: config.port, host: config.host });
    if (options.jobs ?? true)
      jobs = await startJobRunner(
        runtime.services,
        // The reminder jobs share one schedule: deadlines of cases, action items, instruments' terms.
        [
          deadlineRemindersJob(runtime.services, config.reminderCron, log),
          actionRemindersJob(runtime.services, config.reminderCron, log),
          termRemindersJob(runtime.services, config.reminderCron, log),
        ],
        { log },
      );
  } catch (error) {
    await app?.close();
    await runtime.close();
    throw error;
  }
  const setupLink = await issueSetupLinkIfNeeded({ services: runtime.services });

  const checkpointTimer =
    config.auditCheckpointMs > 0
      ? setInterval(() => {
          createCheckpoint({ services: runtime.services }).catch((error: unknown) =>
            app.log.error({ err: error }, "audit checkpoint failed"),
          );
        }, config.auditCheckpointMs)
      : null;
  checkpointTimer?.unref();

  let closing: Promise<void> | null = null;
  return {
    app,
    runtime,
    jobs,
    url: config.publicUrl,
    setupLink,
    close() {
      closing ??= (async () => {
        if (checkpointTimer) clearInterval(checkpointTimer);
        await jobs?.stop().catch((error: unknown) => log(`Stopping the jobs: ${(error as Error).message}`));
        await app.close();
        await createCheckpoint({ services: runtime.services }).catch(() => null);
        await runtime.close();
      })();
      return closing;
    },
  };
}
