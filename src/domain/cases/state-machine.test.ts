import { describe, expect, it } from "vitest";
import {
  caseStream,
  eventInput,
  exampleFacts,
  exampleHeader,
  opening,
} from "../../../test/support/cases-fixtures.js";
import { CASE_EVENT_TYPES, type CaseEventInput } from "./model.js";
import { projectCase } from "./projection.js";
import type { CaseProjection } from "./schemas.js";
import {
  allowedEventTypes,
  allReachableStatuses,
  checkTransition,
  initialStatus,
  STATE_MACHINES,
  statusesFor,
} from "./state-machine.js";
import {
  CASE_KINDS,
  CASE_STATUSES,
  type CaseKind,
  type CaseStatus,
  DIRECTIONS,
  type Direction,
} from "./vocabulary.js";

/** Applies the inputs one by one and returns the status after each. */
function statusesAlong(inputs: CaseEventInput[]): CaseStatus[] {
  const events = caseStream(inputs);
  return events.map((_, index) => projectCase(events.slice(0, index + 1)).status);
}

function projectionOf(inputs: CaseEventInput[]): CaseProjection {
  return projectCase(caseStream(inputs));
}

const received = (on: string) => eventInput("received", { on, channel: "diplomatic" });
const registered = (on: string) => eventInput("registered", { on });
const assigned = (on: string) => eventInput("assigned", { on, officer: "A. Smirnova" });
const decided = (on: string, outcome: "granted" | "partially_granted" | "refused") =>
  eventInput("decided", { on, outcome, grounds: [] });
const measure = (on: string, measureId: string, status: "in_progress" | "executed" | "refused") =>
  eventInput("measure_status_changed", { on, measureId, status });
const closed = (on: string) => eventInput("closed", { on, reason: null });

/** The main path of an assistance request (everything but extradition), by direction. */
function assistancePath(kind: CaseKind, direction: Direction): [CaseEventInput[], CaseStatus[]] {
  const start =
    direction === "incoming"
      ? [received("2025-01-20"), registered("2025-01-21"), assigned("2025-01-22")]
      : [eventInput("sent", { on: "2025-01-20", channel: "central_authority" }), received("2025-02-01")];
  const startStatuses: CaseStatus[] =
    direction === "incoming"
      ? ["received", "received", "registered", "under_examination"]
      : ["draft", "sent", "under_examination"];
  return [
    [
      opening(exampleHeader(kind, direction)),
      ...start,
      eventInput("information_requested", { on: "2025-02-03", items: ["The account holder's identity"] }),
      eventInput("information_received", { on: "2025-02-20" }),
      decided("2025-03-01", "granted"),
      measure("2025-03-05", "m1", "in_progress"),
      measure("2025-03-20", "m1", "executed"),
      measure("2025-03-25", "m2", "refused"),
      closed("2025-04-01"),
    ],
    [
      ...startStatuses,
      "awaiting_information",
      "under_examination",
      "granted",
      "in_execution",
      "in_execution",
      "executed",
      "closed",
    ],
  ];
}

describe("the main path of each kind and direction", () => {
  for (const kind of CASE_KINDS.filter((kind) => kind !== "extradition")) {
    for (const direction of DIRECTIONS) {
      it(`${direction} ${kind}: from ${direction === "incoming" ? "receipt" : "draft"} to execution and closing`, () => {
        const [inputs, expected] = assistancePath(kind, direction);
        expect(statusesAlong(inputs)).toEqual(expected);
        const projection = projectionOf(inputs);
        expect(projection).toMatchObject({
          decidedOn: "2025-03-01",
          executedOn: "2025-03-25",
          closedOn: "2025-04-01",
          version: inputs.length,
        });
        expect(projection.facts.measures.map((measure) => measure.status)).toEqual(["executed", "refused"]);
        expect(projection.informationRequests).toEqual([
          expect.objectContaining({ requestedOn: "2025-02-03", receivedOn: "2025-02-20" }),
        ]);
      });
    }
  }

  it("incoming extradition: receipt, examination, grant, surrender date, surrender, closing", () => {
    const inputs = [
      opening(exampleHeader("extradition", "incoming")),
      received("2025-01-20"),
      registered("2025-01-21"),
      assigned("2025-01-22"),
      eventInput("assurance_recorded", {
        on: "2025-02-10",
        kind: "death_penalty",
        givenBy: "Ministry of Justice of Cambodia",
        text: "The death penalty will not be sought.",
      }),
      decided("2025-03-01", "granted"),
      eventInput("surrender_date_set", { on: "2025-03-10", surrenderOn: "2025-03-24" }),
      eventInput("surrendered", { on: "2025-03-24", personId: "p1" }),
      closed("2025-04-01"),
    ];
    expect(statusesAlong(inputs)).toEqual([
      "received",
      "received",
      "registered",
      "under_examination",
      "under_examination",
      "granted",
      "in_execution",
      "surrendered",
      "closed",
    ]);
    expect(projectionOf(inputs).detention).toMatchObject({
      surrenderOn: "2025-03-24",
      surrenderDateSetOn: "2025-03-10",
      surrenderedOn: "2025-03-24",
    });
  });

  it("outgoing extradition: draft, sent, acknowledged, granted, surrendered to us, closed", () => {
    const inputs = [
      opening(exampleHeader("extradition", "outgoing")),
      eventInput("assurance_recorded", {
        on: "2025-01-15",
        kind: "fair_trial",
        givenBy: "Prosecutor General's Office",
        text: "The person will be tried by an ordinary court.",
      }),
      eventInput("sent", { on: "2025-01-20", channel: "diplomatic" }),
      received("2025-02-01"),
      decided("2025-04-01", "granted"),
      eventInput("surrendered", { on: "2025-04-20", personId: null }),
      closed("2025-05-01"),
    ];
    expect(statusesAlong(inputs)).toEqual([
      "draft",
      "draft",
      "sent",
      "under_examination",
      "granted",
      "surrendered",
      "closed",
    ]);
    expect(projectionOf(inputs)).toMatchObject({ sentOn: "2025-01-20", receivedOn: "2025-02-01" });
  });
});

describe("an incoming extradition opened on a provisional arrest", () => {
  const header = exampleHeader("extradition", "incoming");
  const beforeTheRequest = [
    opening(header),
    eventInput("provisional_arrest", { on: "2025-01-14", personId: "p1", place: "Moscow" }),
    registered("2025-01-15"),
    assigned("2025-01-16"),
  ];

  it("stays received without a receipt date until the formal request arrives", () => {
    const projection = projectionOf(beforeTheRequest);
    expect(projection.status).toBe("under_examination");
    expect(projection.receivedOn).toBeNull();
    expect(projection.detention).toMatchObject({
      inCustody: true,
      arrestedOn: "2025-01-14",
      releasedOn: null,
    });
    expect(allowedEventTypes(projection)).toContain("received");
    expect(allowedEventTypes(projection)).not.toContain("decided");
  });

  it("cannot be decided before the formal request is received", () => {
    const check = checkTransition(projectionOf(beforeTheRequest), decided("2025-02-01", "granted"));
    expect(check).toEqual({
      ok: false,
      code: "illegal_transition",
      message:
        'An incoming extradition case cannot be "decided" before the request\'s receipt is recorded; record "received" with the date it arrived, or the person\'s consent to simplified extradition.',
    });
  });

  it("records the formal request's arrival later, once, and is then decided and surrendered", () => {
    const inputs = [
      ...beforeTheRequest,
      received("2025-02-05"),
      decided("2025-03-01", "granted"),
      eventInput("surrender_date_set", { on: "2025-03-05", surrenderOn: "2025-03-20" }),
      eventInput("surrendered", { on: "2025-03-20", personId: "p1" }),
      closed("2025-03-25"),
    ];
    const projection = projectionOf(inputs);
    expect(projection).toMatchObject({ status: "closed", receivedOn: "2025-02-05", decidedOn: "2025-03-01" });
    expect(projection.detention?.custody).toEqual([
      {
        personId: "p1",
        arrestedOn: "2025-01-14",
        place: "Moscow",
        endedOn: "2025-03-20",
        endedBy: "surrendered",
        releaseReason: null,
      },
    ]);
    expect(projection.detention?.inCustody).toBe(false);
    const again = checkTransition(projectionOf(inputs.slice(0, 5)), received("2025-02-06"));
    expect(again).toMatchObject({
      ok: false,
      code: "illegal_transition",
      message: "The request's receipt is already recorded (on 2025-02-05).",
    });
  });

  it("may be decided without the formal request once the person consents (simplified extradition)", () => {
    const inputs = [
      ...beforeTheRequest,
      eventInput("consent_recorded", { on: "2025-01-20", personId: "p1" }),
      decided("2025-01-25", "granted"),
    ];
    const projection = projectionOf(inputs);
    expect(projection.status).toBe("granted");
    expect(projection.facts.personConsented).toBe(true);
    expect(projection.detention?.consentedOn).toBe("2025-01-20");
  });

  it("releases, re-arrests, and cannot close while the person is in custody", () => {
    const released = eventInput("released", { on: "2025-02-23", personId: "p1", reason: "40 days elapsed" });
    const afterRelease = projectionOf([...beforeTheRequest, released]);
    expect(afterRelease.detention).toMatchObject({
      inCustody: false,
      arrestedOn: "2025-01-14",
      releasedOn: "2025-02-23",
    });
    expect(allowedEventTypes(afterRelease)).not.toContain("released");
    const rearrested = projectionOf([
      ...beforeTheRequest,
      released,
      eventInput("provisional_arrest", { on: "2025-03-01", personId: "p1" }),
      received("2025-03-02"),
      decided("2025-03-10", "refused"),
    ]);
    expect(rearrested.detention).toMatchObject({
      inCustody: true,
      arrestedOn: "2025-03-01",
      releasedOn: null,
    });
    expect(checkTransition(rearrested, closed("2025-03-11"))).toMatchObject({
      ok: false,
      code: "illegal_transition",
      message:
        'An incoming extradition case cannot be "closed" while the person is in custody; record the release or the surrender first.',
    });
    expect(
      checkTransition(
        rearrested,
        eventInput("released", { on: "2025-03-11", personId: "p1", reason: "Extradition refused" }),
      ),
    ).toEqual({ ok: true, status: "refused" });
  });

  it("refuses a second arrest of a person in custody, and a release of no one", () => {
    const arrested = projectionOf(beforeTheRequest);
    expect(
      checkTransition(arrested, eventInput("provisional_arrest", { on: "2025-01-20", personId: "p1" })),
    ).toMatchObject({
      ok: false,
      code: "illegal_transition",
      message: 'Person "p1" is already in custody since 2025-01-14; record the release first.',
    });
    const free = projectionOf([opening(header)]);
    expect(checkTransition(free, eventInput("released", { on: "2025-01-20", reason: "Bail" }))).toMatchObject(
      {
        ok: false,
        code: "invalid_reference",
        message: "No one is in custody in this case: a release needs a prior arrest.",
      },
    );
    expect(allowedEventTypes(free)).not.toContain("released");
  });
});

describe("withdrawal and reopening", () => {
  const decidedAndClosed = [
    opening(exampleHeader("extradition", "incoming")),
    received("2025-01-20"),
    registered("2025-01-21"),
    assigned("2025-01-22"),
    decided("2025-03-01", "refused"),
    closed("2025-03-05"),
  ];

  it("tells what to do with a closed case", () => {
    expect(checkTransition(projectionOf(decidedAndClosed), decided("2025-04-01", "granted"))).toEqual({
      ok: false,
      code: "illegal_transition",
      message: 'An incoming extradition case that is "closed" cannot be "decided"; reopen it first.',
    });
    expect(
      checkTransition(projectionOf(decidedAndClosed), eventInput("facts_amended", { facts: exampleFacts() })),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/cannot have its facts amended; reopen it first\.$/),
    });
  });

  it("reopens a closed case to examination, keeping the earlier decision in the history", () => {
    const reopened = projectionOf([
      ...decidedAndClosed,
      eventInput("reopened", { on: "2025-04-01", reason: "New assurances received" }),
    ]);
    expect(reopened).toMatchObject({
      status: "under_examination",
      decision: null,
      decidedOn: null,
      closedOn: null,
      reopenings: [{ on: "2025-04-01", reason: "New assurances received", sequence: 7 }],
    });
    expect(reopened.decisions).toHaveLength(1);
    const regranted = projectionOf([
      ...decidedAndClosed,
      eventInput("reopened", { on: "2025-04-01", reason: "New assurances received" }),
      decided("2025-04-15", "granted"),
    ]);
    expect(regranted.decision).toMatchObject({ outcome: "granted", on: "2025-04-15" });
    expect(regranted.decisions.map((decision) => decision.outcome)).toEqual(["refused", "granted"]);
  });

  it("withdraws an open case, files letters in it, closes it and reopens it", () => {
    const inputs = [
      opening(exampleHeader("mla", "incoming")),
      received("2025-01-20"),
      registered("2025-01-21"),
      assigned("2025-01-22"),
      eventInput("information_requested", { on: "2025-02-01", items: ["Translation of the annex"] }),
      eventInput("withdrawn", { on: "2025-02-10", reason: "The requesting state withdrew the request" }),
      eventInput("correspondence_logged", {
        on: "2025-02-12",
        direction: "in",
        channel: "diplomatic",
        summary: "Note verbale confirming the withdrawal",
      }),
      closed("2025-02-15"),
      eventInput("document_added", {
        on: "2025-02-20",
        documentId: "0b8f6c4e-1c1e-4d4b-9a55-3f8f2b1d0a01",
        name: "note-verbale.pdf",
        sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      }),
      eventInput("reopened", { on: "2025-03-01", reason: "Withdrawal revoked" }),
    ];
    expect(statusesAlong(inputs).slice(4)).toEqual([
      "awaiting_information",
      "withdrawn",
      "withdrawn",
      "closed",
      "closed",
      "under_examination",
    ]);
    const withdrawn = projectionOf(inputs.slice(0, 6));
    expect(withdrawn).toMatchObject({ withdrawnOn: "2025-02-10" });
    expect(checkTransition(withdrawn, eventInput("facts_amended", { facts: exampleFacts() }))).toMatchObject({
      ok: false,
      message: 'An incoming MLA case that is "withdrawn" cannot have its facts amended; reopen it first.',
    });
    expect(projectionOf(inputs)).toMatchObject({ withdrawnOn: null, closedOn: null });
  });

  it("does not reopen an outgoing draft that was never sent", () => {
    const abandoned = projectionOf([
      opening(exampleHeader("mla", "outgoing")),
      eventInput("withdrawn", { on: "2025-01-10", reason: "Evidence obtained at home" }),
    ]);
    expect(
      checkTransition(abandoned, eventInput("reopened", { on: "2025-02-01", reason: "Needed after all" })),
    ).toEqual({
      ok: false,
      code: "illegal_transition",
      message: 'An outgoing MLA case that was never sent cannot be "reopened"; open a new draft instead.',
    });
  });

  it("does not withdraw a refused or executed request", () => {
    const refused = projectionOf(decidedAndClosed.slice(0, 5));
    expect(
      checkTransition(refused, eventInput("withdrawn", { on: "2025-03-02", reason: "Too late" })),
    ).toMatchObject({
      ok: false,
      code: "illegal_transition",
    });
    expect(allowedEventTypes(refused)).toEqual(
      expect.arrayContaining(["closed", "correspondence_logged", "follow_up_opened"]),
    );
  });
});

describe("refusals name what to do", () => {
  it("points to the missing steps", () => {
    const fresh = projectionOf([opening(exampleHeader("mla", "incoming"))]);
    expect(checkTransition(fresh, decided("2025-01-25", "granted"))).toEqual({
      ok: false,
      code: "illegal_transition",
      message:
        'An incoming MLA case that is "received" cannot be "decided"; register it and assign it first.',
    });
  });

  it("says when an event does not belong to the kind at all", () => {
    const fresh = projectionOf([opening(exampleHeader("mla", "incoming"))]);
    expect(checkTransition(fresh, eventInput("surrendered", { on: "2025-01-25" }))).toEqual({
      ok: false,
      code: "illegal_transition",
      message: '"surrendered" does not apply to an incoming MLA case.',
    });
  });

  it("lists what is allowed when no forward path leads there", () => {
    const refused = projectionOf([
      opening(exampleHeader("mla", "outgoing")),
      eventInput("sent", { on: "2025-01-20" }),
      decided("2025-03-01", "refused"),
    ]);
    const check = checkTransition(refused, eventInput("sent", { on: "2025-03-02" }));
    expect(check).toMatchObject({ ok: false, code: "illegal_transition" });
    expect(check.ok || check.message).toMatch(
      /^An outgoing MLA case that is "refused" cannot be "sent"\. Allowed now: /,
    );
  });

  it("refuses a second opening and a first event that is not an opening", () => {
    const fresh = projectionOf([opening(exampleHeader("mla", "incoming"))]);
    expect(checkTransition(fresh, opening(exampleHeader("mla", "incoming")))).toMatchObject({
      ok: false,
      message: "Case MLA-IN-2025-00017 is already opened; it cannot be opened again.",
    });
    expect(checkTransition(null, received("2025-01-01"))).toMatchObject({
      ok: false,
      code: "illegal_transition",
    });
    expect(checkTransition(null, opening(exampleHeader("mla", "outgoing")))).toEqual({
      ok: true,
      status: "draft",
    });
  });
});

describe("invalid references", () => {
  const granted = [
    opening(exampleHeader("asset_recovery", "incoming")),
    received("2025-01-20"),
    registered("2025-01-21"),
    assigned("2025-01-22"),
    decided("2025-03-01", "granted"),
  ];
  const stage = (
    assetId: string,
    to: "traced" | "frozen" | "confiscated" | "returned" | "released" | "identified",
  ) => eventInput("asset_stage_changed", { on: "2025-03-10", assetId, stage: to });
  const refusal = (inputs: CaseEventInput[], input: CaseEventInput) =>
    checkTransition(projectionOf(inputs), input);

  it("a measure that is not in the facts", () => {
    expect(refusal(granted, measure("2025-03-05", "m9", "executed"))).toEqual({
      ok: false,
      code: "invalid_reference",
      message: 'Measure "m9" is not among the case\'s measures.',
    });
  });

  it("a settled measure, or one sent back to requested", () => {
    const executed = [...granted, measure("2025-03-05", "m1", "executed")];
    expect(refusal(executed, measure("2025-03-06", "m1", "in_progress"))).toMatchObject({
      code: "invalid_reference",
      message: 'Measure "m1" is already "executed"; a settled measure does not change.',
    });
    expect(
      refusal(
        granted,
        eventInput("measure_status_changed", { on: "2025-03-06", measureId: "m2", status: "requested" }),
      ),
    ).toMatchObject({ code: "invalid_reference", message: 'Measure "m2" cannot go back to "requested".' });
  });

  it("an unknown asset, and an asset stage going backwards", () => {
    expect(refusal(granted, stage("a9", "frozen"))).toMatchObject({
      code: "invalid_reference",
      message: 'Asset "a9" is not among the case\'s assets.',
    });
    const frozen = [...granted, stage("a1", "frozen")];
    expect(projectionOf(frozen).status).toBe("in_execution");
    expect(refusal(frozen, stage("a1", "traced"))).toMatchObject({
      code: "invalid_reference",
      message: 'Asset "a1" is "frozen" and cannot go back to "traced" (trace, freeze, confiscate, return).',
    });
    expect(refusal(frozen, stage("a1", "released"))).toEqual({ ok: true, status: "in_execution" });
    expect(refusal(frozen, stage("a1", "frozen"))).toEqual({ ok: true, status: "in_execution" });
    const returned = [...frozen, stage("a1", "confiscated"), stage("a1", "returned")];
    expect(projectionOf(returned).facts.assets[0]?.stage).toBe("returned");
    expect(refusal(returned, stage("a1", "released"))).toMatchObject({
      code: "invalid_reference",
      message: 'Asset "a1" is already "returned"; it does not change again.',
    });
  });

  it("a person who is not in the facts", () => {
    const extradition = [opening(exampleHeader("extradition", "incoming"))];
    expect(
      refusal(extradition, eventInput("provisional_arrest", { on: "2025-01-14", personId: "p9" })),
    ).toEqual({
      ok: false,
      code: "invalid_reference",
      message: 'Person "p9" is not among the case\'s persons.',
    });
  });

  it("an answer to no request for information", () => {
    const examined = granted.slice(0, 4);
    expect(refusal(examined, eventInput("information_received", { on: "2025-02-01" }))).toMatchObject({
      code: "invalid_reference",
      message: "There is no outstanding request for information to answer.",
    });
  });

  it("a document added twice", () => {
    const document = eventInput("document_added", {
      on: "2025-01-21",
      documentId: "0b8f6c4e-1c1e-4d4b-9a55-3f8f2b1d0a01",
      name: "request.pdf",
      sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    });
    expect(refusal([...granted, document], document)).toMatchObject({
      code: "invalid_reference",
      message: "Document 0b8f6c4e-1c1e-4d4b-9a55-3f8f2b1d0a01 is already in the case.",
    });
  });

  it("facts with a duplicate id or a notice about an unknown person", () => {
    const facts = exampleFacts();
    const duplicate = { ...facts, measures: [...facts.measures, facts.measures[0]!] };
    expect(refusal(granted, eventInput("facts_amended", { facts: duplicate }))).toMatchObject({
      code: "invalid_reference",
      message: 'Two measures have the same id "m1".',
    });
    expect(checkTransition(null, opening(exampleHeader(), { ...facts, persons: [] }))).toMatchObject({
      code: "invalid_reference",
      message: 'Notice "n1" names person "p1", who is not among the case\'s persons.',
    });
  });

  it("a header whose requesting and requested state are the same", () => {
    expect(
      refusal(granted, eventInput("header_amended", { header: { requestedState: "KH" } })),
    ).toMatchObject({
      code: "invalid_reference",
      message: "The requesting and the requested state must differ (both are KH).",
    });
  });

  it("a follow-up without a refusal", () => {
    expect(
      refusal(granted, eventInput("follow_up_opened", { on: "2025-03-02", task: "domestic_prosecution" })),
    ).toMatchObject({ code: "illegal_transition" });
  });
});

describe("kinds differ where the law does", () => {
  it("preservation of data is carried out before the decision", () => {
    const inputs = [
      opening(exampleHeader("preservation_of_data", "incoming")),
      received("2025-01-20"),
      registered("2025-01-20"),
      eventInput("measure_status_changed", { on: "2025-01-20", measureId: "m1", status: "executed" }),
      eventInput("measure_status_changed", { on: "2025-01-21", measureId: "m2", status: "executed" }),
    ];
    expect(statusesAlong(inputs).slice(3)).toEqual(["registered", "registered"]);
    const mla = [opening(exampleHeader("mla", "incoming")), received("2025-01-20"), registered("2025-01-20")];
    expect(checkTransition(projectionOf(mla), inputs[3]!)).toMatchObject({
      ok: false,
      code: "illegal_transition",
    });
  });

  it("an extradition has no executed status and an MLA case no surrender", () => {
    expect(statusesFor("extradition", "incoming")).toEqual([
      "received",
      "registered",
      "under_examination",
      "awaiting_information",
      "granted",
      "partially_granted",
      "refused",
      "in_execution",
      "surrendered",
      "withdrawn",
      "closed",
    ]);
    expect(statusesFor("mla", "outgoing")).toEqual([
      "draft",
      "sent",
      "under_examination",
      "awaiting_information",
      "granted",
      "partially_granted",
      "refused",
      "in_execution",
      "executed",
      "withdrawn",
      "closed",
    ]);
  });

  it("every status reached has a row and every kind opens where its direction says", () => {
    for (const kind of CASE_KINDS) {
      for (const direction of DIRECTIONS) {
        const machine = STATE_MACHINES[kind][direction];
        expect(machine).toMatchObject({ kind, direction });
        expect(initialStatus({ kind, direction })).toBe(direction === "incoming" ? "received" : "draft");
        for (const status of statusesFor(kind, direction)) expect(machine.rows[status]).toBeDefined();
        // Rows for statuses that cannot be reached would be dead table entries.
        expect(Object.keys(machine.rows).sort()).toEqual([...statusesFor(kind, direction)].sort());
        for (const row of Object.values(machine.rows)) {
          for (const move of [...Object.keys(row.moves ?? {}), ...(row.keeps ?? [])]) {
            const type = move.split(":")[0];
            expect(CASE_EVENT_TYPES).toContain(type);
          }
        }
      }
    }
    expect(allReachableStatuses()).toEqual(CASE_STATUSES);
  });
});

describe("what the web app offers", () => {
  it("a fresh incoming extradition", () => {
    const fresh = projectionOf([opening(exampleHeader("extradition", "incoming"))]);
    expect(allowedEventTypes(fresh)).toEqual([
      "header_amended",
      "facts_amended",
      "received",
      "registered",
      "consultation_held",
      "provisional_arrest",
      "consent_recorded",
      "asset_stage_changed",
      "correspondence_logged",
      "document_added",
      "withdrawn",
    ]);
  });

  it("a closed case: reopening and filing only", () => {
    const [inputs] = assistancePath("mla", "incoming");
    expect(allowedEventTypes(projectionOf(inputs))).toEqual([
      "correspondence_logged",
      "document_added",
      "reopened",
    ]);
  });
});
