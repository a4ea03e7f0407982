import { readRuleFiles } from "../../db/cases/rule-files.js";
import type { Database, Executor } from "../../db/client.js";
import type { CaseEvent, CaseFacts, CaseHeader } from "../../domain/cases/model.js";
import { createHolidayCalendars, type HolidayCalendars } from "../../domain/clocks/calendar.js";
import { computeDeadlines } from "../../domain/clocks/compute.js";
import type { Deadline } from "../../domain/clocks/schemas.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import type { RegistrySnapshot } from "../../domain/registry/model.js";
import { evaluateInstrument } from "../../domain/registry/resolver.js";
import { checkAdmissibility } from "../../domain/rules/evaluate.js";
import type { RuleOverlay } from "../../domain/rules/input.js";
import { parseRuleFiles } from "../../domain/rules/load.js";
import type { Rule } from "../../domain/rules/model.js";
import { requestContent } from "../../domain/rules/request-content.js";
import type { CheckerResult } from "../../domain/rules/schemas.js";
import { registrySnapshot } from "../registry/snapshot-cache.js";

/**
 * What a case's rules say about it now: the legal basis as the registry gives it between
 * the two states (the instrument and its protocols in force, the parties' reservations and
 * declarations), the admissibility checker's findings with the content the request must
 * carry, and the deadlines of the clock engine. Pure functions do the work
 * (src/domain/rules, src/domain/clocks); this file feeds them from the database and the
 * rule files, which are read and validated once per process.
 */

export type CaseRules = { rules: Rule[]; calendars: HolidayCalendars };

let loaded: Promise<CaseRules> | null = null;

/** The shipped rules (data/rules/*.json) and the holiday calendars, loaded once. */
export function caseRules(): Promise<CaseRules> {
  loaded ??= Promise.resolve().then(() => ({
    rules: parseRuleFiles(readRuleFiles()),
    calendars: createHolidayCalendars(),
  }));
  return loaded;
}

export type LegalBasisInForce = {
  /** Registry codes: the chosen instrument first, then its protocols and amendments in force between the pair. */
  codes: string[];
  overlays: RuleOverlay[];
};

const RELATED_KINDS = new Set(["protocol_of", "amends"]);

/**
 * The codes the rules are keyed by, for a case's legal basis on a date: the instrument
 * the case cites (even if the registry does not show it in force: the officer chose it,
 * and the registry's caveats say why it may not apply) and every protocol or amendment of
 * it in force for both states; with the reservations and declarations both states made to
 * any of them. Reciprocity and no basis yet give nothing.
 */
export function legalBasisOf(
  snapshot: RegistrySnapshot,
  header: CaseHeader,
  date: IsoDate,
): LegalBasisInForce {
  const basis = header.legalBasis;
  if (basis?.type !== "instrument") return { codes: [], overlays: [] };
  const instrument = snapshot.instruments.get(basis.instrumentId);
  if (!instrument) return { codes: [], overlays: [] };
  const pair = { requesting: header.requestingState, requested: header.requestedState, date };
  const instruments = [instrument];
  for (const relation of snapshot.relations) {
    if (relation.toId !== instrument.id || !RELATED_KINDS.has(relation.kind)) continue;
    const related = snapshot.instruments.get(relation.fromId);
    if (related && evaluateInstrument(snapshot, related, pair).status === "applies")
      instruments.push(related);
  }
  const overlays: RuleOverlay[] = [];
  for (const entry of instruments) {
    for (const state of [header.requestingState, header.requestedState]) {
      for (const action of snapshot.actions.get(entry.id)?.get(state) ?? []) {
        if ((action.action !== "reservation" && action.action !== "declaration") || !action.payload) continue;
        overlays.push({
          state,
          instrumentCode: entry.code,
          payload: action.payload,
          effectiveOn: action.effectiveOn ?? action.date,
          verified: action.verified,
        });
      }
    }
  }
  return { codes: instruments.map((entry) => entry.code), overlays };
}

export type CaseEvaluation = {
  checker: CheckerResult;
  deadlines: Deadline[];
  /** The earliest last day of a clock still running (or overdue): what the list filters read. */
  nextDeadlineOn: IsoDate | null;
};

export type CaseState = {
  header: CaseHeader;
  facts: CaseFacts;
  /** The stream as stored, oldest first. */
  events: readonly CaseEvent[];
};

/** Everything the rules say about a case on `today`, from the registry as it stands. */
export async function evaluateCase(
  context: { services: { database: Database }; tx: Executor },
  state: CaseState,
  today: IsoDate,
): Promise<CaseEvaluation> {
  const { rules, calendars } = await caseRules();
  const snapshot = await registrySnapshot(context.services.database, context.tx);
  return evaluateWith({ rules, calendars, snapshot }, state, today);
}

export type EvaluationInputs = CaseRules & { snapshot: RegistrySnapshot };

/** evaluateCase with its inputs loaded: for the import, which evaluates many cases at once. */
export function evaluateWith(inputs: EvaluationInputs, state: CaseState, today: IsoDate): CaseEvaluation {
  const { header, facts, events } = state;
  const basis = legalBasisOf(inputs.snapshot, header, today);
  const checker: CheckerResult = {
    ...checkAdmissibility({
      header,
      facts,
      events,
      legalBasisCodes: basis.codes,
      overlays: basis.overlays,
      date: today,
      rules: inputs.rules,
    }),
    requestContent: requestContent({ header, facts, legalBasisCodes: basis.codes, rules: inputs.rules }),
  };
  const deadlines = computeDeadlines({
    header,
    events,
    legalBasisCodes: basis.codes,
    rules: inputs.rules,
    today,
    calendars: inputs.calendars,
  });
  return { checker, deadlines, nextDeadlineOn: nextDeadlineOn(deadlines) };
}

/** The earliest last day among the clocks still open; met, missed and elapsed ones are done. */
export function nextDeadlineOn(deadlines: readonly Deadline[]): IsoDate | null {
  let next: IsoDate | null = null;
  for (const deadline of deadlines) {
    if (deadline.state !== "running" && deadline.state !== "overdue") continue;
    if (next === null || deadline.dueOn < next) next = deadline.dueOn;
  }
  return next;
}
