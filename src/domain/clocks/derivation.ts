import { addDays, type IsoDate, type Weekday, weekdayOf } from "../platform/dates.js";
import type { Bilingual } from "../platform/schemas.js";
import type { StateCalendar } from "./calendar.js";
import type { Holiday } from "./schemas.js";

/**
 * The words of a deadline's derivation, in English and Russian: "release the person no
 * later than 2025-03-10: 40 days after provisional arrest on 2025-01-29, CETS 024
 * art. 16(4)". The derivation is what an officer reads to check the arithmetic and the
 * citation, so every fact the engine used is in it: the start and any record it corrects,
 * a last day that is not a working day, the holidays inside the period, a missing holiday
 * calendar, the event that stopped the clock, and whether the rule is verified or advice.
 */

export type Words = Bilingual;

const WEEKDAY_NAMES: Record<Weekday, Words> = {
  0: { en: "Sunday", ru: "воскресенье" },
  1: { en: "Monday", ru: "понедельник" },
  2: { en: "Tuesday", ru: "вторник" },
  3: { en: "Wednesday", ru: "среда" },
  4: { en: "Thursday", ru: "четверг" },
  5: { en: "Friday", ru: "пятница" },
  6: { en: "Saturday", ru: "суббота" },
};

/** Short citations: "CETS 024 art. 16(4)" / "ст. 16(4) Европейской конвенции о выдаче (CETS 024)". */
const INSTRUMENT_NAMES: Record<string, { en: string; ruGenitive: string }> = {
  CETS024: { en: "CETS 024", ruGenitive: "Европейской конвенции о выдаче (CETS 024)" },
  CETS209: {
    en: "CETS 209",
    ruGenitive: "Третьего дополнительного протокола к Европейской конвенции о выдаче (CETS 209)",
  },
  CETS030: {
    en: "CETS 030",
    ruGenitive: "Европейской конвенции о взаимной правовой помощи по уголовным делам (CETS 030)",
  },
  CETS185: { en: "CETS 185 (Budapest Convention)", ruGenitive: "Конвенции о киберпреступности (CETS 185)" },
  UNTOC: { en: "UNTOC", ruGenitive: "Конвенции ООН против транснациональной организованной преступности" },
  UNCAC: { en: "UNCAC", ruGenitive: "Конвенции ООН против коррупции" },
  MINSK1993: { en: "Minsk Convention 1993", ruGenitive: "Минской конвенции 1993 г." },
  CHISINAU2002: { en: "Chisinau Convention 2002", ruGenitive: "Кишинёвской конвенции 2002 г." },
  UNMTE1990: {
    en: "UN Model Treaty on Extradition (GA res. 45/116)",
    ruGenitive: "Типового договора ООН о выдаче (резолюция ГА 45/116)",
  },
};

export function citation(instrument: string, article: string, articleRu: string | undefined): Words {
  const name = INSTRUMENT_NAMES[instrument] ?? { en: instrument, ruGenitive: instrument };
  const russianArticle = articleRu ?? article.replace(/\barts?\.\s*/g, "ст. ");
  return { en: `${name.en} ${article}`, ru: `${russianArticle} ${name.ruGenitive}` };
}

/** How the start of a clock reads after "40 days after" / "40 дней". Keyed by event type, or type.field. */
const STARTS: Record<string, { en: (on: IsoDate) => string; ru: (on: IsoDate) => string }> = {
  provisional_arrest: {
    en: (on) => `provisional arrest on ${on}`,
    ru: (on) => `со дня временного ареста ${on}`,
  },
  "surrender_date_set.surrenderOn": {
    en: (on) => `the date set for surrender, ${on}`,
    ru: (on) => `с даты передачи, назначенной на ${on}`,
  },
  measure_status_changed: {
    en: (on) => `execution of the measure on ${on}`,
    ru: (on) => `со дня исполнения меры ${on}`,
  },
  received: { en: (on) => `receipt of the request on ${on}`, ru: (on) => `со дня получения запроса ${on}` },
  sent: { en: (on) => `sending of the request on ${on}`, ru: (on) => `со дня направления запроса ${on}` },
  consent_recorded: { en: (on) => `the person's consent on ${on}`, ru: (on) => `со дня согласия лица ${on}` },
  decided: { en: (on) => `the decision on ${on}`, ru: (on) => `со дня принятия решения ${on}` },
  released: { en: (on) => `release on ${on}`, ru: (on) => `со дня освобождения ${on}` },
  surrendered: { en: (on) => `surrender on ${on}`, ru: (on) => `со дня передачи ${on}` },
};

export function startWords(from: string, fromField: string | undefined, on: IsoDate): Words {
  const start = (fromField ? STARTS[`${from}.${fromField}`] : undefined) ?? STARTS[from];
  if (start) return { en: start.en(on), ru: start.ru(on) };
  const type = from.replaceAll("_", " ");
  return { en: `${type}${fromField ? ` (${fromField})` : ""} on ${on}`, ru: `с ${on} (${type})` };
}

/** What the stopping event was, as a clause: "the request was received". */
const STOPS: Record<string, Words> = {
  received: { en: "the request was received", ru: "запрос получен" },
  sent: { en: "the request was sent", ru: "запрос направлен" },
  released: { en: "the person was released", ru: "лицо освобождено" },
  surrendered: { en: "the person was surrendered", ru: "лицо передано" },
  correspondence_logged: { en: "correspondence was logged", ru: "зарегистрирована переписка" },
  withdrawn: { en: "the request was withdrawn", ru: "запрос отозван" },
  closed: { en: "the case was closed", ru: "дело закрыто" },
  measure_status_changed: { en: "the measure's status changed", ru: "изменён статус меры" },
  consent_recorded: { en: "the person's consent was recorded", ru: "зафиксировано согласие лица" },
  decided: { en: "the request was decided", ru: "по запросу принято решение" },
  information_received: {
    en: "additional information was received",
    ru: "получена дополнительная информация",
  },
};

export function stopWords(type: string): Words {
  return STOPS[type] ?? { en: type.replaceAll("_", " "), ru: type.replaceAll("_", " ") };
}

/** "40 дней", "21 день", "2 дня": Russian nouns agree with the number. */
function russianDays(count: number, working: boolean): string {
  const lastTwo = count % 100;
  const last = count % 10;
  const form =
    lastTwo >= 11 && lastTwo <= 14 ? "many" : last === 1 ? "one" : last >= 2 && last <= 4 ? "few" : "many";
  const noun = { one: "день", few: "дня", many: "дней" }[form];
  const adjective = { one: "рабочий", few: "рабочих", many: "рабочих" }[form];
  return working ? `${count} ${adjective} ${noun}` : `${count} ${noun}`;
}

export function periodWords(days: number, dayKind: "calendar" | "business", state: string): Words {
  return dayKind === "calendar"
    ? { en: `${days} ${days === 1 ? "day" : "days"}`, ru: russianDays(days, false) }
    : {
        en: `${days} working ${days === 1 ? "day" : "days"} in ${state}`,
        ru: `${russianDays(days, true)} (${state})`,
      };
}

/** Consecutive days of one holiday as one entry: "2025-01-02 to 2025-01-06 New Year Holiday". */
export function holidayList(holidays: readonly Holiday[]): Words {
  const runs: { from: IsoDate; to: IsoDate; name: Holiday["name"] }[] = [];
  for (const holiday of holidays) {
    const last = runs.at(-1);
    if (last && last.name.en === holiday.name.en && addDays(last.to, 1) === holiday.date)
      last.to = holiday.date;
    else runs.push({ from: holiday.date, to: holiday.date, name: holiday.name });
  }
  return {
    en: runs
      .map((run) => `${run.from === run.to ? run.from : `${run.from} to ${run.to}`} ${run.name.en}`)
      .join(", "),
    ru: runs
      .map((run) => `${run.from === run.to ? run.from : `${run.from}–${run.to}`} ${run.name.ru}`)
      .join(", "),
  };
}

function weekendWords(calendar: StateCalendar): Words {
  return {
    en: calendar.weekend.map((day) => WEEKDAY_NAMES[day].en).join(" and "),
    ru: calendar.weekend.map((day) => WEEKDAY_NAMES[day].ru).join(" и "),
  };
}

/** A citation may end with an abbreviation ("1993 г."): no second full stop after it. */
function sentence(text: string): string {
  return text.endsWith(".") ? text : `${text}.`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type DerivationFacts = {
  consequence: Words;
  dueOn: IsoDate;
  practicalDueOn: IsoDate;
  period: Words;
  start: Words;
  citation: Words;
  calendar: StateCalendar;
  dayKind: "calendar" | "business";
  minimum: boolean;
  corrects: { sequence: number; on: IsoDate }[];
  holidaysInWindow: Holiday[];
  stop: { type: string; on: IsoDate; beforeStart: boolean } | null;
  state: "running" | "met" | "overdue" | "missed" | "elapsed";
  fallback: boolean;
  verified: boolean;
};

export function derivationOf(facts: DerivationFacts): Words {
  const en: string[] = [];
  const ru: string[] = [];
  const say = (words: Words) => {
    en.push(words.en);
    ru.push(words.ru);
  };
  const state = facts.calendar.state;

  const headline = {
    en: sentence(
      `${facts.consequence.en} ${facts.dueOn}: ${facts.period.en} after ${facts.start.en}, ${facts.citation.en}`,
    ),
    ru: sentence(
      `${facts.consequence.ru} ${facts.dueOn}: ${facts.period.ru} ${facts.start.ru}, ${facts.citation.ru}`,
    ),
  };
  say(
    facts.fallback
      ? {
          en: `Advice (a model-treaty period, not one of the legal basis): ${headline.en}`,
          ru: `Для сведения (срок типового договора, а не правового основания): ${headline.ru}`,
        }
      : { en: capitalise(headline.en), ru: capitalise(headline.ru) },
  );

  if (facts.corrects.length > 0) {
    const list = facts.corrects.map((record) => `${record.on} (event ${record.sequence})`).join(", ");
    const listRu = facts.corrects.map((record) => `${record.on} (событие ${record.sequence})`).join(", ");
    say({
      en: `The start is the latest record, which corrects ${list}.`,
      ru: `Начало срока — по последней записи, которая исправляет ${listRu}.`,
    });
  }

  const lastDay = facts.calendar.dayOff(facts.dueOn);
  if (facts.dayKind === "calendar" && lastDay) {
    const names = {
      en: lastDay.holidays.map((holiday) => holiday.name.en).join("; "),
      ru: lastDay.holidays.map((holiday) => holiday.name.ru).join("; "),
    };
    const weekday = WEEKDAY_NAMES[weekdayOf(facts.dueOn)];
    const what: Words =
      lastDay.weekend && lastDay.holidays.length > 0
        ? {
            en: `a ${weekday.en} and a public holiday (${names.en})`,
            ru: `выходной (${weekday.ru}) и праздничный день (${names.ru})`,
          }
        : lastDay.weekend
          ? { en: `a ${weekday.en}`, ru: `выходной день (${weekday.ru})` }
          : { en: `a public holiday (${names.en})`, ru: `нерабочий праздничный день (${names.ru})` };
    say({
      en: `${facts.dueOn} is ${what.en} in ${state}; the period is not moved: the last working day before it is ${facts.practicalDueOn}.`,
      ru: `${facts.dueOn} — ${what.ru} в ${state}; срок не переносится: последний рабочий день перед ним — ${facts.practicalDueOn}.`,
    });
  }

  if (facts.holidaysInWindow.length > 0) {
    const list = holidayList(facts.holidaysInWindow);
    say(
      facts.dayKind === "calendar"
        ? {
            en: `Public holidays in ${state} within the period do not extend it: ${list.en}.`,
            ru: `Праздничные дни в ${state} в пределах срока его не продлевают: ${list.ru}.`,
          }
        : {
            en: `Weekends and these public holidays in ${state} are not counted: ${list.en}.`,
            ru: `Выходные и эти праздничные дни в ${state} не считаются: ${list.ru}.`,
          },
    );
  }

  if (!facts.calendar.holidaysKnown) {
    const weekend = weekendWords(facts.calendar);
    say({
      en: `No public-holiday calendar is available for ${state}: only the weekend (${weekend.en}) was taken into account; check the local holidays.`,
      ru: `Календаря праздников для ${state} нет: учтены только выходные (${weekend.ru}); проверьте местные праздники.`,
    });
  }

  const stop = facts.stop;
  if (stop) {
    const words = stopWords(stop.type);
    if (facts.state === "met" && stop.beforeStart)
      say({
        en: `Met before it began: ${words.en} on ${stop.on}.`,
        ru: `Соблюдён ещё до начала срока: ${words.ru} ${stop.on}.`,
      });
    else if (facts.state === "met")
      say(
        facts.minimum
          ? { en: `Ended: ${words.en} on ${stop.on}.`, ru: `Окончен: ${words.ru} ${stop.on}.` }
          : { en: `Met: ${words.en} on ${stop.on}.`, ru: `Соблюдён: ${words.ru} ${stop.on}.` },
      );
    else if (facts.state === "missed")
      say({
        en: `Missed: ${words.en} only on ${stop.on}, after the last day.`,
        ru: `Пропущен: ${words.ru} лишь ${stop.on}, после последнего дня срока.`,
      });
    else if (facts.state === "elapsed")
      say({
        en: `The minimum period had run when ${words.en} on ${stop.on}.`,
        ru: `Минимальный срок уже истёк, когда ${words.ru} ${stop.on}.`,
      });
  } else if (facts.state === "overdue") {
    say({
      en: `Overdue: the last day has passed and nothing that stops the clock is recorded.`,
      ru: `Просрочен: последний день срока прошёл, а событие, прекращающее его течение, не записано.`,
    });
  } else if (facts.state === "elapsed") {
    say({ en: "The minimum period has run.", ru: "Минимальный срок истёк." });
  }

  if (facts.fallback)
    say({
      en: "Check the period of the instrument in force between the two states.",
      ru: "Проверьте срок по договору, действующему между двумя государствами.",
    });
  if (!facts.verified)
    say({ en: "Not yet verified against the treaty text.", ru: "Ещё не сверено с текстом договора." });

  return { en: en.join(" "), ru: ru.join(" ") };
}
