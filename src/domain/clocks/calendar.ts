import Holidays from "date-holidays";
import { data as holidayData } from "date-holidays/data";
import {
  addDays,
  daysBetween,
  type IsoDate,
  isIsoDate,
  parseIsoDate,
  type Weekday,
  weekdayOf,
  yearOf,
} from "../platform/dates.js";
import type { Holiday } from "./schemas.js";

/**
 * Working days per state, for the clock engine: which days are public holidays and
 * weekends, the last working day on or before a date, and business-day arithmetic.
 *
 * Holidays come from the date-holidays package (public holidays only: bank holidays,
 * observances and optional days do not close a prosecutor's office). It computes them
 * from rules in memory, without I/O, so the calendar is pure; each state's holidays are
 * computed once per year and kept.
 *
 * Assumptions, stated so that an officer can check them:
 * - The weekend is Saturday and Sunday unless date-holidays gives another one for the
 *   state (version 3.37.0 gives Friday and Saturday for Bangladesh only). Several states
 *   rest on Friday (Saudi Arabia, Iran, Egypt, Israel, Qatar, Kuwait...) without
 *   date-holidays saying so: pass their weekend in the adjustments.
 * - Some states move days off by decree every year (Russia's annual transfer of days off,
 *   with a Saturday worked in exchange); date-holidays knows the fixed holidays only.
 *   Adjustments add decreed days off and working days.
 * - A state date-holidays does not cover (Cambodia in 3.37.0) has no known holidays: the
 *   calendar says so (`holidaysKnown: false`), and the clocks repeat it in their
 *   derivation rather than pretending that only weekends are days off.
 * - A public holiday that begins in the afternoon (a half day) leaves its first day a
 *   working day: the office is open that morning.
 */

/** Why a day is not a working day: a weekend day, public holidays, or both. */
export type DayOff = { date: IsoDate; weekend: boolean; holidays: Holiday[] };

/** Changes to a state's calendar that date-holidays does not know. */
export type CalendarAdjustments = {
  /** The state's weekend, replacing date-holidays' or the assumed Saturday and Sunday. */
  weekend?: readonly Weekday[];
  /** Days off decreed beyond the public holidays (Russia's transferred days off). */
  extraDaysOff?: readonly Holiday[];
  /** Weekend days decreed working days (the Saturday worked in exchange for a day off). */
  extraWorkingDays?: readonly IsoDate[];
};

export type StateCalendar = {
  /** ISO 3166-1 alpha-2. */
  state: string;
  /** date-holidays covers the state: false means no public holiday is known at all. */
  holidaysKnown: boolean;
  weekend: readonly Weekday[];
  weekendSource: "date-holidays" | "assumed" | "adjustment";
  holidaysOn(date: IsoDate): Holiday[];
  /** Null for a working day. */
  dayOff(date: IsoDate): DayOff | null;
  isWorkingDay(date: IsoDate): boolean;
  /** The public holidays after `after` up to and including `through`, in date order. */
  holidaysBetween(after: IsoDate, through: IsoDate): Holiday[];
  /** The date itself when it is a working day, else the nearest working day before it. */
  workingDayOnOrBefore(date: IsoDate): IsoDate;
  /**
   * The `days`-th working day after `date` (the day itself is not counted, as a period
   * "within 5 working days of receipt" does not count the day of receipt). Zero days
   * gives the date itself.
   */
  addBusinessDays(date: IsoDate, days: number): IsoDate;
};

export type HolidayCalendars = {
  forState(state: string): StateCalendar;
};

const SATURDAY_AND_SUNDAY: readonly Weekday[] = [6, 0];
const WEEKDAY_NUMBERS: Record<string, Weekday> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
/** A guard against a calendar without working days (an adjustment making every day a weekend). */
const LONGEST_RUN_OF_DAYS_OFF = 366;
const DAY_IN_MILLISECONDS = 86_400_000;

export function createHolidayCalendars(
  adjustments: Readonly<Record<string, CalendarAdjustments>> = {},
): HolidayCalendars {
  const calendars = new Map<string, StateCalendar>();
  return {
    forState(state) {
      if (!/^[A-Z]{2}$/.test(state)) throw new RangeError(`"${state}" is not an ISO 3166-1 alpha-2 code`);
      let calendar = calendars.get(state);
      if (!calendar) {
        calendar = stateCalendar(state, adjustments[state] ?? {});
        calendars.set(state, calendar);
      }
      return calendar;
    },
  };
}

function weekendFromData(state: string): readonly Weekday[] | null {
  const days = holidayData.holidays[state]?.weekend;
  if (!days || days.length === 0) return null;
  const weekdays = days.map((day) => WEEKDAY_NUMBERS[day.toLowerCase()]);
  return weekdays.every((day) => day !== undefined) ? (weekdays as Weekday[]) : null;
}

function stateCalendar(state: string, adjustment: CalendarAdjustments): StateCalendar {
  const holidaysKnown = holidayData.holidays[state] !== undefined;
  const dataWeekend = weekendFromData(state);
  const weekend = adjustment.weekend ?? dataWeekend ?? SATURDAY_AND_SUNDAY;
  const weekendSource = adjustment.weekend ? "adjustment" : dataWeekend ? "date-holidays" : "assumed";
  const extraWorkingDays = new Set(adjustment.extraWorkingDays ?? []);
  for (const date of [...extraWorkingDays, ...(adjustment.extraDaysOff ?? []).map((day) => day.date)])
    if (!isIsoDate(date)) throw new RangeError(`calendar adjustment for ${state}: "${date}" is not a date`);

  // Built on first use: most cases touch two or three states.
  let library: Holidays | null = null;
  const years = new Map<number, Map<IsoDate, Holiday[]>>();

  const holidaysOfYear = (year: number): Map<IsoDate, Holiday[]> => {
    let byDate = years.get(year);
    if (byDate) return byDate;
    byDate = new Map();
    if (holidaysKnown) {
      library ??= new Holidays(state, { types: ["public"] });
      // A holiday of several days that starts in late December reaches into the next year.
      for (const holiday of [...expand(library, year - 1), ...expand(library, year)])
        if (yearOf(holiday.date) === year) push(byDate, holiday);
    }
    for (const holiday of adjustment.extraDaysOff ?? [])
      if (yearOf(holiday.date) === year) push(byDate, holiday);
    years.set(year, byDate);
    return byDate;
  };

  const holidaysOn = (date: IsoDate): Holiday[] => {
    if (!isIsoDate(date)) throw new RangeError(`"${date}" is not a date as YYYY-MM-DD`);
    return holidaysOfYear(yearOf(date)).get(date) ?? [];
  };

  const dayOff = (date: IsoDate): DayOff | null => {
    if (extraWorkingDays.has(date)) return null;
    const holidays = holidaysOn(date);
    const isWeekend = weekend.includes(weekdayOf(date));
    return holidays.length > 0 || isWeekend ? { date, weekend: isWeekend, holidays } : null;
  };

  const isWorkingDay = (date: IsoDate) => dayOff(date) === null;

  return {
    state,
    holidaysKnown,
    weekend,
    weekendSource,
    holidaysOn,
    dayOff,
    isWorkingDay,
    holidaysBetween(after, through) {
      const found: Holiday[] = [];
      const span = daysBetween(after, through);
      for (let offset = 1; offset <= span; offset += 1) found.push(...holidaysOn(addDays(after, offset)));
      return found;
    },
    workingDayOnOrBefore(date) {
      for (let offset = 0; offset <= LONGEST_RUN_OF_DAYS_OFF; offset += 1) {
        const candidate = addDays(date, -offset);
        if (isWorkingDay(candidate)) return candidate;
      }
      throw new RangeError(`the calendar of ${state} has no working day in the year before ${date}`);
    },
    addBusinessDays(date, days) {
      if (!Number.isInteger(days) || days < 0)
        throw new RangeError(`${days} is not a number of working days`);
      let current = date;
      let counted = 0;
      let sinceLastWorkingDay = 0;
      while (counted < days) {
        current = addDays(current, 1);
        if (isWorkingDay(current)) {
          counted += 1;
          sinceLastWorkingDay = 0;
        } else if (++sinceLastWorkingDay > LONGEST_RUN_OF_DAYS_OFF) {
          throw new RangeError(`the calendar of ${state} has no working day in the year after ${current}`);
        }
      }
      return current;
    },
  };
}

function push(byDate: Map<IsoDate, Holiday[]>, holiday: Holiday) {
  const list = byDate.get(holiday.date);
  if (list) {
    if (!list.some((known) => known.name.en === holiday.name.en)) list.push(holiday);
  } else byDate.set(holiday.date, [holiday]);
}

/**
 * The holidays date-holidays gives for a year, one entry per day. It returns a holiday of
 * several days ("01-02 P5D": five days from 2 January) as one entry with a start and an
 * end; its `date` is the local date and time of the start in the state's time zone.
 */
function expand(library: Holidays, year: number): Holiday[] {
  const names = new Map<string, Record<string, string>>();
  // The package's typings declare HolidayRule without its fields; at run time it carries them.
  for (const rule of library.getRules() as unknown as { rule: string; name: unknown }[]) {
    if (typeof rule.name === "object" && rule.name !== null)
      names.set(rule.rule, rule.name as Record<string, string>);
  }
  const days: Holiday[] = [];
  for (const holiday of library.getHolidays(year, "en")) {
    if (holiday.type !== "public") continue;
    const startDate = parseIsoDate(holiday.date.slice(0, 10));
    const startsAtMidnight = holiday.date.slice(11, 19) === "00:00:00";
    const duration = (holiday.end.getTime() - holiday.start.getTime()) / DAY_IN_MILLISECONDS;
    // Whole days only: a holiday from noon leaves its first morning a working one.
    const first = startsAtMidnight ? startDate : addDays(startDate, 1);
    const count = startsAtMidnight ? Math.max(1, Math.round(duration)) : Math.floor(duration);
    const translations = names.get(holiday.rule);
    const en = translations?.en ?? holiday.name;
    const name = { en, ru: translations?.ru ?? en };
    for (let offset = 0; offset < count; offset += 1) days.push({ date: addDays(first, offset), name });
  }
  return days;
}
