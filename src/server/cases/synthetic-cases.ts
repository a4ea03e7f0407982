/**
 * Synthetic cases: the office's history invented, deterministically for a seed, for
 * `comity seed --synthetic N` and for the benchmarks (one generator, two callers).
 *
 * The office is Russia's central authority (as in data/demo/cases.json), working with
 * about a hundred partner states, the usual correspondents far more often than the rest
 * (a power-law tail). Cases are opened from 1 January 2015 up to the office's yesterday,
 * about 6 % more each year. Every kind of case in both directions, each with the event
 * stream a case of its age would have: received or sent, registered, assigned, sometimes
 * asked for more information, decided (granted, partly granted, refused with grounds of
 * the vocabulary) or withdrawn, executed measure by measure, surrendered or, for asset
 * recovery, traced, frozen, confiscated and returned or shared with amounts, then closed;
 * a few are reopened and decided again, and some stall on the way and stay pending.
 *
 * What the statistics should show, as in an office's real figures:
 * - cybercrime (ICCS 0903) grows year over year: from about 3 % of the requests for legal
 *   assistance and for the preservation of data in 2015 to about 20 % in 2026, with its
 *   own most active partners (Belarus, Armenia, the Republic of Korea, Poland, Turkey,
 *   France...);
 * - decisions come weeks to months after receipt (extradition takes longest), execution
 *   and surrender some weeks to months after the decision;
 * - extradition refusals on political grounds come mostly from European states; an own
 *   national is almost never extradited.
 *
 * Each case is a function of (seed, its index, the context): the same seed and the same
 * office day give the same cases whatever the chunking or the number of workers. Persons
 * and offences are in English and Russian; outgoing requests are often written in Russian.
 * References start with SYNTHETIC_REFERENCE_PREFIX so that a synthetic case is never
 * taken for a real one.
 */
import type {
  Asset,
  CaseEvent,
  CaseEventInput,
  CaseFacts,
  CaseHeader,
  DecisionGround,
  Measure,
  Offence,
  Person,
} from "../../domain/cases/model.js";
import type { CaseKind, ConfidentialityLevel, Direction, Priority } from "../../domain/cases/vocabulary.js";
import { computeDeadlines } from "../../domain/clocks/compute.js";
import type { Deadline } from "../../domain/clocks/schemas.js";
import { parseStateCode, type StateCode } from "../../domain/directory/state-codes.js";
import { addDays, daysBetween, type IsoDate, parseIsoDate } from "../../domain/platform/dates.js";
import type { Rule } from "../../domain/rules/model.js";
import type { RefusalGround } from "../../domain/rules/vocabulary.js";
import { type EvaluationInputs, legalBasisOf } from "./evaluate-case.js";

export const HOME_STATE = parseStateCode("RU");

/** Every synthetic reference starts with this: SYN-MLA-IN-2024-000123. */
export const SYNTHETIC_REFERENCE_PREFIX = "SYN-";

export type PartnerState = { code: StateCode; nameEn: string; nameRu: string };

export type TeamName = (typeof TEAM_NAMES)[number];
export const TEAM_NAMES = [
  "Extradition unit",
  "Legal assistance unit",
  "CIS legal assistance unit",
  "Asset recovery unit",
  "Cybercrime unit",
  "Transfer of proceedings unit",
] as const;

export type GeneratorContext = {
  /** The office's today: no event is dated after it, no case opened on it or later. */
  today: IsoDate;
  /** Most frequent first (partnersFrom). */
  partners: readonly PartnerState[];
  teamIds: Readonly<Record<TeamName, string>>;
  /** Registry code to instrument id, for the legal bases. */
  instruments: ReadonlyMap<string, string>;
};

export type SyntheticCase = {
  header: CaseHeader;
  facts: CaseFacts;
  /** The stream after `opened`, in order, dated. */
  events: CaseEventInput[];
  /** The day the case was opened: its `opened` event carries it. */
  openedOn: IsoDate;
};

/** The first year of the office's history. */
export const FIRST_YEAR = 2015;

/** The partners named first: the office's usual correspondents, most frequent first. */
export const USUAL_PARTNERS = [
  "KZ",
  "BY",
  "UZ",
  "KG",
  "AM",
  "TJ",
  "AZ",
  "CN",
  "TR",
  "DE",
  "MD",
  "KR",
  "PL",
  "AE",
  "FR",
  "IN",
  "VN",
  "RS",
  "IL",
  "US",
  "IT",
  "ES",
  "CY",
  "TH",
  "FI",
  "GB",
  "KH",
] as const;
/** Who cybercrime requests go to or come from most (the press release's order). */
const CYBERCRIME_PARTNERS = ["BY", "AM", "KR", "PL", "TR", "FR", "DE", "KZ", "US", "NL", "CN", "UZ"] as const;
const CIS = new Set(["KZ", "BY", "UZ", "KG", "TJ", "AM", "AZ", "MD"]);
/** Members of the Council of Europe and other European states: CETS 024 and 030 partners. */
const EUROPE = new Set([
  "AD",
  "AL",
  "AT",
  "BA",
  "BE",
  "BG",
  "CH",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GB",
  "GE",
  "GR",
  "HR",
  "HU",
  "IE",
  "IS",
  "IT",
  "LI",
  "LT",
  "LU",
  "LV",
  "MC",
  "ME",
  "MK",
  "MT",
  "NL",
  "NO",
  "PL",
  "PT",
  "RO",
  "RS",
  "SE",
  "SI",
  "SK",
  "SM",
  "TR",
  "UA",
]);

/** Currencies of assets by the state they are in; elsewhere US dollars or euros. */
const LOCAL_CURRENCY: Readonly<Record<string, string>> = {
  RU: "RUB",
  KZ: "KZT",
  BY: "BYN",
  AE: "AED",
  CN: "CNY",
  GB: "GBP",
  CH: "CHF",
  TR: "TRY",
  US: "USD",
  CY: "EUR",
  DE: "EUR",
  FR: "EUR",
  IT: "EUR",
  ES: "EUR",
  FI: "EUR",
};

type OffenceKind = {
  category: string;
  en: string;
  /** The offence in the prepositional case: "по уголовному делу о мошенничестве". */
  ru: string;
  descriptionEn: string;
  descriptionRu: string;
  russianArticle: string;
  maximumMonths: number;
  /** Relative frequency among the offences other than cybercrime. */
  weight: number;
};

const CYBERCRIME: OffenceKind = {
  category: "0903",
  en: "computer crime",
  ru: "неправомерном доступе к компьютерной информации",
  descriptionEn: "Unauthorised access to online banking systems and theft from customers' accounts",
  descriptionRu:
    "Неправомерный доступ к системам дистанционного банковского обслуживания и хищение средств клиентов",
  russianArticle: "ст. 272 ч. 3",
  maximumMonths: 60,
  weight: 0,
};

const OTHER_OFFENCES: readonly OffenceKind[] = [
  {
    category: "0701",
    en: "fraud",
    ru: "мошенничестве",
    descriptionEn:
      "Fraud on an especially large scale: investors' money obtained through a fictitious investment scheme",
    descriptionRu:
      "Мошенничество в особо крупном размере: хищение денежных средств инвесторов через фиктивную инвестиционную схему",
    russianArticle: "ст. 159 ч. 4",
    maximumMonths: 120,
    weight: 22,
  },
  {
    category: "0703",
    en: "bribery",
    ru: "получении взятки",
    descriptionEn: "Bribery of a public official in connection with public procurement contracts",
    descriptionRu: "Получение взятки должностным лицом в связи с государственными контрактами",
    russianArticle: "ст. 290 ч. 6",
    maximumMonths: 180,
    weight: 9,
  },
  {
    category: "0704",
    en: "money laundering",
    ru: "легализации преступных доходов",
    descriptionEn: "Laundering of the proceeds of crime through shell companies and foreign bank accounts",
    descriptionRu:
      "Легализация (отмывание) денежных средств, приобретённых преступным путём, через фирмы-однодневки и зарубежные счета",
    russianArticle: "ст. 174.1 ч. 4",
    maximumMonths: 84,
    weight: 10,
  },
  {
    category: "0601",
    en: "drug trafficking",
    ru: "незаконном сбыте наркотических средств",
    descriptionEn: "Trafficking in narcotic drugs on an especially large scale by an organised group",
    descriptionRu: "Незаконный сбыт наркотических средств в особо крупном размере организованной группой",
    russianArticle: "ст. 228.1 ч. 5",
    maximumMonths: 240,
    weight: 16,
  },
  {
    category: "0101",
    en: "murder",
    ru: "убийстве",
    descriptionEn: "Intentional homicide committed by a group of persons by prior agreement",
    descriptionRu: "Убийство, совершённое группой лиц по предварительному сговору",
    russianArticle: "ст. 105 ч. 2",
    maximumMonths: 240,
    weight: 6,
  },
  {
    category: "0401",
    en: "armed robbery",
    ru: "разбое",
    descriptionEn: "Armed robbery of a jewellery shop",
    descriptionRu: "Разбойное нападение на ювелирный магазин с применением оружия",
    russianArticle: "ст. 162 ч. 4",
    maximumMonths: 180,
    weight: 5,
  },
  {
    category: "0502",
    en: "theft",
    ru: "краже",
    descriptionEn: "Theft of property on an especially large scale from a logistics company",
    descriptionRu: "Кража имущества в особо крупном размере у транспортно-логистической компании",
    russianArticle: "ст. 158 ч. 4",
    maximumMonths: 120,
    weight: 7,
  },
  {
    category: "0204",
    en: "trafficking in persons",
    ru: "торговле людьми",
    descriptionEn: "Trafficking in persons for the purpose of labour exploitation",
    descriptionRu: "Торговля людьми в целях эксплуатации их труда",
    russianArticle: "ст. 127.1 ч. 2",
    maximumMonths: 180,
    weight: 3,
  },
  {
    category: "0804",
    en: "tax evasion",
    ru: "уклонении от уплаты налогов",
    descriptionEn: "Evasion of taxes payable by an organisation on an especially large scale",
    descriptionRu: "Уклонение от уплаты налогов, подлежащих уплате организацией, в особо крупном размере",
    russianArticle: "ст. 199 ч. 2",
    maximumMonths: 72,
    weight: 6,
  },
  {
    category: "0905",
    en: "organised crime",
    ru: "участии в преступном сообществе",
    descriptionEn: "Participation in a criminal community (criminal organisation)",
    descriptionRu: "Участие в преступном сообществе (преступной организации)",
    russianArticle: "ст. 210 ч. 2",
    maximumMonths: 180,
    weight: 4,
  },
  {
    category: "0906",
    en: "terrorism",
    ru: "финансировании терроризма",
    descriptionEn: "Financing of a terrorist organisation abroad",
    descriptionRu: "Финансирование террористической организации за рубежом",
    russianArticle: "ст. 205.1 ч. 1.1",
    maximumMonths: 240,
    weight: 2,
  },
  {
    category: "0702",
    en: "forgery",
    ru: "подделке документов",
    descriptionEn: "Forgery of official documents and their use to obtain a loan",
    descriptionRu: "Подделка официальных документов и их использование для получения кредита",
    russianArticle: "ст. 327 ч. 3",
    maximumMonths: 24,
    weight: 5,
  },
];
const OTHER_OFFENCE_WEIGHTS = Object.fromEntries(
  OTHER_OFFENCES.map((offence) => [offence.category, offence.weight]),
) as Record<string, number>;
const OFFENCE_BY_CATEGORY = new Map(
  [CYBERCRIME, ...OTHER_OFFENCES].map((offence) => [offence.category, offence]),
);

const SURNAMES: readonly [string, string][] = [
  ["Ivanov", "Иванов"],
  ["Petrov", "Петров"],
  ["Smirnov", "Смирнов"],
  ["Kuznetsov", "Кузнецов"],
  ["Popov", "Попов"],
  ["Sokolov", "Соколов"],
  ["Lebedev", "Лебедев"],
  ["Kozlov", "Козлов"],
  ["Novikov", "Новиков"],
  ["Morozov", "Морозов"],
  ["Volkov", "Волков"],
  ["Pavlov", "Павлов"],
  ["Semenov", "Семёнов"],
  ["Vinogradov", "Виноградов"],
  ["Akhmetov", "Ахметов"],
  ["Karimov", "Каримов"],
  ["Nazarov", "Назаров"],
  ["Rakhimov", "Рахимов"],
  ["Aliyev", "Алиев"],
  ["Orlov", "Орлов"],
  ["Zaitsev", "Зайцев"],
  ["Sidorov", "Сидоров"],
  ["Belov", "Белов"],
  ["Frolov", "Фролов"],
];
const GIVEN_NAMES: readonly [string, string][] = [
  ["Ivan", "Иван"],
  ["Sergei", "Сергей"],
  ["Alexei", "Алексей"],
  ["Dmitry", "Дмитрий"],
  ["Andrei", "Андрей"],
  ["Mikhail", "Михаил"],
  ["Nikolai", "Николай"],
  ["Vladimir", "Владимир"],
  ["Pavel", "Павел"],
  ["Timur", "Тимур"],
  ["Rustam", "Рустам"],
  ["Nurlan", "Нурлан"],
  ["Oleg", "Олег"],
  ["Yuri", "Юрий"],
  ["Artem", "Артём"],
  ["Maxim", "Максим"],
];
const FOREIGN_NAMES = [
  "John Smith",
  "Michael Brown",
  "Hans Müller",
  "Klaus Schmidt",
  "Pierre Martin",
  "Maria Garcia",
  "Chen Wei",
  "Li Na",
  "Kim Min-jun",
  "Piotr Nowak",
  "Nguyen Van An",
  "Somchai Wongsakul",
  "Sokha Vannak",
  "Ahmed Hassan",
  "Mehmet Yilmaz",
  "Ana Silva",
  "Giorgos Papadopoulos",
  "Raj Patel",
];
const BANKS = [
  "Sberbank",
  "VTB",
  "Halyk Bank",
  "Kaspi Bank",
  "Deutsche Bank",
  "Garanti BBVA",
  "Emirates NBD",
];
const PROVIDERS = ["Mail.ru", "Yandex", "Telegram", "VKontakte", "Google", "Microsoft"];

const MEASURE_TEXT: Partial<Record<Measure["kind"], string>> = {
  production_of_records: "Copies of the company's contracts and accounting records",
  bank_information: "Statements of the accounts held by the suspect and related companies",
  witness_hearing: "Hearing of the company's former accountant as a witness",
  search_and_seizure: "Search of the suspect's office and seizure of documents and computers",
  service_of_documents: "Service of the summons and the indictment on the accused",
  suspect_interview: "Interview of the suspect on the circumstances of the offence",
  videoconference_hearing: "Hearing of the victim by videoconference",
};
const MLA_MEASURES = Object.keys(MEASURE_TEXT) as Measure["kind"][];
const MEASURE_RU: Partial<Record<Measure["kind"], string>> = {
  production_of_records: "истребование документов",
  bank_information: "получение сведений о банковских счетах",
  witness_hearing: "допрос свидетеля",
  search_and_seizure: "обыск и выемка",
  service_of_documents: "вручение документов",
  suspect_interview: "допрос подозреваемого",
  videoconference_hearing: "допрос потерпевшего по видеосвязи",
};

/** Grounds of refusal by kind of request, with their relative frequency (codes of REFUSAL_GROUNDS). */
const MLA_GROUNDS: Partial<Record<RefusalGround, number>> = {
  no_dual_criminality: 24,
  non_conformity: 18,
  essential_interests: 9,
  lapse_of_time: 10,
  ne_bis_in_idem: 7,
  political_offence: 6,
  domestic_law_prohibits: 8,
  bank_secrecy: 4,
  fiscal_offence: 3,
  other: 11,
};
const EXTRADITION_GROUNDS: Partial<Record<RefusalGround, number>> = {
  no_dual_criminality: 18,
  lapse_of_time: 18,
  ne_bis_in_idem: 10,
  pending_proceedings: 14,
  in_absentia: 9,
  below_threshold: 7,
  political_offence: 4,
  death_penalty: 2,
  territoriality: 5,
  other: 13,
};
/** What European states give when they refuse to extradite to Russia. */
const EUROPEAN_EXTRADITION_GROUNDS: Partial<Record<RefusalGround, number>> = {
  political_offence: 45,
  discrimination: 15,
  lapse_of_time: 8,
  ne_bis_in_idem: 5,
  no_dual_criminality: 7,
  in_absentia: 5,
  other: 15,
};

/**
 * The deadlines of a stored stream as evaluateWith gives them (the clock engine with the
 * rules of the case's legal basis), without the admissibility checker, whose findings are
 * not stored. `clockRules`: the clock rules of `inputs` (clockRulesOf), picked once.
 */
export function deadlinesOf(
  inputs: EvaluationInputs,
  clockRules: readonly Rule[],
  header: CaseHeader,
  events: readonly CaseEvent[],
  today: IsoDate,
): Deadline[] {
  return computeDeadlines({
    header,
    events,
    legalBasisCodes: legalBasisOf(inputs.snapshot, header, today).codes,
    rules: clockRules,
    today,
    calendars: inputs.calendars,
  });
}

/** The rules the clock engine reads: it checks each on every call, so give it those alone. */
export function clockRulesOf(inputs: EvaluationInputs): Rule[] {
  return inputs.rules.filter((rule) => rule.kind === "clock");
}

// --- randomness ---------------------------------------------------------------------------------

export type Rand = () => number;

/** A small, fast, deterministic generator (mulberry32): the same seed gives the same numbers. */
export function random(seed: number): Rand {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The seed of case `index`: each case is drawn on its own, so chunks can be made anywhere. */
function caseSeed(seed: number, index: number): number {
  let hash = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const chance = (rand: Rand, probability: number) => rand() < probability;

/** Weighted choice: `weights` need not add up to one. */
function weighted<T extends string>(rand: Rand, weights: Partial<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let left = rand() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of entries) {
    left -= weight;
    if (left < 0) return value;
  }
  return entries.at(-1)![0];
}

/** A duration in days, log-normally spread around `median` (most near it, a long tail of slow ones). */
function days(rand: Rand, median: number, spread = 0.6): number {
  const normal = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Math.max(1, Math.round(median * Math.exp(spread * normal)));
}

// --- dates --------------------------------------------------------------------------------------

/** Day numbers (days since 1970-01-01) to dates, through dates.ts once per day. */
const EPOCH = parseIsoDate("1970-01-01");
const dayCache = new Map<number, IsoDate>();
function dateOf(day: number): IsoDate {
  let date = dayCache.get(day);
  if (date === undefined) {
    date = addDays(EPOCH, day);
    dayCache.set(day, date);
  }
  return date;
}
function dayOf(date: IsoDate): number {
  return daysBetween(EPOCH, date);
}

/** Cases opened in a year: about 6 % more each year (the office's intake grows). */
const YEARLY_GROWTH = 1.06;

/** Day numbers [first, last] of the office's history and the cumulative weights of its years. */
function historyOf(today: IsoDate): { years: { first: number; last: number; until: number }[] } {
  const lastDay = dayOf(today) - 1;
  const lastYear = Number(dateOf(lastDay).slice(0, 4));
  const years: { first: number; last: number; until: number }[] = [];
  let total = 0;
  for (let year = FIRST_YEAR; year <= lastYear; year++) {
    const first = dayOf(parseIsoDate(`${year}-01-01`));
    const last = Math.min(lastDay, dayOf(parseIsoDate(`${year}-12-31`)));
    if (last < first) continue;
    // A year not over yet weighs the share of it that has passed.
    total += YEARLY_GROWTH ** (year - FIRST_YEAR) * ((last - first + 1) / 365);
    years.push({ first, last, until: total });
  }
  return { years: years.map((year) => ({ ...year, until: year.until / total })) };
}
const historyCache = new Map<string, ReturnType<typeof historyOf>>();

/** The day a case is opened: a year by its weight, then any day of it. */
function openingDay(today: IsoDate, rand: Rand): number {
  let history = historyCache.get(today);
  if (!history) {
    history = historyOf(today);
    historyCache.set(today, history);
  }
  const draw = rand();
  const year = history.years.find((candidate) => draw < candidate.until) ?? history.years.at(-1)!;
  return year.first + Math.floor(rand() * (year.last - year.first + 1));
}

/**
 * The share of cybercrime among requests for legal assistance and for the preservation of
 * data opened in `year`: 3 % in 2015, rising evenly to 20 % in 2026 (and no further).
 */
export function cybercrimeShare(year: number): number {
  const progress = Math.min(1, Math.max(0, (year - FIRST_YEAR) / (2026 - FIRST_YEAR)));
  return 0.03 + progress * 0.17;
}

// --- the case -----------------------------------------------------------------------------------

const KIND_PREFIX: Record<CaseKind, string> = {
  mla: "MLA",
  extradition: "EXT",
  asset_recovery: "ARC",
  transfer_of_proceedings: "TOP",
  preservation_of_data: "PRS",
};
const KIND_WEIGHTS: Record<CaseKind, number> = {
  mla: 45,
  extradition: 25,
  asset_recovery: 10,
  transfer_of_proceedings: 10,
  preservation_of_data: 10,
};

/**
 * The partners in order of frequency: the usual correspondents, then the other
 * independent states in an order fixed by a hash of their code (the same in every
 * database), `count` in all.
 */
export function partnersFrom(
  states: readonly { code: StateCode; nameEn: string; nameRu: string; independent: boolean }[],
  count = 100,
): PartnerState[] {
  const byCode = new Map(states.map((state) => [state.code as string, state]));
  const usual = USUAL_PARTNERS.map((code) => byCode.get(code)).filter((state) => state !== undefined);
  const order = (code: string) => caseSeed(2027, code.charCodeAt(0) * 256 + code.charCodeAt(1));
  const others = states
    .filter(
      (state) =>
        state.independent &&
        state.code !== HOME_STATE &&
        !(USUAL_PARTNERS as readonly string[]).includes(state.code),
    )
    .sort((left, right) => order(left.code) - order(right.code));
  return [...usual, ...others].slice(0, count).map(({ code, nameEn, nameRu }) => ({ code, nameEn, nameRu }));
}

/** A partner: the usual ones far more often (a power-law tail over the rest). */
function partnerOf(context: GeneratorContext, rand: Rand, cybercrime: boolean): PartnerState {
  if (cybercrime && chance(rand, 0.6)) {
    const code = CYBERCRIME_PARTNERS[Math.floor(CYBERCRIME_PARTNERS.length * rand() ** 1.8)]!;
    const found = context.partners.find((partner) => partner.code === code);
    if (found) return found;
  }
  return context.partners[Math.floor(context.partners.length * rand() ** 2.2)]!;
}

function offenceOf(kind: CaseKind, year: number, rand: Rand): OffenceKind {
  const share =
    kind === "mla" || kind === "preservation_of_data" ? cybercrimeShare(year) : cybercrimeShare(year) / 3;
  if (chance(rand, share)) return CYBERCRIME;
  return OFFENCE_BY_CATEGORY.get(weighted(rand, OTHER_OFFENCE_WEIGHTS))!;
}

function legalBasisFor(
  context: GeneratorContext,
  kind: CaseKind,
  partner: string,
  offence: OffenceKind,
  rand: Rand,
): CaseHeader["legalBasis"] {
  const instrument = (code: string): CaseHeader["legalBasis"] => {
    const instrumentId = context.instruments.get(code);
    return instrumentId ? { type: "instrument", instrumentId } : { type: "reciprocity" };
  };
  if (chance(rand, 0.06)) return null;
  if (chance(rand, 0.08))
    return { type: "reciprocity", note: "Assurance of reciprocity given in the letter" };
  if (kind === "preservation_of_data" || (offence === CYBERCRIME && chance(rand, 0.5)))
    return instrument(chance(rand, 0.5) ? "CETS185" : "UNCC2024");
  if (CIS.has(partner)) return instrument(chance(rand, 0.7) ? "MINSK1993" : "CHISINAU2002");
  if (EUROPE.has(partner)) return instrument(kind === "extradition" ? "CETS024" : "CETS030");
  if (offence.category === "0703" || kind === "asset_recovery") return instrument("UNCAC");
  return instrument("UNTOC");
}

function teamFor(
  context: GeneratorContext,
  kind: CaseKind,
  partner: string,
  offence: OffenceKind,
  rand: Rand,
): string | null {
  if (chance(rand, 0.03)) return null;
  if (chance(rand, 0.04)) return context.teamIds[pick(rand, TEAM_NAMES)];
  const name: TeamName =
    kind === "extradition"
      ? "Extradition unit"
      : kind === "asset_recovery"
        ? "Asset recovery unit"
        : kind === "transfer_of_proceedings"
          ? "Transfer of proceedings unit"
          : kind === "preservation_of_data" || offence === CYBERCRIME
            ? "Cybercrime unit"
            : CIS.has(partner)
              ? "CIS legal assistance unit"
              : "Legal assistance unit";
  return context.teamIds[name];
}

function birthDate(rand: Rand, openedYear: number): IsoDate {
  const year = openedYear - 22 - Math.floor(rand() * 45);
  return dateOf(dayOf(parseIsoDate(`${year}-01-01`)) + Math.floor(rand() * 365));
}

function person(
  rand: Rand,
  id: string,
  role: Person["role"],
  nationality: StateCode,
  openedYear: number,
  /** The surname the case's title already names. */
  named?: readonly [string, string],
): Person {
  const russianName = !!named || nationality === HOME_STATE || CIS.has(nationality) || chance(rand, 0.3);
  if (!russianName) {
    return {
      id,
      role,
      fullName: pick(rand, FOREIGN_NAMES),
      otherNames: [],
      birthDate: birthDate(rand, openedYear),
      nationalities: [nationality],
    };
  }
  const [surname, surnameRu] = named ?? pick(rand, SURNAMES);
  const [given, givenRu] = pick(rand, GIVEN_NAMES);
  return {
    id,
    role,
    fullName: `${given} ${surname}`,
    otherNames: [`${surnameRu} ${givenRu}`],
    birthDate: birthDate(rand, openedYear),
    nationalities: [nationality],
  };
}

/**
 * Case `index` of the office's history for `seed`. Its reference is
 * SYN-<KIND>-<IN|OUT>-<year opened>-<index, six digits or more>.
 */
export function syntheticCase(context: GeneratorContext, seed: number, index: number): SyntheticCase {
  const rand = random(caseSeed(seed, index));
  const kind = weighted<CaseKind>(rand, KIND_WEIGHTS);
  const direction: Direction = chance(rand, 0.6) ? "incoming" : "outgoing";
  const opened = openingDay(context.today, rand);
  const openedOn = dateOf(opened);
  const { header, surname, nationality } = caseHeader(context, kind, direction, openedOn, rand, {
    index,
  });
  const facts = caseFacts(header, surname, nationality, openedOn, rand);
  const events = caseEvents(context, header, facts, opened, dayOf(context.today), rand);
  return { header, facts, events, openedOn };
}

/** A case as an officer opens it today through the API (POST /api/cases), for the benchmarks. */
export function newCase(
  context: GeneratorContext,
  serial: number,
  rand: Rand,
): { header: CaseHeader; facts: CaseFacts; receivedOn?: IsoDate } {
  const kind = weighted<CaseKind>(rand, KIND_WEIGHTS);
  const direction: Direction = chance(rand, 0.6) ? "incoming" : "outgoing";
  const { header, surname, nationality } = caseHeader(context, kind, direction, context.today, rand, {
    serial,
  });
  const facts = caseFacts(header, surname, nationality, context.today, rand);
  return direction === "incoming" ? { header, facts, receivedOn: context.today } : { header, facts };
}

function caseHeader(
  context: GeneratorContext,
  kind: CaseKind,
  direction: Direction,
  openedOn: IsoDate,
  rand: Rand,
  numbered: { index: number } | { serial: number },
): { header: CaseHeader; surname: readonly [string, string]; nationality: StateCode } {
  const year = Number(openedOn.slice(0, 4));
  const offence = offenceOf(kind, year, rand);
  const partner = partnerOf(context, rand, offence === CYBERCRIME);
  const incoming = direction === "incoming";
  const number =
    "index" in numbered
      ? String(numbered.index).padStart(6, "0")
      : `N${String(numbered.serial).padStart(6, "0")}`;
  const confidentiality = weighted<ConfidentialityLevel>(rand, { standard: 85, restricted: 12, secret: 3 });
  const priority = weighted<Priority>(rand, { normal: 75, high: 18, urgent: 7 });
  const inRussian = !incoming && chance(rand, 0.5);
  const surname = pick(rand, SURNAMES);
  // The person a case is about: a national of the requesting state most often; in an
  // extradition sometimes one of the requested state (who is then rarely surrendered).
  const requesting = incoming ? partner.code : HOME_STATE;
  const requested = incoming ? HOME_STATE : partner.code;
  const nationality =
    kind === "extradition"
      ? weighted<"requesting" | "requested" | "third">(rand, { requesting: 70, requested: 20, third: 10 }) ===
        "requesting"
        ? requesting
        : chance(rand, 0.67)
          ? requested
          : (pick(rand, context.partners.slice(0, 10)).code as StateCode)
      : chance(rand, 0.8)
        ? requesting
        : requested;
  const titles: Record<CaseKind, () => string> = {
    mla: () =>
      inRussian
        ? `Запрос о правовой помощи (${partner.nameRu}): ${MEASURE_RU[pick(rand, MLA_MEASURES)]} по уголовному делу о ${offence.ru}`
        : incoming
          ? `Request of ${partner.nameEn} for ${(MEASURE_TEXT[pick(rand, MLA_MEASURES)] ?? "assistance").toLowerCase()} in a ${offence.en} investigation`
          : `Request to ${partner.nameEn} for assistance in the ${offence.en} case against ${surname[0]}`,
    extradition: () =>
      inRussian
        ? `Запрос о выдаче ${surname[1]}а по обвинению в ${offence.ru} (${partner.nameRu})`
        : incoming
          ? `Extradition to ${partner.nameEn} of a person sought for ${offence.en}`
          : `Extradition of ${surname[0]} from ${partner.nameEn} for ${offence.en}`,
    asset_recovery: () =>
      inRussian
        ? `Возврат активов, полученных в результате преступления (дело о ${offence.ru}; ${partner.nameRu})`
        : `Recovery of assets derived from ${offence.en} (${incoming ? `request of ${partner.nameEn}` : partner.nameEn})`,
    transfer_of_proceedings: () =>
      inRussian
        ? `Передача уголовного преследования ${surname[1]}а по делу о ${offence.ru} (${partner.nameRu})`
        : `Transfer of criminal proceedings for ${offence.en} ${incoming ? `from ${partner.nameEn}` : `to ${partner.nameEn}`}`,
    preservation_of_data: () =>
      inRussian
        ? `Срочное обеспечение сохранности компьютерных данных (${pick(rand, PROVIDERS)})`
        : `Expedited preservation of data held by ${pick(rand, PROVIDERS)} in a ${offence.en} investigation`,
  };
  const header: CaseHeader = {
    kind,
    direction,
    reference: `${SYNTHETIC_REFERENCE_PREFIX}${KIND_PREFIX[kind]}-${incoming ? "IN" : "OUT"}-${year}-${number}`,
    foreignReference: incoming ? `${partner.code}-${year}-${Math.floor(rand() * 90_000) + 10_000}` : null,
    requestingState: requesting,
    requestedState: requested,
    requestingAuthority: incoming
      ? `Prosecutor General's Office of ${partner.nameEn}`
      : "Prosecutor General's Office of the Russian Federation",
    requestedAuthority: incoming ? "Prosecutor General's Office of the Russian Federation" : null,
    legalBasis: legalBasisFor(context, kind, partner.code, offence, rand),
    purpose: kind === "extradition" ? (chance(rand, 0.85) ? "prosecution" : "enforcement") : null,
    offenceCategory: offence.category,
    priority,
    urgencyReason: priority === "urgent" ? "Time limits of custody or data retention run." : null,
    confidentiality,
    teamId: teamFor(context, kind, partner.code, offence, rand),
    title: titles[kind]().slice(0, 300),
    summary: chance(rand, 0.6)
      ? `${inRussian ? offence.descriptionRu : offence.descriptionEn}. ${incoming ? `The request of ${partner.nameEn}` : "Our request"} concerns events of ${year - 1 - Math.floor(rand() * 3)}; damage estimated at ${Math.floor(rand() * 900 + 100)} thousand euros.`
      : null,
  };
  return { header, surname, nationality };
}

function caseFacts(
  header: CaseHeader,
  surname: readonly [string, string],
  nationality: StateCode,
  openedOn: IsoDate,
  rand: Rand,
): CaseFacts {
  const partner = header.direction === "incoming" ? header.requestingState : header.requestedState;
  const openedYear = Number(openedOn.slice(0, 4));
  const opened = dayOf(openedOn);
  const inRussian = /[а-я]/i.test(header.title);
  const main = OFFENCE_BY_CATEGORY.get(header.offenceCategory!)!;
  const second = chance(rand, 0.3) ? OFFENCE_BY_CATEGORY.get(weighted(rand, OTHER_OFFENCE_WEIGHTS))! : null;
  const kinds = second && second !== main ? [main, second] : [main];
  const requestingIsHome = header.requestingState === HOME_STATE;
  const offences: Offence[] = kinds.map((kind, at) => {
    const committedYear = openedYear - 1 - Math.floor(rand() * 3);
    return {
      id: `o${at + 1}`,
      article: requestingIsHome
        ? `Уголовный кодекс Российской Федерации, ${kind.russianArticle}`
        : `Criminal Code of ${partner}, art. ${100 + Math.floor(rand() * 300)}`,
      description: `${inRussian ? kind.descriptionRu : kind.descriptionEn}${inRussian ? ", " : ", committed in "}${committedYear}`,
      category: kind.category,
      maximumPenaltyMonths: kind.maximumMonths,
      deathPenalty: false,
      committedOn: dateOf(dayOf(parseIsoDate(`${committedYear}-01-01`)) + Math.floor(rand() * 300)),
      ...(header.purpose === "enforcement" ? { sentenceMonths: 12 + Math.floor(rand() * 96) } : {}),
    };
  });
  const persons: Person[] = [];
  const named = header.title.includes(surname[0]) || header.title.includes(surname[1]) ? surname : undefined;
  switch (header.kind) {
    case "extradition":
      persons.push(person(rand, "p1", "sought", nationality, openedYear, named));
      break;
    case "asset_recovery":
      persons.push(person(rand, "p1", "accused", nationality, openedYear));
      if (chance(rand, 0.5)) persons.push(person(rand, "p2", "holder_of_assets", nationality, openedYear));
      break;
    case "transfer_of_proceedings":
      persons.push(person(rand, "p1", "accused", nationality, openedYear, named));
      break;
    default: {
      persons.push(person(rand, "p1", "suspect", nationality, openedYear, named));
      const others = Math.floor(rand() * 3);
      for (let at = 2; at <= 1 + others; at++)
        persons.push(person(rand, `p${at}`, pick(rand, ["witness", "victim"] as const), partner, openedYear));
    }
  }
  const measures: Measure[] = [];
  const assets: Asset[] = [];
  if (header.kind === "mla") {
    const count = 1 + Math.floor(rand() * 3);
    const kinds = [...new Set(Array.from({ length: count }, () => pick(rand, MLA_MEASURES)))];
    for (const [at, kind] of kinds.entries())
      measures.push({ id: `m${at + 1}`, kind, description: MEASURE_TEXT[kind]!, status: "requested" });
  } else if (header.kind === "asset_recovery") {
    measures.push(
      {
        id: "m1",
        kind: "freezing",
        description: "Freezing of the accounts and property listed",
        status: "requested",
      },
      {
        id: "m2",
        kind: "confiscation",
        description: "Confiscation of the frozen assets",
        status: "requested",
      },
    );
    const currency = LOCAL_CURRENCY[header.requestedState] ?? (chance(rand, 0.6) ? "USD" : "EUR");
    const count = 1 + Math.floor(rand() ** 2 * 3);
    for (let at = 1; at <= count; at++) {
      const account = chance(rand, 0.6);
      // Roubles and tenge run to larger numbers than dollars for the same wealth.
      const scale = currency === "RUB" || currency === "KZT" ? 80 : 1;
      assets.push({
        id: `a${at}`,
        type: account ? "bank_account" : pick(rand, ["real_estate", "vehicle", "company_shares"] as const),
        description: account
          ? `Account at ${pick(rand, BANKS)} held by the accused`
          : "Property registered in the name of a relative",
        value: { amount: `${Math.round((20_000 + rand() ** 3 * 5_000_000) * scale)}.00`, currency },
        locationState: header.requestedState,
        stage: "identified",
      });
    }
  } else if (header.kind === "preservation_of_data") {
    measures.push({
      id: "m1",
      kind: "expedited_preservation",
      description: `Preservation of subscriber and traffic data of the account held with ${pick(rand, PROVIDERS)}`,
      status: "requested",
    });
  } else if (header.kind === "transfer_of_proceedings") {
    measures.push({
      id: "m1",
      kind: "transfer_of_evidence",
      description: `Transfer of the criminal file no. ${Math.floor(rand() * 900_000) + 100_000} and its evidence`,
      status: "requested",
    });
  }
  const facts: CaseFacts = { offences, persons, measures, assets, notices: [], warrants: [] };
  if (header.kind === "extradition") {
    facts.warrants.push({
      id: "w1",
      kind: header.purpose === "enforcement" ? "conviction" : "arrest_warrant",
      issuedBy: requestingIsHome ? "Tverskoy District Court of Moscow" : `Court of ${partner}`,
      issuedOn: dateOf(opened - 30 - Math.floor(rand() * 300)),
      personId: "p1",
    });
    if (chance(rand, 0.4))
      facts.notices.push({
        id: "n1",
        type: "red",
        number: `A-${Math.floor(rand() * 9000) + 1000}/${openedOn.slice(0, 4)}`,
        personId: "p1",
      });
  }
  return facts;
}

type Outcome = "granted" | "partially_granted" | "refused" | "withdrawn";

/** How a request ends: refusals are rarer than grants, except extraditions to Russia from Europe. */
function outcomeOf(header: CaseHeader, facts: CaseFacts, rand: Rand): Outcome {
  const partner = header.direction === "incoming" ? header.requestingState : header.requestedState;
  if (header.kind === "extradition") {
    const sought = facts.persons[0]!.nationalities[0];
    // The requested state's own national: refused almost always (Constitution of the
    // Russian Federation art. 61(1); many states' law likewise).
    if (sought === header.requestedState && chance(rand, 0.9)) return "refused";
    if (header.direction === "outgoing" && EUROPE.has(partner))
      return weighted<Outcome>(rand, { granted: 48, partially_granted: 4, refused: 40, withdrawn: 8 });
    return weighted<Outcome>(rand, { granted: 68, partially_granted: 6, refused: 16, withdrawn: 10 });
  }
  if (header.kind === "preservation_of_data")
    return weighted<Outcome>(rand, { granted: 86, partially_granted: 3, refused: 6, withdrawn: 5 });
  return weighted<Outcome>(rand, { granted: 70, partially_granted: 9, refused: 13, withdrawn: 8 });
}

function groundsOf(header: CaseHeader, facts: CaseFacts, rand: Rand): DecisionGround[] {
  const partner = header.direction === "incoming" ? header.requestingState : header.requestedState;
  if (header.kind === "extradition") {
    if (facts.persons[0]!.nationalities[0] === header.requestedState) return [{ code: "own_national" }];
    const table =
      header.direction === "outgoing" && EUROPE.has(partner)
        ? EUROPEAN_EXTRADITION_GROUNDS
        : EXTRADITION_GROUNDS;
    const first = weighted(rand, table);
    if (chance(rand, 0.15)) {
      const second = weighted(rand, table);
      if (second !== first) return [{ code: first }, { code: second }];
    }
    return [{ code: first }];
  }
  const first = weighted(rand, MLA_GROUNDS);
  return [{ code: first }];
}

/** Typical days from receipt (or sending) to the decision, by kind. */
const DECISION_MEDIAN_DAYS: Record<CaseKind, number> = {
  mla: 45,
  extradition: 110,
  asset_recovery: 75,
  transfer_of_proceedings: 60,
  preservation_of_data: 6,
};

/**
 * The stream after `opened`: the path of the case's kind and direction to one of its
 * ends, dated step after step, cut at the office's yesterday and, for some cases, at a
 * random step (cases that stall and stay pending).
 */
function caseEvents(
  context: GeneratorContext,
  header: CaseHeader,
  facts: CaseFacts,
  opened: number,
  today: number,
  rand: Rand,
): CaseEventInput[] {
  const incoming = header.direction === "incoming";
  const extradition = header.kind === "extradition";
  const outcome = outcomeOf(header, facts, rand);
  const horizon = today - 1;
  type Step = { after: number; make: (on: IsoDate) => CaseEventInput | null };
  const steps: Step[] = [];
  const step = (after: number, make: Step["make"]) => steps.push({ after, make });
  let custody = false;
  const release = (reason: string) =>
    step(1, (on) => {
      if (!custody) return null;
      custody = false;
      return { type: "released", payload: { on, personId: "p1", reason } };
    });
  const officer = () => `${pick(rand, GIVEN_NAMES)[0]} ${pick(rand, SURNAMES)[0]}`;

  // Many extraditions begin with a provisional arrest, so the clocks of the legal basis run.
  if (extradition && chance(rand, 0.45))
    step(0, (on) => {
      custody = true;
      return { type: "provisional_arrest", payload: { on, personId: "p1", place: "Moscow" } };
    });
  if (incoming) {
    step(steps.length > 0 ? 10 + Math.floor(rand() * 30) : 0, (on) => ({
      type: "received",
      payload: { on, channel: pick(rand, ["diplomatic", "central_authority", "email"] as const) },
    }));
    step(1 + Math.floor(rand() * 4), (on) => ({ type: "registered", payload: { on } }));
    step(1 + Math.floor(rand() * 10), (on) => ({
      type: "assigned",
      payload: {
        on,
        officer: officer(),
        ...(chance(rand, 0.05) ? { teamId: context.teamIds[pick(rand, TEAM_NAMES)] } : {}),
      },
    }));
  } else {
    step(2 + Math.floor(rand() * 20), (on) => ({
      type: "sent",
      payload: { on, channel: pick(rand, ["diplomatic", "central_authority"] as const) },
    }));
    if (chance(rand, 0.7)) step(7 + Math.floor(rand() * 25), (on) => ({ type: "received", payload: { on } }));
  }
  if (header.kind === "preservation_of_data" && incoming)
    step(1, (on) => ({
      type: "measure_status_changed",
      payload: { on, measureId: "m1", status: "executed" },
    }));
  // Assets are traced while the request is examined: the amount found.
  const assets = facts.assets.map((asset) => ({
    id: asset.id,
    currency: asset.value!.currency,
    amount: Number(asset.value!.amount),
    traced: false,
  }));
  if (header.kind === "asset_recovery")
    for (const asset of assets)
      if (chance(rand, 0.6))
        step(days(rand, 20), (on) => {
          asset.traced = true;
          return assetEvent(on, asset.id, "traced", asset.amount, asset.currency, "whole");
        });
  let decisionAfter = days(rand, DECISION_MEDIAN_DAYS[header.kind]);
  if (chance(rand, 0.2)) {
    const asked = Math.floor(decisionAfter * 0.3);
    const answered = days(rand, 30);
    decisionAfter = Math.max(1, decisionAfter - asked);
    step(asked, (on) => ({
      type: "information_requested",
      payload: {
        on,
        items: ["Certified copies of the decisions on which the request is based"],
        dueOn: addDays(on, 30),
      },
    }));
    step(answered, (on) => ({ type: "information_received", payload: { on } }));
  }
  const decide = (after: number, decided: Exclude<Outcome, "withdrawn">) =>
    step(after, (on) => ({
      type: "decided",
      payload: {
        on,
        outcome: decided,
        grounds: decided === "granted" ? [] : groundsOf(header, facts, rand),
        decidedBy: incoming ? "Deputy Prosecutor General" : `Ministry of Justice of ${header.requestedState}`,
      },
    }));
  const close = (after: number) =>
    step(after, (on) => ({ type: "closed", payload: { on, reason: "The request has been dealt with." } }));

  if (outcome === "withdrawn") {
    if (extradition) release("The request was withdrawn");
    step(decisionAfter, (on) => ({
      type: "withdrawn",
      payload: { on, reason: "Withdrawn by the requesting state" },
    }));
    close(days(rand, 20));
  } else if (outcome === "refused") {
    decide(decisionAfter, "refused");
    if (extradition) release("Extradition refused");
    close(days(rand, 15));
    // A refusal sometimes comes back: new information, the case is reopened and decided again.
    if (chance(rand, 0.04)) {
      step(days(rand, 120), (on) => ({
        type: "reopened",
        payload: { on, reason: "The requesting state supplied new information" },
      }));
      decide(days(rand, 40), chance(rand, 0.5) ? "granted" : "refused");
      close(days(rand, 30));
    }
  } else {
    decide(decisionAfter, outcome);
    if (extradition) {
      let surrenderOn = 0;
      step(days(rand, 25), (on) => {
        surrenderOn = dayOf(on) + 10 + Math.floor(rand() * 20);
        return { type: "surrender_date_set", payload: { on, surrenderOn: dateOf(surrenderOn) } };
      });
      steps.push({
        after: 0,
        make: (on) => ({
          type: "surrendered",
          payload: { on: surrenderOn ? dateOf(surrenderOn) : on, personId: "p1" },
        }),
      });
    } else if (header.kind === "asset_recovery") {
      assetRecoverySteps(step, assets, outcome === "partially_granted", rand);
    } else {
      const open = facts.measures.filter(
        (measure) => !(header.kind === "preservation_of_data" && incoming && measure.id === "m1"),
      );
      if (open.length > 0)
        step(days(rand, 15), (on) => ({
          type: "measure_status_changed",
          payload: { on, measureId: open[0]!.id, status: "in_progress" },
        }));
      const refusedOne = outcome === "partially_granted" && open.length > 1;
      for (const [at, measure] of open.entries())
        step(days(rand, at === 0 ? 45 : 15), (on) => ({
          type: "measure_status_changed",
          payload: {
            on,
            measureId: measure.id,
            status:
              refusedOne && at === open.length - 1
                ? "refused"
                : chance(rand, 0.85)
                  ? "executed"
                  : "partially_executed",
          },
        }));
    }
    close(days(rand, 20));
  }

  const stallAt = chance(rand, 0.08) ? Math.floor(rand() * steps.length) : steps.length;
  const events: CaseEventInput[] = [];
  let on = opened;
  for (const [at, { after, make }] of steps.entries()) {
    if (at >= stallAt) break;
    on += after;
    if (on > horizon) break;
    const event = make(dateOf(on));
    if (!event) continue;
    // A surrender is on the date set: it may lie after the previous step's date.
    if (event.type === "surrendered") {
      on = dayOf(event.payload.on);
      if (on > horizon) break;
    }
    events.push(event);
  }
  return events;
}

function assetEvent(
  on: IsoDate,
  assetId: string,
  stage: "traced" | "frozen" | "confiscated" | "returned" | "shared" | "released",
  amount: number | null,
  currency: string,
  extent: "whole" | "partial" | null,
): CaseEventInput {
  return {
    type: "asset_stage_changed",
    payload: {
      on,
      assetId,
      stage,
      ...(amount !== null ? { amount: { amount: `${Math.round(amount)}.00`, currency } } : {}),
      ...(extent !== null ? { extent } : {}),
    },
  };
}

/**
 * After the grant: each asset frozen (sometimes only part of it), the freezing measure
 * executed, most assets confiscated (some released instead), the confiscation measure
 * executed (the case is then executed), and the confiscated assets returned to the
 * requesting state or shared between the two (asset sharing).
 */
function assetRecoverySteps(
  step: (after: number, make: (on: IsoDate) => CaseEventInput | null) => void,
  assets: { id: string; currency: string; amount: number }[],
  partial: boolean,
  rand: Rand,
): void {
  const frozen = assets.map((asset) => {
    const share = partial || chance(rand, 0.25) ? 0.3 + rand() * 0.6 : 1;
    return {
      ...asset,
      amount: asset.amount * share,
      extent: share < 1 ? ("partial" as const) : ("whole" as const),
    };
  });
  for (const asset of frozen)
    step(days(rand, 20), (on) =>
      assetEvent(on, asset.id, "frozen", asset.amount, asset.currency, asset.extent),
    );
  step(days(rand, 10), (on) => ({
    type: "measure_status_changed",
    payload: { on, measureId: "m1", status: partial ? "partially_executed" : "executed" },
  }));
  const confiscated: typeof frozen = [];
  for (const asset of frozen) {
    if (chance(rand, 0.15)) {
      step(days(rand, 60), (on) => assetEvent(on, asset.id, "released", null, asset.currency, null));
      continue;
    }
    const share = chance(rand, 0.8) ? 1 : 0.5 + rand() * 0.5;
    const kept = {
      ...asset,
      amount: asset.amount * share,
      extent: share < 1 || asset.extent === "partial" ? ("partial" as const) : ("whole" as const),
    };
    confiscated.push(kept);
    step(days(rand, 120), (on) =>
      assetEvent(on, kept.id, "confiscated", kept.amount, kept.currency, kept.extent),
    );
  }
  step(days(rand, 15), (on) => ({
    type: "measure_status_changed",
    payload: {
      on,
      measureId: "m2",
      status:
        confiscated.length === 0
          ? "refused"
          : confiscated.length < frozen.length
            ? "partially_executed"
            : "executed",
    },
  }));
  for (const asset of confiscated) {
    const shared = chance(rand, 0.3);
    step(days(rand, 90), (on) =>
      assetEvent(
        on,
        asset.id,
        shared ? "shared" : "returned",
        shared ? asset.amount * 0.5 : asset.amount,
        asset.currency,
        shared ? "partial" : asset.extent,
      ),
    );
  }
}
