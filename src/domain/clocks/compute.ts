import type { CaseEvent, CaseFacts, CaseHeader } from "../cases/model.js";
import { legalDateOf } from "../cases/projection.js";
import { addDays, compareDates, daysBetween, type IsoDate, isIsoDate } from "../platform/dates.js";
import type { ClockSpec, Rule } from "../rules/model.js";
import type { HolidayCalendars } from "./calendar.js";
import { clockRuleProblems } from "./check-clock-spec.js";
import { citation, derivationOf, periodWords, startWords } from "./derivation.js";
import type { Deadline, DeadlineState } from "./schemas.js";

/**
 * The clock engine (ARCHITECTURE.md §1): case events + clock rules + holiday calendars ->
 * deadlines, each with its derivation. It is a pure function of its inputs and keeps
 * nothing: amend an arrest date and the next call gives the new deadline.
 *
 * How a clock runs, in the order of legal dates (the `on` of each event, then the order of
 * recording for events of the same day):
 * - Every start event of the rule's `from` type starts a clock, per person or measure (two
 *   persons arrested are two clocks).
 * - A start event of the same person with no `newClockAfter` event (a release) between it
 *   and the previous one is a correction, not a second arrest: a person is not arrested
 *   twice without being released. The later-recorded of the two gives the start date, and
 *   the derivation names the record it corrects. A start after a release starts a new clock.
 * - The first `stoppedBy` event after the start stops the clock: on or before the last day
 *   it is "met", later it is "missed". An `alreadyMetBy` event before the start meets the
 *   clock at once (the request arrived before the arrest). A stop event before the start
 *   never counts otherwise: a release from an earlier arrest does not end a later one.
 * - Calendar-day periods end `days` days after the start date (the day of the event is not
 *   counted) and are never moved by weekends or holidays: "in no case exceed 40 days" is
 *   not extended by a public holiday. The engine reports a last day that is not a working
 *   day and gives the working day before it (`practicalDueOn`) so that officers act in
 *   time. Business-day periods count the working days of the calendar state.
 */

export type ComputeDeadlinesInput = {
  header: Pick<CaseHeader, "kind" | "direction" | "requestingState" | "requestedState" | "purpose">;
  /** The case's events as stored, in any order. */
  events: readonly CaseEvent[];
  /** The legal basis instrument and its protocols in force between the two states (server-computed). */
  legalBasisCodes: readonly string[];
  /** Clock rules; rules of other kinds are ignored. */
  rules: readonly Rule[];
  today: IsoDate;
  calendars: HolidayCalendars;
};

type Dated = { event: CaseEvent; on: IsoDate; subject: string | null };
type ClockRule = Rule & { clock: ClockSpec };

export function computeDeadlines(input: ComputeDeadlinesInput): Deadline[] {
  if (!isIsoDate(input.today)) throw new RangeError(`today "${input.today}" is not a date as YYYY-MM-DD`);
  const clockRules = input.rules.filter((rule): rule is ClockRule => rule.kind === "clock" && !!rule.clock);
  const problems = clockRules.flatMap((rule) =>
    clockRuleProblems(rule).map((problem) => `${rule.id} ${problem.field}: ${problem.message}`),
  );
  if (problems.length > 0) throw new Error(`invalid clock rules:\n  ${problems.join("\n  ")}`);

  const facts = latestFacts(input.events);
  const dated = input.events
    .map(datedEvent)
    .filter((entry): entry is Dated => entry !== null)
    .sort(legalOrder);

  const basisRules = clockRules.filter(
    (rule) =>
      !rule.clock.fallback &&
      rule.instruments.some((code) => input.legalBasisCodes.includes(code)) &&
      !rule.displacedBy?.some((code) => input.legalBasisCodes.includes(code)) &&
      appliesToCase(rule, input.header, facts),
  );
  // A model period fills a gap: only where no clock of the legal basis starts from the same event.
  const fallbackRules = clockRules.filter(
    (rule) =>
      rule.clock.fallback &&
      appliesToCase(rule, input.header, facts) &&
      !basisRules.some(
        (basis) => basis.clock.from === rule.clock.from && basis.clock.fromField === rule.clock.fromField,
      ),
  );

  const deadlines: Deadline[] = [];
  for (const rule of [...basisRules, ...fallbackRules]) {
    const instrument =
      rule.instruments.find((code) => input.legalBasisCodes.includes(code)) ?? rule.instruments[0]!;
    for (const clock of clocksOf(rule.clock, dated, facts))
      deadlines.push(deadlineOf(rule, instrument, clock, input));
  }
  return deadlines.sort(
    (left, right) =>
      compareDates(left.dueOn, right.dueOn) ||
      left.ruleId.localeCompare(right.ruleId) ||
      left.startedBy.sequence - right.startedBy.sequence,
  );
}

/** The facts as the latest `opened` or `facts_amended` left them: the kinds of the measures. */
function latestFacts(events: readonly CaseEvent[]): CaseFacts | null {
  let latest: { sequence: number; facts: CaseFacts } | null = null;
  for (const event of events)
    if (
      (event.type === "opened" || event.type === "facts_amended") &&
      (!latest || event.sequence > latest.sequence)
    )
      latest = { sequence: event.sequence, facts: event.payload.facts };
  return latest?.facts ?? null;
}

function payloadOf(event: CaseEvent): Record<string, unknown> {
  return event.payload as Record<string, unknown>;
}

function datedEvent(event: CaseEvent): Dated | null {
  const on = legalDateOf(event);
  if (on === null) return null;
  const payload = payloadOf(event);
  const subject = payload.personId ?? payload.measureId;
  return { event, on, subject: typeof subject === "string" ? subject : null };
}

function legalOrder(left: Dated, right: Dated): number {
  return compareDates(left.on, right.on) || left.event.sequence - right.event.sequence;
}

/** An unnamed person or measure on either side matches: most cases concern one person. */
function sameSubject(left: string | null, right: string | null): boolean {
  return left === null || right === null || left === right;
}

function matchesFilter(event: CaseEvent, filter: Record<string, string[]> | undefined): boolean {
  if (!filter) return true;
  const payload = payloadOf(event);
  return Object.entries(filter).every(([field, values]) => values.includes(String(payload[field])));
}

function appliesToCase(
  rule: Rule,
  header: ComputeDeadlinesInput["header"],
  facts: CaseFacts | null,
): boolean {
  const when = rule.appliesWhen;
  if (when.caseKinds && !when.caseKinds.includes(header.kind)) return false;
  if (when.directions && !when.directions.includes(header.direction)) return false;
  // An unknown purpose keeps the clock: a deadline that may apply is shown rather than missed.
  if (when.purposes && header.purpose && !when.purposes.includes(header.purpose)) return false;
  if (when.measures && !facts?.measures.some((measure) => when.measures?.includes(measure.kind)))
    return false;
  return true;
}

type RunningClock = {
  start: Dated;
  startsOn: IsoDate;
  firstRecord: number;
  corrects: { sequence: number; on: IsoDate }[];
  stop: (Dated & { beforeStart: boolean }) | null;
};

function clocksOf(spec: ClockSpec, dated: readonly Dated[], facts: CaseFacts | null): RunningClock[] {
  const startDate = (entry: Dated): IsoDate | null => {
    if (!spec.fromField) return entry.on;
    const value = payloadOf(entry.event)[spec.fromField];
    return typeof value === "string" && isIsoDate(value) ? value : null;
  };
  const starts = dated.filter((entry) => {
    if (entry.event.type !== spec.from || !matchesFilter(entry.event, spec.fromWhere)) return false;
    if (spec.fromMeasureKinds) {
      const measure = facts?.measures.find((candidate) => candidate.id === entry.subject);
      if (!measure || !spec.fromMeasureKinds.includes(measure.kind)) return false;
    }
    return startDate(entry) !== null;
  });
  const isStop = (entry: Dated, types: readonly string[]) =>
    types.includes(entry.event.type) && matchesFilter(entry.event, spec.stoppedWhere?.[entry.event.type]);
  const stops = dated.filter((entry) => isStop(entry, spec.stoppedBy));
  const alreadyMet = dated.filter((entry) => isStop(entry, spec.alreadyMetBy));
  const separators = dated.filter((entry) => isStop(entry, spec.newClockAfter));

  const clocks: RunningClock[] = [];
  const subjects = [...new Set(starts.map((entry) => entry.subject))];
  for (const subject of subjects) {
    const concerns = (entry: Dated) => sameSubject(entry.subject, subject);
    const own = starts.filter((entry) => entry.subject === subject);

    // Start events in legal order, grouped: a separator between two of them begins a new group.
    const groups: Dated[][] = [];
    for (const entry of own) {
      const group = groups.at(-1);
      const previous = group?.at(-1);
      const separated =
        !previous ||
        separators.some(
          (separator) =>
            concerns(separator) && legalOrder(previous, separator) < 0 && legalOrder(separator, entry) < 0,
        );
      if (separated || !group) groups.push([entry]);
      else group.push(entry);
    }

    groups.forEach((group, index) => {
      const start = group.reduce((latest, entry) =>
        entry.event.sequence > latest.event.sequence ? entry : latest,
      );
      const next = groups[index + 1]?.[0];
      const earlier = alreadyMet.find((entry) => concerns(entry) && legalOrder(entry, start) < 0);
      const later = stops.find(
        (entry) => concerns(entry) && legalOrder(start, entry) < 0 && (!next || legalOrder(entry, next) < 0),
      );
      clocks.push({
        start,
        startsOn: startDate(start)!,
        firstRecord: Math.min(...group.map((entry) => entry.event.sequence)),
        corrects: group
          .filter((entry) => entry !== start)
          .sort((left, right) => left.event.sequence - right.event.sequence)
          .map((entry) => ({ sequence: entry.event.sequence, on: startDate(entry)! })),
        stop: earlier ? { ...earlier, beforeStart: true } : later ? { ...later, beforeStart: false } : null,
      });
    });
  }
  return clocks;
}

function deadlineOf(
  rule: ClockRule,
  instrument: string,
  clock: RunningClock,
  input: ComputeDeadlinesInput,
): Deadline {
  const spec = rule.clock;
  const calendarState =
    spec.calendarOf === "requested" ? input.header.requestedState : input.header.requestingState;
  const calendar = input.calendars.forState(calendarState);
  const dueOn =
    spec.dayKind === "calendar"
      ? addDays(clock.startsOn, spec.days)
      : calendar.addBusinessDays(clock.startsOn, spec.days);
  const practicalDueOn = calendar.workingDayOnOrBefore(dueOn);
  const dayOff = calendar.dayOff(dueOn);
  const holidaysInWindow = calendar.holidaysBetween(clock.startsOn, dueOn);
  const minimum = spec.period === "minimum";

  let state: DeadlineState;
  if (clock.stop) {
    const inTime = compareDates(clock.stop.on, dueOn) <= 0;
    state = inTime ? "met" : minimum ? "elapsed" : "missed";
  } else if (compareDates(input.today, dueOn) <= 0) state = "running";
  else state = minimum ? "elapsed" : "overdue";

  const stoppedBy = clock.stop
    ? {
        eventType: clock.stop.event.type,
        sequence: clock.stop.event.sequence,
        on: clock.stop.on,
        beforeStart: clock.stop.beforeStart,
      }
    : null;
  const advisory = spec.fallback || rule.advisory === true;

  return {
    key: `${rule.id}:${clock.firstRecord}`,
    ruleId: rule.id,
    instrument,
    article: rule.article,
    title: { en: rule.titleEn, ru: rule.titleRu },
    advisory,
    verified: rule.verified,
    period: spec.period,
    startedBy: {
      eventType: clock.start.event.type,
      sequence: clock.start.event.sequence,
      on: clock.start.on,
    },
    startsOn: clock.startsOn,
    corrects: clock.corrects,
    days: spec.days,
    dayKind: spec.dayKind,
    calendarState,
    holidayCalendarKnown: calendar.holidaysKnown,
    dueOn,
    practicalDueOn,
    lastDayOff: dayOff ? { weekend: dayOff.weekend, holidays: dayOff.holidays } : null,
    holidaysInWindow,
    state,
    stoppedBy,
    daysLeft: state === "running" || state === "overdue" ? daysBetween(input.today, dueOn) : null,
    remindDaysBefore: [...spec.remindDaysBefore],
    derivation: derivationOf({
      consequence: { en: spec.consequenceEn, ru: spec.consequenceRu },
      dueOn,
      practicalDueOn,
      period: periodWords(spec.days, spec.dayKind, calendarState),
      start: startWords(spec.from, spec.fromField, clock.startsOn),
      citation: citation(instrument, rule.article, spec.articleRu),
      calendar,
      dayKind: spec.dayKind,
      minimum,
      corrects: clock.corrects,
      holidaysInWindow,
      stop: clock.stop
        ? { type: clock.stop.event.type, on: clock.stop.on, beforeStart: clock.stop.beforeStart }
        : null,
      state,
      fallback: spec.fallback,
      verified: rule.verified,
    }),
  };
}

function isStopped(deadline: Deadline): boolean {
  return deadline.stoppedBy !== null;
}

/**
 * Clocks still running whose practical last day is at most `withinDays` days away (or
 * already passed while the legal last day has not), soonest first. The practical day
 * counts because it is the day to act by.
 */
export function dueSoon(deadlines: readonly Deadline[], today: IsoDate, withinDays: number): Deadline[] {
  return deadlines
    .filter(
      (deadline) =>
        !isStopped(deadline) &&
        compareDates(today, deadline.dueOn) <= 0 &&
        daysBetween(today, deadline.practicalDueOn) <= withinDays,
    )
    .sort((left, right) => compareDates(left.practicalDueOn, right.practicalDueOn));
}

/** Deadlines whose last day has passed with nothing to stop them; a minimum period is never overdue. */
export function overdue(deadlines: readonly Deadline[], today: IsoDate): Deadline[] {
  return deadlines
    .filter(
      (deadline) =>
        !isStopped(deadline) && deadline.period === "deadline" && compareDates(today, deadline.dueOn) > 0,
    )
    .sort((left, right) => compareDates(left.dueOn, right.dueOn));
}

export type Reminder = { on: IsoDate; daysBefore: number };

/**
 * The days a reminder is due for a clock still running: `remindDaysBefore` days before its
 * practical last day, never before the clock started. A stopped clock needs none. The
 * reminder job skips the dates already past.
 */
export function remindersFor(deadline: Deadline): Reminder[] {
  if (isStopped(deadline)) return [];
  const byDate = new Map<IsoDate, number>();
  for (const daysBefore of deadline.remindDaysBefore) {
    const on = addDays(deadline.practicalDueOn, -daysBefore);
    if (compareDates(on, deadline.startsOn) < 0) continue;
    const known = byDate.get(on);
    if (known === undefined || daysBefore > known) byDate.set(on, daysBefore);
  }
  return [...byDate]
    .map(([on, daysBefore]) => ({ on, daysBefore }))
    .sort((left, right) => compareDates(left.on, right.on));
}
