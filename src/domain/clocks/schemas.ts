import { z } from "zod";
import { CASE_EVENT_TYPES } from "../cases/model.js";
import { stateCodeSchema } from "../directory/state-codes.js";
import { isoDateSchema } from "../platform/dates.js";
import { bilingualSchema } from "../platform/schemas.js";

/**
 * The clock engine's findings as the API shows them (compute.ts returns exactly these
 * types): each deadline with the facts of its derivation, so that an officer can check the
 * arithmetic and the citation, and an integrator can read the same facts.
 */

export const DEADLINE_STATES = ["running", "met", "overdue", "missed", "elapsed"] as const;
export const deadlineStateSchema = z.enum(DEADLINE_STATES);
export type DeadlineState = z.infer<typeof deadlineStateSchema>;

export const holidaySchema = z
  .strictObject({ date: isoDateSchema, name: bilingualSchema })
  .meta({ id: "Holiday" });
export type Holiday = z.infer<typeof holidaySchema>;

/** The event a clock started or stopped with. */
export const eventReferenceSchema = z.strictObject({
  eventType: z.enum(CASE_EVENT_TYPES),
  sequence: z.number().int(),
  on: isoDateSchema,
});
export type EventReference = z.infer<typeof eventReferenceSchema>;

export const deadlineSchema = z
  .strictObject({
    /** Stable for one clock while corrections change its date: the rule and its first start record. */
    key: z.string(),
    ruleId: z.string(),
    /** The registry code the rule applies through (the one in the legal basis). */
    instrument: z.string(),
    article: z.string(),
    title: bilingualSchema,
    /** A model-treaty period shown because the legal basis has no clock of its own for the event. */
    advisory: z.boolean(),
    verified: z.boolean(),
    /** "deadline": something must happen by the last day; "minimum": something must last until it. */
    period: z.enum(["deadline", "minimum"]),
    startedBy: eventReferenceSchema,
    /** The day counted from: the start event's `on`, or its `fromField` (the date set for surrender). */
    startsOn: isoDateSchema,
    /** Earlier records of the same start that the latest one corrects. */
    corrects: z.array(z.strictObject({ sequence: z.number().int(), on: isoDateSchema })),
    days: z.number().int(),
    dayKind: z.enum(["calendar", "business"]),
    /** The state whose weekends and holidays count, and whether date-holidays knows its holidays. */
    calendarState: stateCodeSchema,
    holidayCalendarKnown: z.boolean(),
    /** The legal last day. */
    dueOn: isoDateSchema,
    /** The last working day on or before `dueOn`: the day to act by. */
    practicalDueOn: isoDateSchema,
    /** Why the last day is not a working day; null when it is one. */
    lastDayOff: z.strictObject({ weekend: z.boolean(), holidays: z.array(holidaySchema) }).nullable(),
    /** Public holidays after the start, up to and including the last day. */
    holidaysInWindow: z.array(holidaySchema),
    state: deadlineStateSchema,
    stoppedBy: eventReferenceSchema.extend({ beforeStart: z.boolean() }).nullable(),
    /** Days from today to the last day (negative when overdue); null once stopped or elapsed. */
    daysLeft: z.number().int().nullable(),
    remindDaysBefore: z.array(z.number().int()),
    /** The derivation in words: "40 days after provisional arrest on 2025-01-14, CETS 024 art. 16(4)". */
    derivation: bilingualSchema,
  })
  .meta({ id: "Deadline" });
export type Deadline = z.infer<typeof deadlineSchema>;
