import { MONTH_NAMES } from "../platform/month-names.js";
import type { REGIONS, ReportQuery, ReportResult } from "./schemas.js";
import type { StateNamesInText } from "./state-names.js";
import type { OffenceGroup, ReportMeasure } from "./vocabulary.js";

/**
 * The paragraph a press office writes from a report, in English and in Russian, built
 * from templates over the figures: never typed, so it says exactly what the table says.
 *
 *   Over the first eight months of 2022, 3,012 requests for legal assistance in cybercrime
 *   cases were considered, more than the 2,870 of the whole of 2021. The most active
 *   cooperation was with Belarus, Armenia, the Republic of Korea, Poland, Türkiye and France.
 *
 *   За первые восемь месяцев 2022 года рассмотрено 3012 запросов о правовой помощи по делам
 *   о киберпреступлениях — больше, чем за весь 2021 год (2870). Наиболее активно велось
 *   сотрудничество с Республикой Беларусь, Арменией, Республикой Корея, Польшей, Турцией и
 *   Францией.
 *
 * The first sentence states the report's total with every filter of its query (kind,
 * direction, group or category, partner or region, basis, outcome, ground), the period as
 * people say it (a year, the first N months, a quarter, a month, since the start of the
 * year, from one day to another) and, when the query compares with the previous year, the
 * comparison that matters: the whole previous year when a part of this year already
 * exceeds it, otherwise the same period a year earlier. The second names the most active
 * partners, from a second result by partner (top 6). Russian numbers agree with their nouns
 * (1 запрос, 3 запроса, 5 запросов, 21 запрос, 42 раза), state names take the instrumental
 * case after «с» (data/states/names_ru_instrumental.csv).
 */

export type StatementLanguage = "en" | "ru";

export type StatementInput = {
  /** The report whose total is stated. */
  result: ReportResult;
  /** The same query by partner, largest first (top 6); null or omitted: no partner sentence. */
  partners?: ReportResult | null;
  lang: StatementLanguage;
  /** The office's today: a period that reaches it is "since the start of the year", in the present. */
  today: string;
  /** State names as sentences need them (data/states). */
  names: StateNamesInText;
  /** The label of the `category` filter, when the query has one. */
  categoryLabel?: { en: string; ru: string } | null;
  /** The title of the instrument of the `basis` filter, when it names one. */
  basisLabel?: { en: string; ru: string } | null;
};

/** How many partners the second sentence names. */
export const STATEMENT_TOP_PARTNERS = 6;

/**
 * The measures of cooperation done, after which "the most active cooperation was with ..."
 * reads true; refusals, withdrawals, closings and pending cases are not cooperation done.
 */
export const PARTNER_SENTENCE_MEASURES: readonly ReportMeasure[] = [
  "requests",
  "decisions",
  "granted",
  "partially_granted",
  "executions",
  "surrenders",
];

/** Whether a statement of this query names the most active partners (given a result by partner). */
export function namesPartners(query: Pick<ReportQuery, "measure" | "outcome" | "partner">): boolean {
  return !query.partner && PARTNER_SENTENCE_MEASURES.includes(effectiveMeasure(query as ReportQuery));
}

export function writeStatement(input: StatementInput): string {
  const sentences = [totalSentence(input)];
  const partners = partnerSentence(input);
  if (partners) sentences.push(partners);
  return sentences.join(" ");
}

// --- numbers --------------------------------------------------------------------------------

const NO_BREAK_SPACE = "\u00a0";

/**
 * A number as each language prints it: 3,012 and 12,345.5 in English; 3012 and 12 345,5 in
 * Russian, where digits are grouped by a no-break space from five digits on (a four-digit
 * number is not split) and the decimal sign is a comma.
 */
export function formatNumber(value: number, lang: StatementLanguage): string {
  const rounded = Math.round(value * 10) / 10;
  if (lang === "en") return new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 }).format(rounded);
  const negative = rounded < 0;
  const [whole = "0", fraction] = Math.abs(rounded).toFixed(1).replace(/\.0$/, "").split(".");
  const grouped = whole.length >= 5 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, NO_BREAK_SPACE) : whole;
  return `${negative ? "−" : ""}${grouped}${fraction ? `,${fraction}` : ""}`;
}

/** The plural category a Russian noun takes after a number: one (1, 21), few (2-4, 22), many (5-20, 0), other (fractions). */
export type RussianPlural = "one" | "few" | "many" | "other";

const russianPlurals = new Intl.PluralRules("ru");

export function russianPlural(value: number): RussianPlural {
  return russianPlurals.select(value) as RussianPlural;
}

/** A Russian noun's forms after a number; `other` is the form after a fraction (34,5 дня). */
export type RussianCountForms = Record<RussianPlural, string>;

/** "3 запроса", "5 запросов", "21 запрос", "34,5 дня". */
export function russianCount(value: number, forms: RussianCountForms): string {
  return `${formatNumber(value, "ru")} ${forms[russianPlural(value)]}`;
}

const RU_REQUEST: RussianCountForms = { one: "запрос", few: "запроса", many: "запросов", other: "запроса" };
const RU_PERSON: RussianCountForms = { one: "лицо", few: "лица", many: "лиц", other: "лица" };
const RU_TIME: RussianCountForms = { one: "раз", few: "раза", many: "раз", other: "раза" };
const RU_DAY: RussianCountForms = { one: "день", few: "дня", many: "дней", other: "дня" };

// --- dates and periods ----------------------------------------------------------------------

const NUMBERS_EN = [
  "",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
];
const NUMBERS_RU = [
  "",
  "один",
  "два",
  "три",
  "четыре",
  "пять",
  "шесть",
  "семь",
  "восемь",
  "девять",
  "десять",
  "одиннадцать",
];
const ORDINALS_EN = ["", "first", "second", "third", "fourth"];
/** After «в/во» ("во втором квартале"): the prepositional of the ordinal. */
const ORDINALS_RU_PREPOSITIONAL = ["", "первом", "втором", "третьем", "четвёртом"];

type Day = { year: number; month: number; day: number };

function dayOf(date: string): Day {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A period as people name it; `range` when it is none of the others. */
export type NamedPeriod =
  | { kind: "day"; date: Day }
  | { kind: "year"; year: number }
  | { kind: "years"; from: number; to: number }
  | { kind: "first_months"; year: number; months: number }
  | { kind: "half"; year: number; half: 1 | 2 }
  | { kind: "quarter"; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: "month"; year: number; month: number }
  | { kind: "months"; year: number; from: number; to: number }
  | { kind: "year_to_date"; year: number }
  | { kind: "range"; from: Day; to: Day };

/** Names a period [from, to] (both days included); `today` makes "since the start of the year". */
export function namePeriod(from: string, to: string, today: string): NamedPeriod {
  const start = dayOf(from);
  const end = dayOf(to);
  if (from === to) return { kind: "day", date: start };
  const startsMonth = start.day === 1;
  const endsMonth = end.day === lastDayOfMonth(end.year, end.month);
  if (startsMonth && endsMonth && start.month === 1 && end.month === 12)
    return start.year === end.year
      ? { kind: "year", year: start.year }
      : { kind: "years", from: start.year, to: end.year };
  if (startsMonth && endsMonth && start.year === end.year) {
    const { year } = start;
    const count = end.month - start.month + 1;
    if (count === 1) return { kind: "month", year, month: start.month };
    if (count === 3 && start.month % 3 === 1)
      return { kind: "quarter", year, quarter: ((start.month - 1) / 3 + 1) as 1 | 2 | 3 | 4 };
    if (count === 6 && (start.month === 1 || start.month === 7))
      return { kind: "half", year, half: start.month === 1 ? 1 : 2 };
    if (start.month === 1) return { kind: "first_months", year, months: count };
    return { kind: "months", year, from: start.month, to: end.month };
  }
  if (startsMonth && start.month === 1 && to === today && start.year === end.year)
    return { kind: "year_to_date", year: start.year };
  return { kind: "range", from: start, to: end };
}

function dayText(date: Day, lang: StatementLanguage, withYear: boolean): string {
  if (lang === "en") return `${date.day} ${MONTH_NAMES.en[date.month - 1]}${withYear ? ` ${date.year}` : ""}`;
  return `${date.day} ${MONTH_NAMES.ruGenitive[date.month - 1]}${withYear ? ` ${date.year} года` : ""}`;
}

/** «с» or «со» before a day written in digits: «со 2 февраля» (второго), «с 3 февраля». */
function russianFromDay(day: number): string {
  return day === 2 ? "со" : "с";
}

/** The period at the head of the sentence: "Over the first eight months of 2022", «За первые восемь месяцев 2022 года». */
function periodPhrase(period: NamedPeriod, lang: StatementLanguage): string {
  const en = lang === "en";
  switch (period.kind) {
    case "day":
      return en ? `On ${dayText(period.date, "en", true)}` : dayText(period.date, "ru", true);
    case "year":
      return en ? `In ${period.year}` : `В ${period.year} году`;
    case "years":
      return en ? `In ${period.from}–${period.to}` : `В ${period.from}–${period.to} годах`;
    case "first_months":
      return en
        ? `Over the first ${NUMBERS_EN[period.months]} months of ${period.year}`
        : `За первые ${NUMBERS_RU[period.months]} ${period.months < 5 ? "месяца" : "месяцев"} ${period.year} года`;
    case "half":
      return en
        ? `In the ${ORDINALS_EN[period.half]} half of ${period.year}`
        : `${period.half === 2 ? "Во" : "В"} ${ORDINALS_RU_PREPOSITIONAL[period.half]} полугодии ${period.year} года`;
    case "quarter":
      return en
        ? `In the ${ORDINALS_EN[period.quarter]} quarter of ${period.year}`
        : `${period.quarter === 2 ? "Во" : "В"} ${ORDINALS_RU_PREPOSITIONAL[period.quarter]} квартале ${period.year} года`;
    case "month":
      return en
        ? `In ${MONTH_NAMES.en[period.month - 1]} ${period.year}`
        : `В ${MONTH_NAMES.ruPrepositional[period.month - 1]} ${period.year} года`;
    case "months":
      return en
        ? `From ${MONTH_NAMES.en[period.from - 1]} to ${MONTH_NAMES.en[period.to - 1]} ${period.year}`
        : `С ${MONTH_NAMES.ruGenitive[period.from - 1]} по ${MONTH_NAMES.ruNominative[period.to - 1]} ${period.year} года`;
    case "year_to_date":
      return en ? "Since the start of the year" : "С начала года";
    case "range": {
      const { from, to } = period;
      if (from.year !== to.year)
        return en
          ? `From ${dayText(from, "en", true)} to ${dayText(to, "en", true)}`
          : `${capitalise(russianFromDay(from.day))} ${dayText(from, "ru", true)} по ${dayText(to, "ru", true)}`;
      if (from.month !== to.month)
        return en
          ? `From ${dayText(from, "en", false)} to ${dayText(to, "en", true)}`
          : `${capitalise(russianFromDay(from.day))} ${dayText(from, "ru", false)} по ${dayText(to, "ru", true)}`;
      return en
        ? `From ${from.day} to ${dayText(to, "en", true)}`
        : `${capitalise(russianFromDay(from.day))} ${from.day} по ${dayText(to, "ru", true)}`;
    }
  }
}

/** A day a status is read on: "On 31 August 2022", «По состоянию на 31 августа 2022 года»; today: "Today". */
function onDayPhrase(date: string, today: string, lang: StatementLanguage): string {
  if (date === today) return lang === "en" ? "Today" : "На сегодняшний день";
  const day = dayOf(date);
  return lang === "en" ? `On ${dayText(day, "en", true)}` : `По состоянию на ${dayText(day, "ru", true)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// --- the words of a query -------------------------------------------------------------------

type Kind = NonNullable<ReportQuery["kind"]>;
type Direction = NonNullable<ReportQuery["direction"]>;
type Region = (typeof REGIONS)[number];

/** What a request is for, after the noun: "requests for legal assistance", «запросов о правовой помощи». */
const KIND_COMPLEMENT: Record<Kind, { en: string; ru: string }> = {
  mla: { en: "for legal assistance", ru: "о правовой помощи" },
  extradition: { en: "for extradition", ru: "о выдаче" },
  asset_recovery: { en: "for asset recovery", ru: "о возврате активов" },
  transfer_of_proceedings: {
    en: "for the transfer of proceedings",
    ru: "о передаче уголовного преследования",
  },
  preservation_of_data: { en: "for the preservation of data", ru: "о сохранении данных" },
};

/** The press office's names of the offence groups: "in cybercrime cases", «по делам о киберпреступлениях». */
export const GROUP_PHRASES: Record<OffenceGroup, { en: string; ru: string }> = {
  cybercrime: { en: "in cybercrime cases", ru: "по делам о киберпреступлениях" },
  corruption: { en: "in corruption cases", ru: "по делам о коррупционных преступлениях" },
  fraud: { en: "in fraud cases", ru: "по делам о мошенничестве" },
  money_laundering: {
    en: "in money-laundering cases",
    ru: "по делам о легализации (отмывании) преступных доходов",
  },
  drugs: { en: "in drug-trafficking cases", ru: "по делам о незаконном обороте наркотиков" },
  terrorism: { en: "in terrorism cases", ru: "по делам о преступлениях террористической направленности" },
  organised_crime: { en: "in organised-crime cases", ru: "по делам об организованной преступности" },
  trafficking_in_persons: { en: "in cases of trafficking in persons", ru: "по делам о торговле людьми" },
  violent_crime: { en: "in cases of violent crime", ru: "по делам о насильственных преступлениях" },
  economic_crime: { en: "in economic-crime cases", ru: "по делам об экономических преступлениях" },
};

/** The states of a region: as a subject ("European states refused"), and after «с». */
const REGION_WORDS: Record<Region, { en: string; ruNominative: string; ruInstrumental: string }> = {
  Africa: {
    en: "African states",
    ruNominative: "африканские государства",
    ruInstrumental: "африканскими государствами",
  },
  Americas: {
    en: "states of the Americas",
    ruNominative: "государства Америки",
    ruInstrumental: "государствами Америки",
  },
  Asia: {
    en: "Asian states",
    ruNominative: "азиатские государства",
    ruInstrumental: "азиатскими государствами",
  },
  Europe: {
    en: "European states",
    ruNominative: "европейские государства",
    ruInstrumental: "европейскими государствами",
  },
  Oceania: {
    en: "states of Oceania",
    ruNominative: "государства Океании",
    ruInstrumental: "государствами Океании",
  },
};

/**
 * Why a request was refused, as a sentence says it: "on political grounds", «по
 * политическим мотивам». Codes of src/domain/rules/vocabulary.ts (REFUSAL_GROUNDS); an
 * unknown code reads as "on other grounds".
 */
export const GROUND_PHRASES: Record<string, { en: string; ru: string }> = {
  political_offence: { en: "on political grounds", ru: "по политическим мотивам" },
  discrimination: {
    en: "for fear of discrimination",
    ru: "в связи с опасностью преследования по дискриминационным мотивам",
  },
  military_offence: { en: "as the offence was military", ru: "в связи с воинским характером преступления" },
  fiscal_offence: { en: "as the offence was fiscal", ru: "в связи с фискальным характером преступления" },
  own_national: { en: "on grounds of nationality", ru: "в связи с гражданством лица" },
  territoriality: {
    en: "on grounds of territoriality",
    ru: "в связи с совершением преступления на территории запрашиваемого государства",
  },
  pending_proceedings: {
    en: "because proceedings were pending in the requested state",
    ru: "в связи с производством, ведущимся в запрашиваемом государстве",
  },
  ne_bis_in_idem: { en: "on grounds of ne bis in idem", ru: "в связи с запретом повторного осуждения" },
  lapse_of_time: { en: "because of lapse of time", ru: "в связи с истечением сроков давности" },
  death_penalty: {
    en: "because of the death penalty",
    ru: "в связи с возможностью применения смертной казни",
  },
  in_absentia: { en: "because of a judgment in absentia", ru: "в связи с вынесением приговора заочно" },
  amnesty: { en: "because of an amnesty", ru: "в связи с амнистией" },
  essential_interests: {
    en: "to protect essential interests",
    ru: "в связи с угрозой существенным интересам государства",
  },
  no_dual_criminality: {
    en: "for lack of dual criminality",
    ru: "в связи с отсутствием двойной преступности",
  },
  below_threshold: {
    en: "as the penalty was below the threshold",
    ru: "в связи с недостаточной тяжестью наказания",
  },
  bank_secrecy: { en: "on grounds of bank secrecy", ru: "со ссылкой на банковскую тайну" },
  private_prosecution: {
    en: "as the offence was privately prosecuted",
    ru: "в связи с тем, что преступление преследуется в порядке частного обвинения",
  },
  non_conformity: {
    en: "as the request did not meet the requirements",
    ru: "в связи с несоответствием запроса установленным требованиям",
  },
  domestic_law_prohibits: {
    en: "as domestic law prohibited it",
    ru: "в связи с запретом национального законодательства",
  },
  contrary_to_legal_system: {
    en: "as contrary to the legal system",
    ru: "в связи с противоречием правовой системе",
  },
  other: { en: "on other grounds", ru: "по иным основаниям" },
};

function groundPhrase(ground: string): { en: string; ru: string } {
  return GROUND_PHRASES[ground] ?? (GROUND_PHRASES.other as { en: string; ru: string });
}

/** "Poland", "the Republic of Korea" / «Польшей», «Республикой Корея»; an unknown code as is. */
function stateInText(code: string, input: StatementInput) {
  const forms = input.names.get(code);
  return forms ?? { en: code, ruInstrumental: code, ruWith: "с" as const };
}

/** "A, B and C" / «А, Б и В». */
function listOf(items: readonly string[], lang: StatementLanguage): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${lang === "en" ? "and" : "и"} ${items.at(-1)}`;
}

/** The cooperation the query narrows to: "in cooperation with Poland", «в рамках сотрудничества с Польшей». */
function cooperationPhrase(query: ReportQuery, input: StatementInput): { en: string; ru: string } | null {
  if (query.partner) {
    const state = stateInText(query.partner, input);
    return {
      en: `in cooperation with ${state.en}`,
      ru: `в рамках сотрудничества ${state.ruWith} ${state.ruInstrumental}`,
    };
  }
  if (query.region) {
    const region = REGION_WORDS[query.region];
    return {
      en: `in cooperation with ${region.en}`,
      ru: `в рамках сотрудничества с ${region.ruInstrumental}`,
    };
  }
  return null;
}

/** What the cases were about: group or category, and the legal basis. */
function subjectMatter(query: ReportQuery, input: StatementInput, lang: StatementLanguage): string[] {
  const parts: string[] = [];
  if (query.group) parts.push(GROUP_PHRASES[query.group][lang]);
  else if (query.category) {
    const label = input.categoryLabel ?? { en: query.category, ru: query.category };
    parts.push(lang === "en" ? `in cases of ${label.en.toLowerCase()}` : `по делам категории «${label.ru}»`);
  }
  if (query.basis === "reciprocity")
    parts.push(lang === "en" ? "on the basis of reciprocity" : "на основе взаимности");
  else if (query.basis === "none")
    parts.push(lang === "en" ? "with no legal basis recorded" : "без указания правового основания");
  else if (query.basis) {
    const label = input.basisLabel ?? { en: "the instrument chosen", ru: "выбранного документа" };
    parts.push(lang === "en" ? `under ${label.en}` : `на основании «${label.ru}»`);
  }
  return parts;
}

// --- the comparison -------------------------------------------------------------------------

/** Whether the period lies within one calendar year and is not the whole of it. */
function isPartOfOneYear(period: NamedPeriod): boolean {
  return (
    !["year", "years", "day"].includes(period.kind) &&
    (period.kind !== "range" || period.from.year === period.to.year)
  );
}

type Comparison = {
  against: number;
  whole: boolean;
  year: number | null;
  yearIsPeriod: boolean;
  /** A count on one day (pending): compared with the same day a year earlier. */
  point?: true;
};

function chooseComparison(result: ReportResult, period: NamedPeriod): Comparison | null {
  const value = result.total.value;
  if (value === null || result.query.compare !== "previous_year") return null;
  if (result.query.measure === "pending") {
    const same = result.total.samePeriodLastYear;
    return same === null
      ? null
      : { against: same, whole: false, year: null, yearIsPeriod: false, point: true };
  }
  const whole = result.total.wholeLastYear;
  const wholePeriod = result.periods.wholeLastYear;
  if (result.unit === "cases" && isPartOfOneYear(period) && whole !== null && wholePeriod && value > whole)
    return { against: whole, whole: true, year: Number(wholePeriod.from.slice(0, 4)), yearIsPeriod: false };
  const same = result.total.samePeriodLastYear;
  const samePeriod = result.periods.samePeriodLastYear;
  if (same === null || !samePeriod) return null;
  const sameYear = samePeriod.from.slice(0, 4) === samePeriod.to.slice(0, 4);
  return {
    against: same,
    whole: false,
    year: sameYear ? Number(samePeriod.from.slice(0, 4)) : null,
    yearIsPeriod: period.kind === "year",
  };
}

/** ", more than the 2,870 of the whole of 2021" / « — больше, чем за весь 2021 год (2870)». */
function comparisonPhrase(
  comparison: Comparison | null,
  value: number,
  unit: ReportResult["unit"],
  lang: StatementLanguage,
): string {
  if (!comparison) return "";
  const { against, whole, year, yearIsPeriod } = comparison;
  const en = lang === "en";
  if (comparison.point) {
    const figure = formatNumber(against, lang);
    if (en) {
      if (value > against) return `, more than the ${figure} a year earlier`;
      if (value < against) return `, fewer than the ${figure} a year earlier`;
      return ", as many as a year earlier";
    }
    if (value > against) return ` — больше, чем годом ранее (${figure})`;
    if (value < against) return ` — меньше, чем годом ранее (${figure})`;
    return " — столько же, сколько годом ранее";
  }
  const then = whole
    ? en
      ? `the whole of ${year}`
      : `за весь ${year} год`
    : yearIsPeriod && year !== null
      ? en
        ? `${year}`
        : `в ${year} году`
      : year !== null
        ? en
          ? `the same period of ${year}`
          : `за аналогичный период ${year} года`
        : en
          ? "the same period a year earlier"
          : "за аналогичный период предыдущего года";
  if (unit === "days") {
    const days = en
      ? `${formatNumber(against, "en")} ${against === 1 ? "day" : "days"}`
      : russianCount(against, RU_DAY);
    if (en) return `, compared with ${days} in ${then}`;
    return ` (${then} — ${days})`;
  }
  const figure = formatNumber(against, lang);
  if (en) {
    if (value > against) return `, more than the ${figure} of ${then}`;
    if (value < against) return `, fewer than the ${figure} of ${then}`;
    return `, as many as in ${then}`;
  }
  if (value > against) return ` — больше, чем ${then} (${figure})`;
  if (value < against) return ` — меньше, чем ${then} (${figure})`;
  return ` — столько же, сколько ${then}`;
}

// --- the first sentence ---------------------------------------------------------------------

/** Past participle (en), and the Russian verb with a masculine singular noun (1 запрос) and otherwise. */
type Verb = { en: string; ruOne: string; ruOther: string };

const REQUEST_VERBS: Partial<Record<ReportMeasure, Verb>> = {
  decisions: { en: "considered", ruOne: "рассмотрен", ruOther: "рассмотрено" },
  granted: { en: "granted", ruOne: "удовлетворён", ruOther: "удовлетворено" },
  partially_granted: {
    en: "partially granted",
    ruOne: "частично удовлетворён",
    ruOther: "частично удовлетворено",
  },
  executions: { en: "executed", ruOne: "исполнен", ruOther: "исполнено" },
  withdrawals: { en: "withdrawn", ruOne: "отозван", ruOther: "отозвано" },
  closures: { en: "closed", ruOne: "закрыт", ruOther: "закрыто" },
};

function requestVerb(direction: Direction | undefined): Verb {
  if (direction === "incoming") return { en: "received", ruOne: "поступил", ruOther: "поступило" };
  if (direction === "outgoing") return { en: "sent", ruOne: "направлен", ruOther: "направлено" };
  return { en: "received or sent", ruOne: "поступил или направлен", ruOther: "поступило или направлено" };
}

/** The measure the figures are of: a decisions report with an outcome filter states that outcome. */
function effectiveMeasure(query: ReportQuery): ReportMeasure {
  if (query.measure === "decisions" && query.outcome)
    return query.outcome === "refused" ? "refusals" : query.outcome;
  return query.measure;
}

const DIRECTION_ADJECTIVE: Record<
  Direction,
  { en: string; ruOne: string; ruOther: string; ruGenitiveOne: string }
> = {
  incoming: { en: "incoming", ruOne: "входящий", ruOther: "входящих", ruGenitiveOne: "входящего" },
  outgoing: { en: "outgoing", ruOne: "исходящий", ruOther: "исходящих", ruGenitiveOne: "исходящего" },
};

type Sentence = {
  input: StatementInput;
  query: ReportQuery;
  lang: StatementLanguage;
  value: number | null;
  period: NamedPeriod;
  ongoing: boolean;
  head: string;
  cooperation: { en: string; ru: string } | null;
  matter: string[];
  comparison: string;
};

function totalSentence(input: StatementInput): string {
  const { result, lang, today } = input;
  const query = result.query as ReportQuery;
  const { from, to } = result.periods.current;
  const period = namePeriod(from, to, today);
  const value = result.total.value;
  const measure = effectiveMeasure(query);
  const sentence: Sentence = {
    input,
    query,
    lang,
    value,
    period,
    ongoing: to >= today,
    head: measure === "pending" ? onDayPhrase(to, today, lang) : periodPhrase(period, lang),
    cooperation: cooperationPhrase(query, input),
    matter: subjectMatter(query, input, lang),
    comparison:
      value === null ? "" : comparisonPhrase(chooseComparison(result, period), value, result.unit, lang),
  };
  switch (measure) {
    case "pending":
      return pendingSentence(sentence);
    case "refusals":
      return refusalSentence(sentence);
    case "surrenders":
      return surrenderSentence(sentence);
    case "reopenings":
      return reopeningSentence(sentence);
    case "decision_days_median":
    case "decision_days_p90":
    case "completion_days_median":
    case "completion_days_p90":
      return daysSentence(sentence, measure);
    case "requests":
      return requestSentence(sentence, requestVerb(query.direction), false);
    default:
      return requestSentence(sentence, REQUEST_VERBS[measure] as Verb, true);
  }
}

/** "3,012 incoming requests for legal assistance in cybercrime cases" (en) or its Russian count. */
function requestsNounEn(sentence: Sentence, withDirection: boolean): string {
  const { query, value } = sentence;
  const adjective = withDirection && query.direction ? `${DIRECTION_ADJECTIVE[query.direction].en} ` : "";
  const noun = value === 1 ? "request" : "requests";
  const complement = query.kind ? ` ${KIND_COMPLEMENT[query.kind].en}` : "";
  const matter = sentence.matter.map((part) => ` ${part}`).join("");
  const count = value === 0 ? "no" : formatNumber(value ?? 0, "en");
  return `${count} ${adjective}${noun}${complement}${matter}`;
}

/** «3012 входящих запросов о правовой помощи по делам о киберпреступлениях». */
function requestsNounRu(
  sentence: Sentence,
  withDirection: boolean,
  form: "count" | "genitive" | "none",
): string {
  const { query } = sentence;
  const value = sentence.value ?? 0;
  const plural = russianPlural(value);
  const direction = withDirection && query.direction ? DIRECTION_ADJECTIVE[query.direction] : null;
  let counted: string;
  if (form === "none") {
    counted = `ни одного ${direction ? `${direction.ruGenitiveOne} ` : ""}запроса`;
  } else if (form === "genitive") {
    // After «в исполнении», «рассмотрение»: 1 запроса, 3 запросов, 21 запроса.
    const one = plural === "one";
    counted = `${formatNumber(value, "ru")} ${direction ? `${one ? direction.ruGenitiveOne : direction.ruOther} ` : ""}${one ? "запроса" : "запросов"}`;
  } else {
    const adjective = direction ? `${plural === "one" ? direction.ruOne : direction.ruOther} ` : "";
    counted = `${formatNumber(value, "ru")} ${adjective}${RU_REQUEST[plural]}`;
  }
  const complement = query.kind ? ` ${KIND_COMPLEMENT[query.kind].ru}` : "";
  return `${counted}${complement}${sentence.matter.map((part) => ` ${part}`).join("")}`;
}

function ruHead(sentence: Sentence): string {
  return sentence.cooperation ? `${sentence.head} ${sentence.cooperation.ru}` : sentence.head;
}

function enTail(sentence: Sentence): string {
  return sentence.cooperation ? ` ${sentence.cooperation.en}` : "";
}

/** "were considered" / "have been considered", by number and by whether the period is over. */
function enPassive(sentence: Sentence, participle: string): string {
  const singular = sentence.value === 1;
  if (sentence.ongoing) return `${singular ? "has" : "have"} been ${participle}`;
  return `${singular ? "was" : "were"} ${participle}`;
}

function requestSentence(sentence: Sentence, verb: Verb, withDirection: boolean): string {
  const value = sentence.value ?? 0;
  if (sentence.lang === "en")
    return `${sentence.head}, ${requestsNounEn(sentence, withDirection)} ${enPassive(sentence, verb.en)}${enTail(sentence)}${sentence.comparison}.`;
  if (value === 0)
    return `${ruHead(sentence)} не ${verb.ruOther} ${requestsNounRu(sentence, withDirection, "none")}${sentence.comparison}.`;
  const ruVerb = russianPlural(value) === "one" ? verb.ruOne : verb.ruOther;
  return `${ruHead(sentence)} ${ruVerb} ${requestsNounRu(sentence, withDirection, "count")}${sentence.comparison}.`;
}

function reopeningSentence(sentence: Sentence): string {
  const value = sentence.value ?? 0;
  if (sentence.lang === "en")
    return `${sentence.head}, ${requestsNounEn(sentence, true)} ${enPassive(sentence, "reopened")}${enTail(sentence)}${sentence.comparison}.`;
  if (value === 0)
    return `${ruHead(sentence)} не возобновлялось рассмотрение ${requestsNounRu(sentence, true, "none")}${sentence.comparison}.`;
  return `${ruHead(sentence)} возобновлено рассмотрение ${requestsNounRu(sentence, true, "genitive")}${sentence.comparison}.`;
}

function pendingSentence(sentence: Sentence): string {
  const value = sentence.value ?? 0;
  // A status is read on one day: "Today, ... are pending", "On 31 August 2022, ... were pending".
  const present = sentence.head === "Today" || sentence.head === "На сегодняшний день";
  if (sentence.lang === "en") {
    const verb = present ? (value === 1 ? "is" : "are") : value === 1 ? "was" : "were";
    return `${sentence.head}, ${requestsNounEn(sentence, true)} ${verb} pending${enTail(sentence)}${sentence.comparison}.`;
  }
  if (value === 0)
    return `${ruHead(sentence)} на рассмотрении ${present ? "не находится" : "не находилось"} ${requestsNounRu(sentence, true, "none")}${sentence.comparison}.`;
  const verb = present ? "находится" : russianPlural(value) === "one" ? "находился" : "находилось";
  return `${ruHead(sentence)} на рассмотрении ${verb} ${requestsNounRu(sentence, true, "count")}${sentence.comparison}.`;
}

function surrenderSentence(sentence: Sentence): string {
  const { query, lang } = sentence;
  const value = sentence.value ?? 0;
  const matter = sentence.matter.map((part) => ` ${part}`).join("");
  if (lang === "en") {
    const persons =
      value === 0 ? "no persons" : `${formatNumber(value, "en")} ${value === 1 ? "person" : "persons"}`;
    const to =
      query.direction === "incoming"
        ? " to foreign states"
        : query.direction === "outgoing"
          ? " by foreign states"
          : "";
    return `${sentence.head}, ${persons}${matter} ${enPassive(sentence, "surrendered")}${to}${enTail(sentence)}${sentence.comparison}.`;
  }
  const by =
    query.direction === "incoming"
      ? " иностранным государствам"
      : query.direction === "outgoing"
        ? " иностранными государствами"
        : "";
  if (value === 0) return `${ruHead(sentence)}${by} не выдано ни одного лица${matter}${sentence.comparison}.`;
  return `${ruHead(sentence)}${by} выдано ${russianCount(value, RU_PERSON)}${matter}${sentence.comparison}.`;
}

/**
 * Refusals. Foreign states' refusals of our requests (outgoing) have the states as subject:
 * "European states have refused 42 times, on political grounds, to extradite", «европейские
 * государства 42 раза отказали в выдаче по политическим мотивам»; extradition counts times,
 * other kinds count requests; our own refusals are passive.
 */
function refusalSentence(sentence: Sentence): string {
  const { query, lang, input } = sentence;
  const value = sentence.value ?? 0;
  const extradition = query.kind === "extradition";
  const ground = query.ground ? groundPhrase(query.ground) : null;
  const matter = sentence.matter.map((part) => ` ${part}`).join("");
  const foreign = query.direction === "outgoing";
  const partner = query.partner ? stateInText(query.partner, input) : null;
  const region = !partner && query.region ? REGION_WORDS[query.region] : null;

  if (lang === "en") {
    const times = value === 1 ? "once" : value === 2 ? "twice" : `${formatNumber(value, "en")} times`;
    if (foreign) {
      const subject = partner ? partner.en : region ? region.en : "foreign states";
      const singular = partner !== null;
      const have = sentence.ongoing ? (singular ? "has " : "have ") : "";
      const refusedNot = sentence.ongoing ? `${singular ? "has" : "have"} not refused` : "did not refuse";
      if (extradition) {
        if (value === 0)
          return `${sentence.head}, ${subject} ${refusedNot}${ground ? `, ${ground.en},` : ""} to extradite${matter}${sentence.comparison}.`;
        return `${sentence.head}, ${subject} ${have}refused ${times}${ground ? `, ${ground.en},` : ""} to extradite${matter}${sentence.comparison}.`;
      }
      if (value === 0)
        return `${sentence.head}, ${subject} ${refusedNot} any request${query.kind ? ` ${KIND_COMPLEMENT[query.kind].en}` : ""}${matter}${ground ? ` ${ground.en}` : ""}${sentence.comparison}.`;
      return `${sentence.head}, ${subject} ${have}refused ${requestsNounEn(sentence, false)}${ground ? ` ${ground.en}` : ""}${sentence.comparison}.`;
    }
    if (extradition) {
      const to = query.direction === "incoming" ? " to foreign states" : "";
      const was = sentence.ongoing ? "has been" : "was";
      if (value === 0)
        return `${sentence.head}, extradition${to} ${sentence.ongoing ? "has not been" : "was not"} refused${matter}${ground ? ` ${ground.en}` : ""}${enTail(sentence)}${sentence.comparison}.`;
      return `${sentence.head}, extradition${to} ${was} refused ${times}${matter}${ground ? ` ${ground.en}` : ""}${enTail(sentence)}${sentence.comparison}.`;
    }
    return `${sentence.head}, ${requestsNounEn(sentence, true)} ${enPassive(sentence, "refused")}${ground ? ` ${ground.en}` : ""}${enTail(sentence)}${sentence.comparison}.`;
  }

  const groundRu = ground ? ` ${ground.ru}` : "";
  if (foreign) {
    if (partner) {
      // The partner as the agent, in the instrumental: «Польшей 3 раза отказано в выдаче».
      const agent = partner.ruInstrumental;
      if (extradition)
        return value === 0
          ? `${sentence.head} ${agent} ни разу не отказано в выдаче${matter}${groundRu}${sentence.comparison}.`
          : `${sentence.head} ${agent} ${russianCount(value, RU_TIME)} отказано в выдаче${matter}${groundRu}${sentence.comparison}.`;
      return value === 0
        ? `${sentence.head} ${agent} не отказано в исполнении ${requestsNounRu(sentence, false, "none")}${groundRu}${sentence.comparison}.`
        : `${sentence.head} ${agent} отказано в исполнении ${requestsNounRu(sentence, false, "genitive")}${groundRu}${sentence.comparison}.`;
    }
    const subject = region ? region.ruNominative : "иностранные государства";
    if (extradition)
      return value === 0
        ? `${sentence.head} ${subject} ни разу не отказали в выдаче${matter}${groundRu}${sentence.comparison}.`
        : `${sentence.head} ${subject} ${russianCount(value, RU_TIME)} отказали в выдаче${matter}${groundRu}${sentence.comparison}.`;
    return value === 0
      ? `${sentence.head} ${subject} не отказали в исполнении ${requestsNounRu(sentence, false, "none")}${groundRu}${sentence.comparison}.`
      : `${sentence.head} ${subject} отказали в исполнении ${requestsNounRu(sentence, false, "genitive")}${groundRu}${sentence.comparison}.`;
  }
  if (extradition) {
    const to = query.direction === "incoming" ? " иностранным государствам" : "";
    return value === 0
      ? `${ruHead(sentence)} ни разу не отказано в выдаче${to}${matter}${groundRu}${sentence.comparison}.`
      : `${ruHead(sentence)} ${russianCount(value, RU_TIME)} отказано в выдаче${to}${matter}${groundRu}${sentence.comparison}.`;
  }
  return value === 0
    ? `${ruHead(sentence)} не отказано в исполнении ${requestsNounRu(sentence, true, "none")}${groundRu}${sentence.comparison}.`
    : `${ruHead(sentence)} отказано в исполнении ${requestsNounRu(sentence, true, "genitive")}${groundRu}${sentence.comparison}.`;
}

/** Medians and 90th percentiles of days, from receipt (or sending) to decision, or from decision to completion. */
function daysSentence(sentence: Sentence, measure: ReportMeasure): string {
  const { query, lang, value } = sentence;
  const decision = measure.startsWith("decision");
  const median = measure.endsWith("median");
  const en = lang === "en";
  const start =
    query.direction === "incoming"
      ? en
        ? "receipt"
        : "поступления"
      : query.direction === "outgoing"
        ? en
          ? "sending"
          : "направления"
        : en
          ? "receipt or sending"
          : "поступления или направления";
  const span = decision
    ? en
      ? `from ${start} to decision`
      : `от ${start} до принятия решения`
    : en
      ? "from decision to execution or surrender"
      : "от принятия решения до исполнения или выдачи";
  const complement = query.kind ? ` ${KIND_COMPLEMENT[query.kind][lang]}` : "";
  const matter = sentence.matter.map((part) => ` ${part}`).join("");
  if (en) {
    const measureName = median ? "the median time" : "the 90th percentile of the time";
    const what = `${measureName} ${span} on requests${complement}${matter}`;
    if (value === null)
      return `${sentence.head}, ${decision ? "no decision was taken" : "no request was completed"} on requests${complement}${matter}${enTail(sentence)}, so there is no time ${span} to state.`;
    const days = `${formatNumber(value, "en")} ${value === 1 ? "day" : "days"}`;
    return `${sentence.head}, ${what}${enTail(sentence)} ${sentence.ongoing ? "is" : "was"} ${days}${sentence.comparison}.`;
  }
  const measureName = median ? "медианный срок" : "90-й процентиль срока";
  const what = `${measureName} ${span} по запросам${complement}${matter}`;
  if (value === null)
    return `${ruHead(sentence)} ${decision ? "не было принято ни одного решения" : "не было завершено исполнение ни одного запроса"} по запросам${complement}${matter}, поэтому срок ${span} не рассчитывается.`;
  return `${ruHead(sentence)} ${what} ${sentence.ongoing ? "составляет" : "составил"} ${russianCount(value, RU_DAY)}${sentence.comparison}.`;
}

// --- the partners ---------------------------------------------------------------------------

function partnerSentence(input: StatementInput): string | null {
  const { partners, lang, today } = input;
  if (!partners || !namesPartners(input.result.query as ReportQuery)) return null;
  const codes = partners.rows
    .filter((row) => /^[A-Z]{2}$/.test(row.key) && (row.value ?? 0) > 0)
    .slice(0, STATEMENT_TOP_PARTNERS)
    .map((row) => row.key);
  if (codes.length === 0) return null;
  const ongoing = partners.periods.current.to >= today;
  const states = codes.map((code) => stateInText(code, input));
  if (lang === "en")
    return `The most active cooperation ${ongoing ? "is" : "was"} with ${listOf(
      states.map((state) => state.en),
      "en",
    )}.`;
  return `Наиболее активно ${ongoing ? "ведётся" : "велось"} сотрудничество ${states[0]!.ruWith} ${listOf(
    states.map((state) => state.ruInstrumental),
    "ru",
  )}.`;
}
