import { userInfo } from "node:os";
import { loadConfig } from "../server/platform/config.js";
import type { Actor, Caller, Services } from "../server/platform/operation.js";
import { openRuntime, type Runtime } from "../server/runtime.js";
import { progress } from "./output.js";

/**
 * Runs a command against Comity's database whether or not the server is running: the
 * running embedded database is used if there is one, else it is started for the
 * duration of the command (and stopped after). Nothing here starts a second server on
 * the same data folder.
 */
export async function withRuntime<T>(
  options: { migrate?: boolean; seed?: boolean },
  work: (runtime: Runtime) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const runtime = await openRuntime(config, {
    role: "command",
    migrate: options.migrate ?? true,
    seed: options.seed ?? false,
    log: progress,
  });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

/** Actions taken from the command line are recorded as the operating-system user. */
export function cliActor(): Actor {
  return { kind: "cli", osUser: userInfo().username };
}

export const CLI_ORIGIN = { requestId: null, sourceIp: null, userAgent: "comity-cli" };

/** The caller of an operation run from the command line: `changeUserStatus({ ...cliCaller(services), ... })`. */
export function cliCaller(services: Services): Caller {
  return { services, actor: cliActor(), origin: CLI_ORIGIN };
}
