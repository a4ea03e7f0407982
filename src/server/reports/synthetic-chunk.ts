import { randomUUID } from "node:crypto";
import { caseColumns } from "../../db/cases/cases.repository.js";
import {
  caseCopyLine,
  caseEventCopyLine,
  caseStatisticCopyLine,
} from "../../db/reports/bulk-load.repository.js";
import type { CaseEvent, CaseEventInput } from "../../domain/cases/model.js";
import { applyEvent } from "../../domain/cases/projection.js";
import type { CaseProjection } from "../../domain/cases/schemas.js";
import { checkTransition } from "../../domain/cases/state-machine.js";
import type { Instant, IsoDate } from "../../domain/platform/dates.js";
import { statisticRowsOf } from "../../domain/reports/statistic-rows.js";
import { type EvaluationInputs, nextDeadlineOn } from "../cases/evaluate-case.js";
import { clockRulesOf, deadlinesOf, type GeneratorContext, syntheticCase } from "../cases/synthetic-cases.js";

/** What every chunk of a synthetic load is made from. */
export type ChunkSetup = {
  context: GeneratorContext;
  seed: number;
  /** The rules, the holiday calendars and the registry, for the deadlines. */
  inputs: EvaluationInputs;
};

/** Cases [from, to) as COPY text for cases, case_events and case_statistics, with counts. */
export type PreparedChunk = {
  from: number;
  to: number;
  cases: Uint8Array;
  events: Uint8Array;
  statistics: Uint8Array;
  eventCount: number;
  statisticCount: number;
  withNextDeadline: number;
};

const encoder = new TextEncoder();

/**
 * Cases [from, to) of the seed's history, each as `comity cases import` would store it:
 * the stream replayed through the state machine of its kind (an illegal step is a bug of
 * the generator and throws), the row projected from it (caseColumns), its deadlines from
 * the clock engine with the rules of its legal basis (what evaluateWith gives; the
 * checker's findings are not stored, so they are not computed), and its statistic rows
 * (statisticRowsOf), all with a new case id.
 *
 * The generator's output is what the API's schemas would make of it (defaults included):
 * synthetic-cases.test.ts parses thousands of cases to hold it to that, so the load does
 * not parse each one again.
 *
 * Events are recorded on the day they happened (08:00 UTC for the opening, 09:MM after),
 * as if the office had used Comity all along.
 */
export function prepareChunk(setup: ChunkSetup, from: number, to: number): PreparedChunk {
  const { context, seed, inputs } = setup;
  const clockRules = clockRulesOf(inputs);
  const cases: string[] = [];
  const events: string[] = [];
  const statistics: string[] = [];
  let eventCount = 0;
  let statisticCount = 0;
  let withNextDeadline = 0;
  for (let index = from; index < to; index++) {
    const generated = syntheticCase(context, seed, index);
    const stream = syntheticStream(generated);
    let projection: CaseProjection | null = null;
    for (const [position, event] of stream.entries()) {
      const check = checkTransition(projection, event);
      if (!check.ok)
        throw new Error(
          `synthetic case ${generated.header.reference}, event ${position + 1} (${event.type}): ${check.message}`,
        );
      projection = applyEvent(projection, event);
    }
    const header = projection!.header;
    const deadlines = deadlinesOf(inputs, clockRules, header, stream, context.today);
    const next = nextDeadlineOn(deadlines);
    if (next !== null) withNextDeadline += 1;
    const id = randomUUID();
    cases.push(
      caseCopyLine(
        id,
        { ...caseColumns(projection!), deadlines, nextDeadlineOn: next },
        stream[0]!.recordedAt,
        stream.at(-1)!.recordedAt,
      ),
    );
    for (const event of stream) events.push(caseEventCopyLine(id, event));
    eventCount += stream.length;
    for (const row of statisticRowsOf(stream)) statistics.push(caseStatisticCopyLine(id, row));
    statisticCount = statistics.length;
  }
  return {
    from,
    to,
    cases: encoder.encode(cases.join("")),
    events: encoder.encode(events.join("")),
    statistics: encoder.encode(statistics.join("")),
    eventCount,
    statisticCount,
    withNextDeadline,
  };
}

/** The stored stream of a synthetic case: `opened` then its events, with their envelopes. */
export function syntheticStream(generated: ReturnType<typeof syntheticCase>): CaseEvent[] {
  const inputs: CaseEventInput[] = [
    {
      type: "opened",
      payload: { header: generated.header, facts: generated.facts, on: generated.openedOn },
    },
    ...generated.events,
  ];
  return inputs.map(
    (input, position) =>
      ({
        ...input,
        sequence: position + 1,
        // Made from dates the generator took from dates.ts: well-formed by construction.
        recordedAt: (input.type === "opened"
          ? `${generated.openedOn}T08:00:00.000Z`
          : `${(input.payload as { on: IsoDate }).on}T09:${String(Math.min(position, 59)).padStart(2, "0")}:00.000Z`) as Instant,
        actorId: null,
      }) as CaseEvent,
  );
}
