import fc from "fast-check";
import type { z } from "zod";
import {
  CASE_EVENT_TYPES,
  type CaseEvent,
  type CaseEventInput,
  type CaseEventPayload,
  type CaseEventType,
  type CaseFacts,
  type CaseHeader,
  caseEventPayloads,
  caseFactsSchema,
  caseHeaderSchema,
} from "../../src/domain/cases/model.js";
import {
  ASSET_STAGES,
  ASSURANCE_KINDS,
  CASE_KINDS,
  type CaseKind,
  CONFIDENTIALITY_LEVELS,
  CORRESPONDENCE_CHANNELS,
  DIRECTIONS,
  type Direction,
  MEASURE_STATUSES,
  PRIORITIES,
} from "../../src/domain/cases/vocabulary.js";
import { parseStateCode } from "../../src/domain/directory/state-codes.js";
import { addDays, instantOf, parseIsoDate } from "../../src/domain/platform/dates.js";

/**
 * Cases for tests, in this folder and in the layers above: a header and facts modelled on
 * the seed scenario (Cambodia asks Russia to extradite a businessman charged with
 * aggravated blackmail), stream builders, and fast-check arbitraries for every event.
 * The facts hold persons p1-p2, measures m1-m2 and assets a1-a2; the arbitraries also
 * name p9, m9 and a9, which do not exist, so that invalid references are generated too.
 */

/** What a test writes: plain strings for dates and state codes, parsed by the builders. */
export type CaseHeaderInput = z.input<typeof caseHeaderSchema>;
export type CaseFactsInput = z.input<typeof caseFactsSchema>;
export type CaseEventPayloadInput<T extends CaseEventType> = z.input<(typeof caseEventPayloads)[T]>;

export function exampleHeader(
  kind: CaseKind = "extradition",
  direction: Direction = "incoming",
  overrides: Partial<CaseHeaderInput> = {},
): CaseHeader {
  return caseHeaderSchema.parse({
    kind,
    direction,
    reference: `${kind.toUpperCase().replaceAll("_", "-")}-${direction === "incoming" ? "IN" : "OUT"}-2025-00017`,
    foreignReference: "KH/PG/2025/041",
    requestingState: direction === "incoming" ? "KH" : "RU",
    requestedState: direction === "incoming" ? "RU" : "KH",
    legalBasis: { type: "reciprocity", note: null },
    purpose: kind === "extradition" ? "prosecution" : null,
    offenceCategory: "eaw:21",
    title: "Aggravated blackmail, Criminal Code of Cambodia arts 372 and 374",
    ...overrides,
  });
}

export function exampleFacts(overrides: Partial<CaseFactsInput> = {}): CaseFacts {
  return caseFactsSchema.parse({
    offences: [
      {
        id: "o1",
        article: "Criminal Code of Cambodia, art. 372",
        description: "Aggravated blackmail",
        category: "eaw:21",
        maximumPenaltyMonths: 120,
        minimumPenaltyMonths: 60,
      },
    ],
    persons: [
      { id: "p1", role: "sought", fullName: "Ivan Petrov", nationalities: ["RU"] },
      { id: "p2", role: "victim", fullName: "Sok Chea", nationalities: ["KH"] },
    ],
    measures: [
      { id: "m1", kind: "bank_information", description: "Statements of account 40817810" },
      { id: "m2", kind: "witness_hearing", description: "Hearing of the victim's accountant" },
    ],
    assets: [
      {
        id: "a1",
        type: "bank_account",
        description: "Account 40817810",
        value: { amount: "125000.00", currency: "USD" },
      },
      { id: "a2", type: "vehicle", description: "Toyota Land Cruiser" },
    ],
    notices: [{ id: "n1", type: "red", number: "A-1234/5-2024", personId: "p1" }],
    warrants: [
      {
        id: "w1",
        kind: "arrest_warrant",
        issuedBy: "Phnom Penh Municipal Court",
        issuedOn: "2024-11-20",
        personId: "p1",
      },
    ],
    ...overrides,
  });
}

export function opening(header: CaseHeader, facts: CaseFacts = exampleFacts()): CaseEventInput {
  return { type: "opened", payload: { header, facts } };
}

/**
 * One event input, typed by its event type. The payload is written as a client sends it
 * (dates and state codes as plain strings) and parsed with the event's schema, so that a
 * test cannot build a payload that the schema would refuse.
 */
export function eventInput<T extends CaseEventType>(
  type: T,
  payload: CaseEventPayloadInput<T>,
): CaseEventInput {
  return typedEventInput(type, caseEventPayloads[type].parse(payload) as CaseEventPayload<T>);
}

function typedEventInput<T extends CaseEventType>(type: T, payload: CaseEventPayload<T>): CaseEventInput {
  return { type, payload } as CaseEventInput;
}

/** The envelope the server adds: sequence from 1, a recording time a minute apart. */
export function envelope(
  input: CaseEventInput,
  sequence: number,
  actorId: string | null = "user-1",
): CaseEvent {
  const recordedAt = instantOf(new Date(Date.UTC(2025, 0, 10, 9, 0) + (sequence - 1) * 60_000));
  return { ...input, sequence, recordedAt, actorId } as CaseEvent;
}

export function caseStream(inputs: readonly CaseEventInput[]): CaseEvent[] {
  return inputs.map((input, index) => envelope(input, index + 1));
}

// Arbitraries.

export const kindArbitrary = fc.constantFrom(...CASE_KINDS);
export const directionArbitrary = fc.constantFrom(...DIRECTIONS);

const day = fc.integer({ min: 0, max: 900 }).map((offset) => addDays(parseIsoDate("2024-06-01"), offset));
const note = fc.constantFrom("Letter of the Ministry of Justice", "See annex 2", "Agreed by telephone");
const nullish = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 3 });
const personReference = nullish(fc.constantFrom("p1", "p2", "p9"));
const uuid = fc.uuid({ version: 4 });

/** Facts that are mostly the example's, sometimes with an extra measure, a missing person or a duplicate id. */
const factsArbitrary: fc.Arbitrary<CaseFacts> = fc
  .record({
    measures: fc.subarray(exampleFacts().measures),
    assets: fc.subarray(exampleFacts().assets),
    extraMeasure: fc.boolean(),
    duplicate: fc.integer({ min: 0, max: 9 }),
    withoutPersons: fc.integer({ min: 0, max: 9 }),
    personConsented: nullish(fc.boolean()),
  })
  .map(({ measures, assets, extraMeasure, duplicate, withoutPersons, personConsented }) => {
    const base = exampleFacts();
    const more = extraMeasure
      ? [
          {
            id: "m3",
            kind: "search_and_seizure" as const,
            description: "Search of the office",
            status: "requested" as const,
          },
        ]
      : [];
    return {
      ...base,
      persons: withoutPersons === 0 ? [] : base.persons,
      measures: [...measures, ...more, ...(duplicate === 0 && measures[0] ? [measures[0]] : [])],
      assets,
      personConsented,
    };
  });

const PAYLOADS: { [T in CaseEventType]: fc.Arbitrary<CaseEventPayload<T>> } = {
  opened: fc
    .tuple(kindArbitrary, directionArbitrary)
    .map(([kind, direction]) => ({ header: exampleHeader(kind, direction), facts: exampleFacts() })),
  header_amended: fc
    .record(
      {
        title: fc.constantFrom("Blackmail of a construction company", "Extortion, Phnom Penh"),
        priority: fc.constantFrom(...PRIORITIES),
        confidentiality: fc.constantFrom(...CONFIDENTIALITY_LEVELS),
        requestedState: fc.constantFrom("RU", "KH", "TH").map(parseStateCode),
        foreignReference: nullish(fc.constant("KH/PG/2025/041-bis")),
      },
      { requiredKeys: [] },
    )
    .map((header) => ({ header })),
  facts_amended: factsArbitrary.map((facts) => ({ facts })),
  received: fc.record({ on: day, channel: nullish(fc.constantFrom(...CORRESPONDENCE_CHANNELS)) }),
  registered: fc.record({ on: day }),
  sent: fc.record({ on: day, channel: nullish(fc.constantFrom(...CORRESPONDENCE_CHANNELS)) }),
  assigned: fc.record({ on: day, teamId: nullish(uuid), officer: nullish(fc.constant("A. Smirnova")) }),
  information_requested: fc.record({
    on: day,
    items: fc.array(note, { minLength: 1, maxLength: 3 }),
    dueOn: nullish(day),
  }),
  information_received: fc.record({ on: day, note: nullish(note) }),
  consultation_held: fc.record({
    on: day,
    withState: fc.constantFrom("KH", "RU").map(parseStateCode),
    summary: note,
  }),
  provisional_arrest: fc.record({
    on: day,
    personId: personReference,
    place: nullish(fc.constant("Moscow")),
  }),
  released: fc.record({ on: day, personId: personReference, reason: note }),
  consent_recorded: fc.record({ on: day, personId: personReference }),
  assurance_recorded: fc.record({
    on: day,
    kind: fc.constantFrom(...ASSURANCE_KINDS),
    givenBy: fc.constant("Ministry of Justice of Cambodia"),
    text: note,
  }),
  decided: fc.record({
    on: day,
    outcome: fc.constantFrom("granted", "partially_granted", "refused"),
    grounds: fc.constantFrom([], [{ code: "own_national", ruleId: "E24-6.1", note: null }]),
    decidedBy: nullish(fc.constant("Deputy Prosecutor General")),
  }),
  measure_status_changed: fc.record({
    on: day,
    measureId: fc.constantFrom("m1", "m2", "m3", "m9"),
    status: fc.constantFrom(...MEASURE_STATUSES),
    executingAuthority: nullish(fc.constant("Investigative Committee")),
    result: nullish(note),
  }),
  asset_stage_changed: fc.record({
    on: day,
    assetId: fc.constantFrom("a1", "a2", "a9"),
    stage: fc.constantFrom(...ASSET_STAGES),
    orderReference: nullish(fc.constant("Order 12/2025")),
  }),
  surrender_date_set: fc.record({ on: day, surrenderOn: day }),
  surrendered: fc.record({ on: day, personId: personReference }),
  correspondence_logged: fc.record({
    on: day,
    direction: fc.constantFrom("in" as const, "out" as const),
    channel: fc.constantFrom(...CORRESPONDENCE_CHANNELS),
    counterpart: nullish(fc.constant("Embassy of Cambodia")),
    summary: note,
  }),
  follow_up_opened: fc.record({
    on: day,
    task: fc.constant("domestic_prosecution" as const),
    ruleId: nullish(fc.constant("E24-6.2")),
    note: nullish(note),
  }),
  document_added: fc.record({
    on: day,
    // A small pool, so that the same document is sometimes added twice.
    documentId: fc.constantFrom(
      "0b8f6c4e-1c1e-4d4b-9a55-3f8f2b1d0a01",
      "0b8f6c4e-1c1e-4d4b-9a55-3f8f2b1d0a02",
      "0b8f6c4e-1c1e-4d4b-9a55-3f8f2b1d0a03",
    ),
    name: fc.constantFrom("request.pdf", "warrant.pdf"),
    sha256: fc.constant("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
  }),
  withdrawn: fc.record({ on: day, reason: note }),
  closed: fc.record({ on: day, reason: nullish(note) }),
  reopened: fc.record({ on: day, reason: note }),
};

export function eventInputArbitrary<T extends CaseEventType>(type: T): fc.Arbitrary<CaseEventInput> {
  return (PAYLOADS[type] as fc.Arbitrary<CaseEventPayload<T>>).map((payload) =>
    typedEventInput(type, payload),
  );
}

/** Any event of any type, legal or not in a given case. */
export const anyEventInputArbitrary: fc.Arbitrary<CaseEventInput> = fc
  .constantFrom(...CASE_EVENT_TYPES)
  .chain((type) => eventInputArbitrary(type));
