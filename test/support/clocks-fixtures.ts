import type { CaseEvent, CaseEventInput, CaseFacts, CaseHeader } from "../../src/domain/cases/model.js";
import type { MeasureKind } from "../../src/domain/cases/vocabulary.js";
import { createHolidayCalendars } from "../../src/domain/clocks/calendar.js";
import { type ComputeDeadlinesInput, computeDeadlines } from "../../src/domain/clocks/compute.js";
import type { Deadline } from "../../src/domain/clocks/schemas.js";
import { parseStateCode, type StateCode } from "../../src/domain/directory/state-codes.js";
import { instantOf, parseIsoDate } from "../../src/domain/platform/dates.js";
import { type Rule, ruleFileSchema } from "../../src/domain/rules/model.js";
import { shippedRuleFile } from "./shipped-rules.js";

/**
 * Cases for the clock tests: the shipped clock rules, one set of calendars for the whole
 * run (their cache is the point), and a builder of event streams numbered as the server
 * numbers them. The default case is the seed scenario's shape: an incoming extradition
 * request to Russia. The builders take dates and state codes as plain strings and parse
 * them, so that a test reads as the law does: `arrest("2025-01-29")`.
 */

export const clockRules: Rule[] = ruleFileSchema.parse(JSON.parse(shippedRuleFile("clocks.json").text)).rules;
export const calendars = createHolidayCalendars();

export type ClockCase = {
  header: ComputeDeadlinesInput["header"];
  legalBasisCodes: string[];
  measures?: { id: string; kind: MeasureKind }[];
};

const EMPTY_FACTS: CaseFacts = {
  offences: [],
  persons: [],
  measures: [],
  assets: [],
  notices: [],
  warrants: [],
};

type ClockHeader = ComputeDeadlinesInput["header"];
type ClockHeaderInput = Omit<Partial<ClockHeader>, "requestingState" | "requestedState"> & {
  requestingState?: string;
  requestedState?: string;
};

export function header(overrides: ClockHeaderInput = {}): ClockHeader {
  const { requestingState = "DE", requestedState = "RU", ...rest } = overrides;
  return {
    kind: "extradition",
    direction: "incoming",
    purpose: null,
    ...rest,
    requestingState: parseStateCode(requestingState),
    requestedState: parseStateCode(requestedState),
  };
}

/** A day for a test: `day("2025-01-29")`; an impossible day throws. */
export const day = parseIsoDate;
/** A state code for a test: `state("RU")`; a code not in the shipped list throws. */
export const state: (code: string) => StateCode = parseStateCode;

/** The events as stored: `opened` first (sequence 1), then the inputs in recording order. */
export function stream(inputs: readonly CaseEventInput[], measures: ClockCase["measures"] = []): CaseEvent[] {
  const opened: CaseEventInput = {
    type: "opened",
    payload: {
      header: {
        ...header(),
        reference: "EXT-IN-2025-00001",
        title: "Clock test case",
        priority: "normal",
        confidentiality: "standard",
      } as CaseHeader,
      facts: {
        ...EMPTY_FACTS,
        measures: measures.map((measure) => ({ ...measure, description: measure.kind, status: "requested" })),
      },
    },
  };
  return [opened, ...inputs].map((input, index) => ({
    ...input,
    sequence: index + 1,
    recordedAt: instantOf(new Date("2025-01-01T09:00:00.000Z")),
    actorId: null,
  })) as CaseEvent[];
}

export const arrest = (on: string, personId?: string): CaseEventInput => ({
  type: "provisional_arrest",
  payload: { on: day(on), ...(personId ? { personId } : {}) },
});
export const release = (on: string, personId?: string): CaseEventInput => ({
  type: "released",
  payload: { on: day(on), reason: "released by the court", ...(personId ? { personId } : {}) },
});
export const receipt = (on: string): CaseEventInput => ({ type: "received", payload: { on: day(on) } });
export const sending = (on: string): CaseEventInput => ({ type: "sent", payload: { on: day(on) } });
export const surrender = (on: string): CaseEventInput => ({ type: "surrendered", payload: { on: day(on) } });
export const surrenderDate = (on: string, surrenderOn: string): CaseEventInput => ({
  type: "surrender_date_set",
  payload: { on: day(on), surrenderOn: day(surrenderOn) },
});
export const letter = (on: string, direction: "in" | "out"): CaseEventInput => ({
  type: "correspondence_logged",
  payload: { on: day(on), direction, channel: "central_authority", summary: "consent notice" },
});
export const measureChange = (
  on: string,
  measureId: string,
  status: "executed" | "withdrawn" | "in_progress",
): CaseEventInput => ({ type: "measure_status_changed", payload: { on: day(on), measureId, status } });

/** Deadlines of a case with the shipped rules and calendars. */
export function deadlinesOf(
  clockCase: ClockCase,
  inputs: readonly CaseEventInput[],
  today: string,
  rules: readonly Rule[] = clockRules,
): Deadline[] {
  return computeDeadlines({
    header: clockCase.header,
    events: stream(inputs, clockCase.measures),
    legalBasisCodes: clockCase.legalBasisCodes,
    rules,
    today: day(today),
    calendars,
  });
}

/** The one deadline of a rule; fails loudly when there is none or several. */
export function only(deadlines: readonly Deadline[], ruleId: string): Deadline {
  const found = deadlines.filter((deadline) => deadline.ruleId === ruleId);
  if (found.length !== 1)
    throw new Error(
      `expected one ${ruleId} deadline, got ${found.length}: ${deadlines.map((d) => d.ruleId).join(", ")}`,
    );
  return found[0]!;
}
