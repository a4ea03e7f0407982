import type { Executor } from "../../db/client.js";
import type { CaseEvent } from "../../domain/cases/model.js";

/**
 * What other features keep in step with a case's events, in the transaction that writes
 * them: the statistic rows of the reports feature (src/server/reports/case-statistics-hook.ts).
 * The cases feature depends on none of them; they register here when a process is put
 * together (buildApp for the server and the tests, openRuntime for every command), as
 * features register their notification subjects with the notifications feature.
 */
export type CaseStreamHook = {
  /** Registering the same name again replaces the hook. */
  name: string;
  /** After events were appended to a case: its whole stream, the new events last. */
  appended(executor: Executor, caseId: string, events: readonly CaseEvent[]): Promise<void>;
  /** After an import wrote whole streams. */
  imported(
    executor: Executor,
    streams: readonly { caseId: string; events: readonly CaseEvent[] }[],
  ): Promise<void>;
};

const hooks = new Map<string, CaseStreamHook>();

export function registerCaseStreamHook(hook: CaseStreamHook): void {
  hooks.set(hook.name, hook);
}

export function caseStreamHooks(): readonly CaseStreamHook[] {
  return [...hooks.values()];
}
