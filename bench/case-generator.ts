/**
 * Synthetic cases for the cases benchmark, deterministic for a seed: the office is Russia's
 * central authority (as in data/demo/cases.json), working with ~100 partner states, the
 * nearest ones far more often. Every kind of case in both directions, each with the event
 * stream a case of its age would have: a case opened ten years ago has usually been
 * decided and closed, one opened last week is still being registered or sent, and some
 * stall on the way (an outgoing request that is never answered). Extradition cases often
 * begin with a provisional arrest, so that the clocks of their legal basis run.
 *
 * Persons and offences are in English and Russian; outgoing requests are often written
 * in Russian (Russian articles and descriptions), as an office's own files are.
 */
import type {
  Asset,
  CaseEventInput,
  CaseFacts,
  CaseHeader,
  Measure,
  Offence,
  Person,
} from "../src/domain/cases/model.js";
import type { CaseKind, ConfidentialityLevel, Direction, Priority } from "../src/domain/cases/vocabulary.js";
import { parseStateCode, type StateCode } from "../src/domain/directory/state-codes.js";
import { type IsoDate, parseIsoDate } from "../src/domain/platform/dates.js";

export const HOME_STATE = parseStateCode("RU");

export type PartnerState = { code: StateCode; nameEn: string };

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
  /** The legal date of today: no event is dated after it. */
  today: IsoDate;
  /** Most frequent first. */
  partners: readonly PartnerState[];
  teamIds: Readonly<Record<TeamName, string>>;
  /** Registry code to instrument id, for the legal bases. */
  instruments: ReadonlyMap<string, string>;
};

export type SyntheticCase = {
  header: CaseHeader;
  facts: CaseFacts;
  events: CaseEventInput[];
  /** The day the case was opened: its `opened` event is recorded then. */
  openedOn: IsoDate;
};

/** The partners named first: the office's usual correspondents. The others follow. */
export const USUAL_PARTNERS = [
  "KZ",
  "BY",
  "UZ",
  "KG",
  "TJ",
  "AM",
  "AZ",
  "MD",
  "CN",
  "DE",
  "TR",
  "AE",
  "IN",
  "VN",
  "KH",
  "TH",
  "RS",
  "IL",
  "US",
  "FR",
  "IT",
  "ES",
  "CY",
  "GB",
  "FI",
] as const;
const CIS = new Set(["KZ", "BY", "UZ", "KG", "TJ", "AM", "AZ", "MD"]);
const EUROPE = new Set([
  "DE",
  "TR",
  "RS",
  "IL",
  "FR",
  "IT",
  "ES",
  "CY",
  "GB",
  "FI",
  "AT",
  "BE",
  "BG",
  "CH",
  "CZ",
  "DK",
  "EE",
  "GR",
  "HR",
  "HU",
  "IE",
  "IS",
  "LT",
  "LU",
  "LV",
  "ME",
  "MK",
  "MT",
  "NL",
  "NO",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
  "AL",
  "BA",
  "GE",
  "UA",
  "AD",
  "LI",
  "MC",
  "SM",
]);

type OffenceKind = {
  category: string;
  en: string;
  ru: string;
  descriptionEn: string;
  descriptionRu: string;
  russianArticle: string;
  maximumMonths: number;
};

const OFFENCES: readonly OffenceKind[] = [
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
  },
  {
    category: "0703",
    en: "bribery",
    ru: "получении взятки",
    descriptionEn: "Bribery of a public official in connection with public procurement contracts",
    descriptionRu: "Получение взятки должностным лицом в связи с государственными контрактами",
    russianArticle: "ст. 290 ч. 6",
    maximumMonths: 180,
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
  },
  {
    category: "0601",
    en: "drug trafficking",
    ru: "незаконном сбыте наркотических средств",
    descriptionEn: "Trafficking in narcotic drugs on an especially large scale by an organised group",
    descriptionRu: "Незаконный сбыт наркотических средств в особо крупном размере организованной группой",
    russianArticle: "ст. 228.1 ч. 5",
    maximumMonths: 240,
  },
  {
    category: "0101",
    en: "murder",
    ru: "убийстве",
    descriptionEn: "Intentional homicide committed by a group of persons by prior agreement",
    descriptionRu: "Убийство, совершённое группой лиц по предварительному сговору",
    russianArticle: "ст. 105 ч. 2",
    maximumMonths: 240,
  },
  {
    category: "0401",
    en: "armed robbery",
    ru: "разбое",
    descriptionEn: "Armed robbery of a jewellery shop",
    descriptionRu: "Разбойное нападение на ювелирный магазин с применением оружия",
    russianArticle: "ст. 162 ч. 4",
    maximumMonths: 180,
  },
  {
    category: "0903",
    en: "computer crime",
    ru: "неправомерном доступе к компьютерной информации",
    descriptionEn: "Unauthorised access to online banking systems and theft from customers' accounts",
    descriptionRu:
      "Неправомерный доступ к системам дистанционного банковского обслуживания и хищение средств клиентов",
    russianArticle: "ст. 272 ч. 3",
    maximumMonths: 60,
  },
  {
    category: "0204",
    en: "trafficking in persons",
    ru: "торговле людьми",
    descriptionEn: "Trafficking in persons for the purpose of labour exploitation",
    descriptionRu: "Торговля людьми в целях эксплуатации их труда",
    russianArticle: "ст. 127.1 ч. 2",
    maximumMonths: 180,
  },
  {
    category: "0804",
    en: "tax evasion",
    ru: "уклонении от уплаты налогов",
    descriptionEn: "Evasion of taxes payable by an organisation on an especially large scale",
    descriptionRu: "Уклонение от уплаты налогов, подлежащих уплате организацией, в особо крупном размере",
    russianArticle: "ст. 199 ч. 2",
    maximumMonths: 72,
  },
  {
    category: "0905",
    en: "organised crime",
    ru: "участии в преступном сообществе",
    descriptionEn: "Participation in a criminal community (criminal organisation)",
    descriptionRu: "Участие в преступном сообществе (преступной организации)",
    russianArticle: "ст. 210 ч. 2",
    maximumMonths: 180,
  },
  {
    category: "0702",
    en: "forgery",
    ru: "подделке документов",
    descriptionEn: "Forgery of official documents and their use to obtain a loan",
    descriptionRu: "Подделка официальных документов и их использование для получения кредита",
    russianArticle: "ст. 327 ч. 3",
    maximumMonths: 24,
  },
];

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
  production_of_records: "Copies of the company's contracts and accounting records, 2021-2024",
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
const REFUSAL_GROUNDS = [
  "insufficient_information",
  "dual_criminality_absent",
  "lapse_of_time",
  "political_offence",
  "ne_bis_in_idem",
  "own_national",
];

/** Epoch days, for date arithmetic without time zones. */
function toDays(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}
function fromDays(days: number): IsoDate {
  return parseIsoDate(new Date(days * 86_400_000).toISOString().slice(0, 10));
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const chance = (rand: Rand, probability: number) => rand() < probability;

/** Weighted choice: `weights` need not add up to one. */
function weighted<T extends string>(rand: Rand, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  let left = rand() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of entries) {
    left -= weight;
    if (left < 0) return value;
  }
  return entries.at(-1)![0];
}

const KIND_PREFIX: Record<CaseKind, string> = {
  mla: "MLA",
  extradition: "EXT",
  asset_recovery: "ARC",
  transfer_of_proceedings: "TOP",
  preservation_of_data: "PRS",
};

/** A partner: the usual ones far more often (a Zipf-like tail over the rest). */
function partnerOf(context: GeneratorContext, rand: Rand): PartnerState {
  return context.partners[Math.floor(context.partners.length * rand() ** 2.2)]!;
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
  if (kind === "preservation_of_data") return instrument(chance(rand, 0.5) ? "CETS185" : "UNCC2024");
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
          : kind === "preservation_of_data" || offence.category === "0903"
            ? "Cybercrime unit"
            : CIS.has(partner)
              ? "CIS legal assistance unit"
              : "Legal assistance unit";
  return context.teamIds[name];
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
  const birthDate = parseIsoDate(
    `${openedYear - 22 - Math.floor(rand() * 45)}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`,
  );
  if (!russianName) {
    return {
      id,
      role,
      fullName: pick(rand, FOREIGN_NAMES),
      otherNames: [],
      birthDate,
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
    birthDate,
    nationalities: [nationality],
  };
}

/** One case of the office's history; `index` makes its reference. */
export function syntheticCase(context: GeneratorContext, index: number, rand: Rand): SyntheticCase {
  const today = toDays(context.today);
  const kind = weighted<CaseKind>(rand, {
    mla: 45,
    extradition: 25,
    asset_recovery: 10,
    transfer_of_proceedings: 10,
    preservation_of_data: 10,
  });
  const direction: Direction = chance(rand, 0.6) ? "incoming" : "outgoing";
  // More recent years hold more cases; the oldest go back about eleven years.
  const opened = today - 1 - Math.floor(3990 * rand() ** 1.6);
  const openedOn = fromDays(opened);
  const { header, surname } = caseHeader(context, kind, direction, openedOn, rand, { index });
  const facts = caseFacts(header, surname, openedOn, rand);
  const events = caseEvents(context, header, facts, opened, Math.min(today, opened + 4000), rand);
  return { header, facts, events, openedOn };
}

/** A case as an officer opens it today through the API (POST /api/cases). */
export function newCase(
  context: GeneratorContext,
  serial: number,
  rand: Rand,
): { header: CaseHeader; facts: CaseFacts; receivedOn?: string } {
  const kind = weighted<CaseKind>(rand, {
    mla: 45,
    extradition: 25,
    asset_recovery: 10,
    transfer_of_proceedings: 10,
    preservation_of_data: 10,
  });
  const direction: Direction = chance(rand, 0.6) ? "incoming" : "outgoing";
  const { header, surname } = caseHeader(context, kind, direction, context.today, rand, { serial });
  const facts = caseFacts(header, surname, context.today, rand);
  return direction === "incoming" ? { header, facts, receivedOn: context.today } : { header, facts };
}

function caseHeader(
  context: GeneratorContext,
  kind: CaseKind,
  direction: Direction,
  openedOn: string,
  rand: Rand,
  numbered: { index: number } | { serial: number },
): { header: CaseHeader; surname: readonly [string, string] } {
  const partner = partnerOf(context, rand);
  const offence = pick(rand, OFFENCES);
  const incoming = direction === "incoming";
  const year = openedOn.slice(0, 4);
  const number =
    "index" in numbered
      ? String(numbered.index).padStart(6, "0")
      : `N${String(numbered.serial).padStart(6, "0")}`;
  const confidentiality = weighted<ConfidentialityLevel>(rand, { standard: 85, restricted: 12, secret: 3 });
  const priority = weighted<Priority>(rand, { normal: 75, high: 18, urgent: 7 });
  const inRussian = !incoming && chance(rand, 0.5);
  const surname = pick(rand, SURNAMES);
  const titles: Record<CaseKind, () => string> = {
    mla: () =>
      inRussian
        ? `Запрос о правовой помощи в ${partner.nameEn}: ${MEASURE_RU[pick(rand, MLA_MEASURES)]} по уголовному делу о ${offence.ru}`
        : incoming
          ? `Request of ${partner.nameEn} for ${(MEASURE_TEXT[pick(rand, MLA_MEASURES)] ?? "assistance").toLowerCase()} in a ${offence.en} investigation`
          : `Request to ${partner.nameEn} for assistance in the ${offence.en} case against ${surname[0]}`,
    extradition: () =>
      inRussian
        ? `Запрос о выдаче ${surname[1]}а по обвинению в ${offence.ru}`
        : incoming
          ? `Extradition to ${partner.nameEn} of a person sought for ${offence.en}`
          : `Extradition of ${surname[0]} from ${partner.nameEn} for ${offence.en}`,
    asset_recovery: () =>
      inRussian
        ? `Возврат активов, полученных в результате преступления (дело о ${offence.ru})`
        : `Recovery of assets derived from ${offence.en} (${incoming ? `request of ${partner.nameEn}` : partner.nameEn})`,
    transfer_of_proceedings: () =>
      inRussian
        ? `Передача уголовного преследования ${surname[1]}а по делу о ${offence.ru}`
        : `Transfer of criminal proceedings for ${offence.en} ${incoming ? `from ${partner.nameEn}` : `to ${partner.nameEn}`}`,
    preservation_of_data: () =>
      inRussian
        ? `Срочное обеспечение сохранности компьютерных данных (${pick(rand, PROVIDERS)})`
        : `Expedited preservation of data held by ${pick(rand, PROVIDERS)} in a ${offence.en} investigation`,
  };
  const urgent = priority === "urgent";
  const header: CaseHeader = {
    kind,
    direction,
    reference: `${KIND_PREFIX[kind]}-${incoming ? "IN" : "OUT"}-${year}-${number}`,
    foreignReference: incoming ? `${partner.code}-${year}-${Math.floor(rand() * 90_000) + 10_000}` : null,
    requestingState: incoming ? partner.code : HOME_STATE,
    requestedState: incoming ? HOME_STATE : partner.code,
    requestingAuthority: incoming
      ? `Prosecutor General's Office of ${partner.nameEn}`
      : "Prosecutor General's Office of the Russian Federation",
    requestedAuthority: incoming ? "Prosecutor General's Office of the Russian Federation" : null,
    legalBasis: legalBasisFor(context, kind, partner.code, offence, rand),
    purpose: kind === "extradition" ? (chance(rand, 0.85) ? "prosecution" : "enforcement") : null,
    offenceCategory: offence.category,
    priority,
    urgencyReason: urgent ? "Time limits of custody or data retention run." : null,
    confidentiality,
    teamId: teamFor(context, kind, partner.code, offence, rand),
    title: titles[kind]().slice(0, 300),
    summary: chance(rand, 0.6)
      ? `${inRussian ? offence.descriptionRu : offence.descriptionEn}. ${incoming ? `The request of ${partner.nameEn}` : "Our request"} concerns events of ${Number(year) - 1 - Math.floor(rand() * 3)}; damage estimated at ${Math.floor(rand() * 900 + 100)} thousand euros.`
      : null,
  };
  return { header, surname };
}

function caseFacts(
  header: CaseHeader,
  surname: readonly [string, string],
  openedOn: string,
  rand: Rand,
): CaseFacts {
  const partner = header.direction === "incoming" ? header.requestingState : header.requestedState;
  const openedYear = Number(openedOn.slice(0, 4));
  const inRussian = /[а-я]/i.test(header.title);
  const kinds = [
    OFFENCES.find((offence) => offence.category === header.offenceCategory)!,
    ...(chance(rand, 0.3) ? [pick(rand, OFFENCES)] : []),
  ].filter((kind, at, all) => all.indexOf(kind) === at);
  const requestingIsHome = header.requestingState === HOME_STATE;
  const offences: Offence[] = kinds.map((kind, at) => ({
    id: `o${at + 1}`,
    article: requestingIsHome
      ? `Уголовный кодекс Российской Федерации, ${kind.russianArticle}`
      : `Criminal Code of ${partner}, art. ${100 + Math.floor(rand() * 300)}`,
    description: `${inRussian ? kind.descriptionRu : kind.descriptionEn}${inRussian ? ", " : ", committed in "}${openedYear - 1 - Math.floor(rand() * 3)}`,
    category: kind.category,
    maximumPenaltyMonths: kind.maximumMonths,
    deathPenalty: false,
    committedOn: parseIsoDate(
      `${openedYear - 1 - Math.floor(rand() * 3)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
    ),
    ...(header.purpose === "enforcement" ? { sentenceMonths: 12 + Math.floor(rand() * 96) } : {}),
  }));
  const persons: Person[] = [];
  const named = header.title.includes(surname[0]) || header.title.includes(surname[1]) ? surname : undefined;
  const nationality = requestingIsHome ? (chance(rand, 0.7) ? HOME_STATE : partner) : partner;
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
    default:
      persons.push(person(rand, "p1", "suspect", nationality, openedYear, named));
      for (let at = 2; at <= 1 + Math.floor(rand() * 3); at++)
        persons.push(person(rand, `p${at}`, pick(rand, ["witness", "victim"] as const), partner, openedYear));
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
    assets.push({
      id: "a1",
      type: chance(rand, 0.6) ? "bank_account" : "real_estate",
      description: chance(rand, 0.6)
        ? `Account at ${pick(rand, BANKS)} held by the accused`
        : "Apartment registered in the name of a relative",
      value: {
        amount: `${Math.floor(rand() * 5_000_000) + 50_000}.00`,
        currency: pick(rand, ["EUR", "USD", "RUB"]),
      },
      locationState: header.requestedState,
      stage: "identified",
    });
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
      issuedOn: fromDays(toDays(openedOn) - 30 - Math.floor(rand() * 300)),
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

/**
 * The stream after `opened`: the path of the case's kind and direction to one of its
 * ends, each step some days after the one before, cut at today (and, for some cases, at
 * a random step: cases that stall).
 */
function caseEvents(
  context: GeneratorContext,
  header: CaseHeader,
  facts: CaseFacts,
  opened: number,
  horizon: number,
  rand: Rand,
): CaseEventInput[] {
  const incoming = header.direction === "incoming";
  const extradition = header.kind === "extradition";
  const outcome = weighted(rand, { granted: 70, partially_granted: 8, refused: 14, withdrawn: 8 });
  const pace = 4 + rand() * 40;
  const gap = () => Math.floor(pace * (0.3 + rand() * 1.4));
  type Step = { after: number; make: (on: IsoDate) => CaseEventInput | null };
  const steps: Step[] = [];
  const step = (after: number, make: Step["make"]) => steps.push({ after, make });
  let custody = false;
  const arrest = () =>
    step(0, (on) => {
      custody = true;
      return { type: "provisional_arrest", payload: { on, personId: "p1", place: "Moscow" } };
    });
  const release = (reason: string) =>
    step(1, (on) => {
      if (!custody) return null;
      custody = false;
      return { type: "released", payload: { on, personId: "p1", reason } };
    });

  if (extradition && chance(rand, 0.45)) arrest();
  if (incoming) {
    step(extradition && steps.length > 0 ? 10 + Math.floor(rand() * 30) : 0, (on) => ({
      type: "received",
      payload: { on, channel: pick(rand, ["diplomatic", "central_authority", "email"] as const) },
    }));
    step(1 + Math.floor(rand() * 4), (on) => ({ type: "registered", payload: { on } }));
    step(gap(), (on) => ({
      type: "assigned",
      payload: {
        on,
        officer: `${pick(rand, GIVEN_NAMES)[0]} ${pick(rand, SURNAMES)[0]}`,
        ...(chance(rand, 0.05) ? { teamId: context.teamIds[pick(rand, TEAM_NAMES)] } : {}),
      },
    }));
  } else {
    step(gap(), (on) => ({
      type: "sent",
      payload: { on, channel: pick(rand, ["diplomatic", "central_authority"] as const) },
    }));
    if (chance(rand, 0.7)) step(gap(), (on) => ({ type: "received", payload: { on } }));
  }
  if (header.kind === "preservation_of_data" && incoming)
    step(1, (on) => ({
      type: "measure_status_changed",
      payload: { on, measureId: "m1", status: "executed" },
    }));
  if (chance(rand, 0.2)) {
    step(gap(), (on) => ({
      type: "information_requested",
      payload: {
        on,
        items: ["Certified copies of the decisions on which the request is based"],
        dueOn: fromDays(toDays(on) + 30),
      },
    }));
    step(gap(), (on) => ({ type: "information_received", payload: { on } }));
  }
  const settled = new Set(header.kind === "preservation_of_data" && incoming ? ["m1"] : []);
  if (outcome === "withdrawn") {
    if (extradition) release("The request was withdrawn");
    step(gap(), (on) => ({
      type: "withdrawn",
      payload: { on, reason: "Withdrawn by the requesting state" },
    }));
  } else {
    step(gap(), (on) => ({
      type: "decided",
      payload: {
        on,
        outcome,
        grounds: outcome === "granted" ? [] : [{ code: pick(rand, REFUSAL_GROUNDS) }],
        decidedBy: incoming ? "Deputy Prosecutor General" : `Ministry of Justice of ${header.requestedState}`,
      },
    }));
    if (outcome === "refused") {
      if (extradition) release("Extradition refused");
    } else if (extradition) {
      let surrenderOn = 0;
      step(gap(), (on) => {
        surrenderOn = toDays(on) + 10 + Math.floor(rand() * 10);
        return { type: "surrender_date_set", payload: { on, surrenderOn: fromDays(surrenderOn) } };
      });
      steps.push({
        after: 0,
        make: (on) => ({
          type: "surrendered",
          payload: { on: surrenderOn ? fromDays(surrenderOn) : on, personId: "p1" },
        }),
      });
    } else {
      const open = facts.measures.filter((measure) => !settled.has(measure.id));
      if (header.kind === "asset_recovery")
        step(gap(), (on) => ({
          type: "asset_stage_changed",
          payload: { on, assetId: "a1", stage: "frozen" },
        }));
      if (open.length > 0)
        step(gap(), (on) => ({
          type: "measure_status_changed",
          payload: { on, measureId: open[0]!.id, status: "in_progress" },
        }));
      for (const measure of open)
        step(gap(), (on) => ({
          type: "measure_status_changed",
          payload: {
            on,
            measureId: measure.id,
            status: chance(rand, 0.85) ? "executed" : "partially_executed",
          },
        }));
    }
  }
  step(gap() + 5, (on) => ({ type: "closed", payload: { on, reason: "The request has been dealt with." } }));

  const stallAt = chance(rand, 0.15) ? Math.floor(rand() * steps.length) : steps.length;
  const events: CaseEventInput[] = [];
  let on = opened;
  for (const [at, { after, make }] of steps.entries()) {
    if (at >= stallAt) break;
    on += after;
    if (on > horizon) break;
    const event = make(fromDays(on));
    if (!event) continue;
    // A surrender is on the date set: it may lie after the previous step's date.
    if (event.type === "surrendered") {
      on = toDays(event.payload.on);
      if (on > horizon) break;
    }
    events.push(event);
  }
  return events;
}
