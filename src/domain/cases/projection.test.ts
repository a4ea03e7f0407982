import { describe, expect, it } from "vitest";
import {
  caseStream,
  envelope,
  eventInput,
  exampleFacts,
  exampleHeader,
  opening,
} from "../../../test/support/cases-fixtures.js";
import { caseEventInputSchema, caseEventPayloads } from "./model.js";
import { applyEvent, IllegalCaseStream, projectCase } from "./projection.js";
import type { CaseProjection } from "./schemas.js";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function thrown(run: () => unknown): IllegalCaseStream {
  try {
    run();
  } catch (error) {
    if (error instanceof IllegalCaseStream) return error;
    throw error;
  }
  throw new Error("expected an IllegalCaseStream");
}

const mlaIncoming = [
  opening(exampleHeader("mla", "incoming")),
  eventInput("received", { on: "2025-01-20", channel: "diplomatic" }),
  eventInput("registered", { on: "2025-01-21" }),
];

describe("projecting a case", () => {
  it("starts from the opening: header, facts, initial status, envelope dates", () => {
    const projection = projectCase(caseStream([opening(exampleHeader("extradition", "outgoing"))]));
    expect(projection).toMatchObject({
      status: "draft",
      version: 1,
      openedOn: "2025-01-10",
      openedBy: "user-1",
      receivedOn: null,
      decision: null,
      lastEventOn: null,
      lastRecordedAt: "2025-01-10T09:00:00.000Z",
      detention: { custody: [], inCustody: false, consentedOn: null },
    });
    expect(projection.facts).toEqual(exampleFacts());
    expect(projectCase(caseStream(mlaIncoming)).detention).toBeNull();
  });

  it("keeps the latest legal date, whatever order the events were recorded in", () => {
    const projection = projectCase(
      caseStream([
        ...mlaIncoming,
        eventInput("correspondence_logged", {
          on: "2025-01-05",
          direction: "in",
          channel: "email",
          summary: "Advance copy received by e-mail",
        }),
      ]),
    );
    expect(projection.lastEventOn).toBe("2025-01-21");
    expect(projection.correspondence).toEqual([
      {
        on: "2025-01-05",
        direction: "in",
        channel: "email",
        counterpart: null,
        summary: "Advance copy received by e-mail",
        sequence: 4,
      },
    ]);
  });

  it("keeps measure statuses, asset stages and consent from the events when the facts are amended", () => {
    const facts = exampleFacts();
    const stale = {
      ...facts,
      measures: [
        ...facts.measures,
        {
          id: "m3",
          kind: "search_and_seizure" as const,
          description: "Search of the office",
          status: "requested" as const,
        },
      ],
      personConsented: false,
    };
    const projection = projectCase(
      caseStream([
        opening(exampleHeader("extradition", "incoming")),
        eventInput("consent_recorded", { on: "2025-01-15", personId: "p1" }),
        eventInput("received", { on: "2025-01-16" }),
        eventInput("registered", { on: "2025-01-16" }),
        eventInput("assigned", { on: "2025-01-17" }),
        eventInput("decided", { on: "2025-01-20", outcome: "granted", grounds: [] }),
        eventInput("measure_status_changed", { on: "2025-01-25", measureId: "m1", status: "executed" }),
        eventInput("asset_stage_changed", { on: "2025-01-25", assetId: "a1", stage: "frozen" }),
        eventInput("facts_amended", { facts: stale }),
      ]),
    );
    expect(projection.facts.measures.map(({ id, status }) => [id, status])).toEqual([
      ["m1", "executed"],
      ["m2", "requested"],
      ["m3", "requested"],
    ]);
    expect(projection.facts.assets[0]?.stage).toBe("frozen");
    expect(projection.facts.personConsented).toBe(true);
    expect(projection.measureChanges).toEqual([
      {
        on: "2025-01-25",
        measureId: "m1",
        status: "executed",
        executingAuthority: null,
        result: null,
        sequence: 7,
      },
    ]);
  });

  it("amends the header field by field and moves the team on assignment", () => {
    const team = "5b0f6a2e-8c1d-4f3e-9a7b-2c4d6e8f0a1b";
    const projection = projectCase(
      caseStream([
        opening(exampleHeader("mla", "incoming", { confidentiality: "secret", priority: "urgent" })),
        eventInput("header_amended", {
          header: { title: "Blackmail of a construction company", foreignReference: null },
        }),
        eventInput("received", { on: "2025-01-20" }),
        eventInput("registered", { on: "2025-01-21" }),
        eventInput("assigned", { on: "2025-01-22", teamId: team, officer: "A. Smirnova" }),
      ]),
    );
    expect(projection.header).toMatchObject({
      title: "Blackmail of a construction company",
      foreignReference: null,
      confidentiality: "secret",
      priority: "urgent",
      teamId: team,
    });
    expect(projection.assignment).toEqual({ on: "2025-01-22", teamId: team, officer: "A. Smirnova" });
  });

  it("parses a header amendment without the header's defaults, so it cannot lower confidentiality", () => {
    expect(caseEventPayloads.header_amended.parse({ header: { title: "New title" } })).toEqual({
      header: { title: "New title" },
    });
    expect(
      caseEventInputSchema.safeParse({ type: "header_amended", payload: { header: { kind: "mla" } } })
        .success,
    ).toBe(false);
  });

  it("answers every outstanding request for information with one reply", () => {
    const projection = projectCase(
      caseStream([
        ...mlaIncoming,
        eventInput("assigned", { on: "2025-01-22" }),
        eventInput("information_requested", {
          on: "2025-02-01",
          items: ["Translation"],
          dueOn: "2025-03-01",
        }),
        eventInput("information_requested", { on: "2025-02-05", items: ["Certified copy of the order"] }),
        eventInput("information_received", { on: "2025-02-20", note: "Both sent with note 45/2025" }),
      ]),
    );
    expect(projection.status).toBe("under_examination");
    expect(projection.informationRequests).toEqual([
      {
        requestedOn: "2025-02-01",
        items: ["Translation"],
        dueOn: "2025-03-01",
        receivedOn: "2025-02-20",
        answer: "Both sent with note 45/2025",
        sequence: 5,
      },
      {
        requestedOn: "2025-02-05",
        items: ["Certified copy of the order"],
        dueOn: null,
        receivedOn: "2025-02-20",
        answer: "Both sent with note 45/2025",
        sequence: 6,
      },
    ]);
  });
});

describe("streams that no legal history produces", () => {
  it("an empty stream", () => {
    expect(thrown(() => projectCase([]))).toMatchObject({
      reason: "empty",
      sequence: 0,
      code: "illegal_case_stream",
    });
  });

  it("a first event that is not the opening", () => {
    const events = caseStream(mlaIncoming).slice(1);
    expect(thrown(() => projectCase(events))).toMatchObject({ reason: "not_opened_first", sequence: 2 });
  });

  it("a gap or a repeat in the sequence", () => {
    const events = caseStream(mlaIncoming);
    expect(thrown(() => projectCase([events[0]!, events[2]!]))).toMatchObject({
      reason: "sequence_gap",
      sequence: 3,
    });
    expect(thrown(() => projectCase([events[0]!, events[0]!]))).toMatchObject({
      reason: "sequence_gap",
      sequence: 1,
    });
    expect(thrown(() => projectCase([envelope(mlaIncoming[0]!, 2)]))).toMatchObject({
      reason: "sequence_gap",
    });
  });

  it("an illegal transition or reference, with the state machine's message", () => {
    const illegal = caseStream([
      ...mlaIncoming,
      eventInput("decided", { on: "2025-02-01", outcome: "granted", grounds: [] }),
    ]);
    const error = thrown(() => projectCase(illegal));
    expect(error).toMatchObject({ reason: "illegal_transition", sequence: 4, name: "IllegalCaseStream" });
    expect(error.message).toBe(
      'Event 4: An incoming MLA case that is "registered" cannot be "decided"; assign it first.',
    );
    const unknownMeasure = caseStream([
      ...mlaIncoming,
      eventInput("assigned", { on: "2025-01-22" }),
      eventInput("decided", { on: "2025-02-01", outcome: "granted", grounds: [] }),
      eventInput("measure_status_changed", { on: "2025-02-02", measureId: "m7", status: "executed" }),
    ]);
    expect(thrown(() => projectCase(unknownMeasure))).toMatchObject({
      reason: "invalid_reference",
      sequence: 6,
    });
  });

  it("leaves the projection it was given as it was", () => {
    const before: CaseProjection = deepFreeze(projectCase(caseStream(mlaIncoming)));
    const snapshot = structuredClone(before);
    expect(() => applyEvent(before, envelope(eventInput("sent", { on: "2025-01-22" }), 4))).toThrow(
      IllegalCaseStream,
    );
    const after = applyEvent(before, envelope(eventInput("assigned", { on: "2025-01-22" }), 4));
    expect(before).toEqual(snapshot);
    expect(after.status).toBe("under_examination");
  });
});
