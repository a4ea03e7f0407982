import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  anyEventInputArbitrary,
  directionArbitrary,
  envelope,
  eventInputArbitrary,
  exampleHeader,
  kindArbitrary,
  opening,
} from "../../../test/support/cases-fixtures.js";
import {
  CASE_EVENT_TYPES,
  type CaseEvent,
  type CaseEventInput,
  type CaseEventType,
  caseEventInputSchema,
} from "./model.js";
import { applyEvent, IllegalCaseStream, projectCase } from "./projection.js";
import type { CaseProjection } from "./schemas.js";
import { allowedEventTypes, checkTransition, statusesFor } from "./state-machine.js";
import type { CaseKind, Direction } from "./vocabulary.js";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Events that end a case early or only add to it: walks favour the others, to reach surrender and execution. */
const SIDE_EVENTS: readonly CaseEventType[] = [
  "withdrawn",
  "closed",
  "header_amended",
  "facts_amended",
  "correspondence_logged",
  "document_added",
  "consultation_held",
  "assurance_recorded",
];

type Walk = { events: CaseEvent[]; projections: CaseProjection[] };

/**
 * A random life of a case: at each step an event either of a type the case allows now
 * (so that walks go deep: surrender, execution, reopening) or of any type at all (so that
 * illegal events are tried everywhere), with a random payload that may name facts that do
 * not exist. Every step is checked against the properties; accepted events are kept.
 */
function walk(kind: CaseKind, direction: Direction, generate: fc.GeneratorValue, steps: number): Walk {
  const first = envelope(opening(exampleHeader(kind, direction)), 1);
  let projection = deepFreeze(applyEvent(null, first));
  const events: CaseEvent[] = [first];
  const projections = [projection];
  const reachable = statusesFor(kind, direction);
  for (let step = 0; step < steps; step++) {
    const allowed = allowedEventTypes(projection);
    const onward = allowed.filter((type) => !SIDE_EVENTS.includes(type));
    const mode = generate(() => fc.integer({ min: 0, max: 4 }));
    const choices = mode >= 2 && onward.length > 0 ? onward : mode === 1 ? allowed : [];
    const input: CaseEventInput =
      choices.length > 0
        ? generate(() => fc.constantFrom(...choices).chain((type) => eventInputArbitrary(type)))
        : generate(() => anyEventInputArbitrary);
    const check = checkTransition(projection, input);
    const event = envelope(input, projection.version + 1);
    const before = projection;
    const snapshot = structuredClone(before);
    if (check.ok) {
      expect(allowed).toContain(input.type);
      const next = deepFreeze(applyEvent(projection, event));
      expect(next.status).toBe(check.status);
      expect(reachable).toContain(next.status);
      expect(next.version).toBe(event.sequence);
      events.push(event);
      projections.push(next);
      projection = next;
    } else {
      let error: unknown;
      try {
        applyEvent(projection, event);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(IllegalCaseStream);
      expect((error as IllegalCaseStream).reason).toBe(check.code);
      expect(check.message).toMatch(/^[A-Z"].*\.$/);
    }
    // Frozen, so a mutation would have thrown; still equal, so nothing was replaced either.
    expect(before).toEqual(snapshot);
  }
  return { events, projections };
}

describe("random lives of a case", () => {
  it("never reach a status outside the machine's, refuse illegal events without a trace, and replay exactly", () => {
    fc.assert(
      fc.property(kindArbitrary, directionArbitrary, fc.gen(), (kind, direction, generate) => {
        const { events, projections } = walk(kind, direction, generate, 40);
        const last = projections.at(-1)!;
        // Replay: the whole stream gives the fold's result, and every prefix the step's.
        expect(projectCase(events)).toEqual(last);
        const folded = events.reduce<CaseProjection | null>(
          (projection, event) => applyEvent(projection, event),
          null,
        );
        expect(folded).toEqual(last);
        const middle = Math.floor(events.length / 2);
        expect(projectCase(events.slice(0, middle + 1))).toEqual(projections[middle]);
      }),
      { numRuns: 100 },
    );
  });

  it("give the same status and projection for the same accepted events, every time", () => {
    fc.assert(
      fc.property(kindArbitrary, directionArbitrary, fc.gen(), (kind, direction, generate) => {
        const { events } = walk(kind, direction, generate, 25);
        const once = projectCase(events);
        const twice = projectCase(structuredClone(events));
        expect(twice).toEqual(once);
        expect(twice.status).toBe(once.status);
      }),
      { numRuns: 60 },
    );
  });

  it("refuse whatever the case does not offer, whatever the payload", () => {
    fc.assert(
      fc.property(kindArbitrary, directionArbitrary, fc.gen(), (kind, direction, generate) => {
        const { projections } = walk(kind, direction, generate, 15);
        const projection = projections.at(-1)!;
        const offered = allowedEventTypes(projection);
        for (const type of CASE_EVENT_TYPES.filter((type) => !offered.includes(type))) {
          const input = generate(() => eventInputArbitrary(type));
          expect(checkTransition(projection, input).ok).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("are generated from payloads the schemas accept", () => {
    fc.assert(
      fc.property(anyEventInputArbitrary, (input) => {
        const parsed = caseEventInputSchema.safeParse(input);
        expect(parsed.error?.issues ?? []).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
