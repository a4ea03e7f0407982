import { listCaseEvents } from "../../db/cases/cases.repository.js";
import type { CaseEventView } from "../../domain/cases/schemas.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { loadCaseActor, openCase } from "./authorize.js";
import { toCaseEventView } from "./views.js";

export type ListEventsOfCaseOptions = Caller & { reference: string };

/** The whole stream of a case, oldest first, if the user may read the case; recorded. */
export async function listEventsOfCase({
  services,
  actor,
  origin,
  reference,
}: ListEventsOfCaseOptions): Promise<{ events: CaseEventView[]; version: number }> {
  return runOperation(
    services,
    { eventType: "case.events_read", objectType: "case", objectId: reference, actor, origin },
    async (context) => {
      const row = await openCase(context, await loadCaseActor(context), reference, "read");
      const events = await listCaseEvents(context.tx, row.id);
      context.note({ details: { events: events.length } });
      return { events: events.map(toCaseEventView), version: row.version };
    },
  );
}
