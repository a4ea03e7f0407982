import type {
  AssetType,
  CaseKind,
  ExtraditionPurpose,
  MeasureKind,
  PersonRole,
  WarrantKind,
} from "../../../domain/cases/vocabulary.js";
import { dateInWords } from "../../../domain/platform/month-names.js";

/**
 * The words of a letter of request, in English and Russian. Only the letter's own formulas
 * live here: names, descriptions and provisions are printed as the case records them.
 *
 * The Russian formulas are built so that no recorded name has to be declined: a state or
 * an authority only ever stands in the nominative (a subject, a list entry, a value after a
 * label), because "в соответствии с Договором между Российской Федерацией и ..." cannot be
 * produced from a title stored in the nominative without a morphological dictionary.
 */

export type LetterLanguage = "en" | "ru";

type Bilingual = { en: string; ru: string };

export const PERSON_ROLE_LABELS: Record<PersonRole, Bilingual> = {
  sought: { en: "Person sought", ru: "Разыскиваемое лицо" },
  suspect: { en: "Suspect", ru: "Подозреваемый" },
  accused: { en: "Accused", ru: "Обвиняемый" },
  convicted: { en: "Convicted person", ru: "Осуждённый" },
  witness: { en: "Witness", ru: "Свидетель" },
  victim: { en: "Victim", ru: "Потерпевший" },
  expert: { en: "Expert", ru: "Эксперт" },
  holder_of_assets: { en: "Holder of assets", ru: "Владелец имущества" },
  other: { en: "Other person concerned", ru: "Иное лицо" },
};

export const MEASURE_KIND_LABELS: Record<MeasureKind, Bilingual> = {
  service_of_documents: { en: "Service of documents", ru: "Вручение документов" },
  witness_hearing: { en: "Hearing of a witness", ru: "Допрос свидетеля" },
  suspect_interview: { en: "Interview of a suspect", ru: "Допрос подозреваемого" },
  videoconference_hearing: {
    en: "Hearing by videoconference",
    ru: "Допрос с использованием видео-конференц-связи",
  },
  search_and_seizure: { en: "Search and seizure", ru: "Обыск и выемка" },
  production_of_records: { en: "Production of records", ru: "Истребование документов и записей" },
  bank_information: { en: "Banking information", ru: "Получение банковских сведений" },
  expedited_preservation: {
    en: "Expedited preservation of stored computer data",
    ru: "Оперативное обеспечение сохранности хранимых компьютерных данных",
  },
  disclosure_of_traffic_data: {
    en: "Disclosure of traffic data",
    ru: "Раскрытие данных о трафике",
  },
  interception: { en: "Interception of communications", ru: "Перехват сообщений" },
  freezing: { en: "Freezing of assets", ru: "Арест (замораживание) имущества" },
  confiscation: { en: "Confiscation", ru: "Конфискация" },
  return_of_assets: { en: "Return of assets", ru: "Возврат активов" },
  transfer_of_evidence: { en: "Transfer of evidence", ru: "Передача доказательств" },
  other: { en: "Other assistance", ru: "Иная помощь" },
};

export const WARRANT_KIND_LABELS: Record<WarrantKind, Bilingual> = {
  arrest_warrant: { en: "Warrant of arrest", ru: "Постановление об аресте" },
  detention_order: { en: "Detention order", ru: "Постановление о заключении под стражу" },
  conviction: { en: "Conviction", ru: "Обвинительный приговор" },
  judgment: { en: "Judgment", ru: "Судебное решение" },
  court_order: { en: "Court order", ru: "Постановление суда" },
};

export const ASSET_TYPE_LABELS: Record<AssetType, Bilingual> = {
  bank_account: { en: "Bank account", ru: "Банковский счёт" },
  real_estate: { en: "Real estate", ru: "Недвижимое имущество" },
  vehicle: { en: "Vehicle", ru: "Транспортное средство" },
  vessel: { en: "Vessel", ru: "Судно" },
  aircraft: { en: "Aircraft", ru: "Воздушное судно" },
  securities: { en: "Securities", ru: "Ценные бумаги" },
  company_shares: { en: "Company shares", ru: "Доли (акции) в компаниях" },
  cash: { en: "Cash", ru: "Наличные денежные средства" },
  virtual_assets: { en: "Virtual assets", ru: "Виртуальные активы" },
  other: { en: "Other asset", ru: "Иное имущество" },
};

/** INTERPOL notice types of data/cases/notices.csv; an unknown code is printed as recorded. */
export const NOTICE_TYPE_LABELS: Record<string, Bilingual> = {
  red: { en: "INTERPOL Red Notice", ru: "Красное уведомление Интерпола" },
  yellow: { en: "INTERPOL Yellow Notice", ru: "Жёлтое уведомление Интерпола" },
  blue: { en: "INTERPOL Blue Notice", ru: "Синее уведомление Интерпола" },
  black: { en: "INTERPOL Black Notice", ru: "Чёрное уведомление Интерпола" },
  green: { en: "INTERPOL Green Notice", ru: "Зелёное уведомление Интерпола" },
  orange: { en: "INTERPOL Orange Notice", ru: "Оранжевое уведомление Интерпола" },
  purple: { en: "INTERPOL Purple Notice", ru: "Фиолетовое уведомление Интерпола" },
  silver: { en: "INTERPOL Silver Notice", ru: "Серебряное уведомление Интерпола" },
  un_special: {
    en: "INTERPOL-United Nations Security Council Special Notice",
    ru: "Специальное уведомление Интерпола и Совета Безопасности ООН",
  },
  diffusion: { en: "INTERPOL diffusion", ru: "Циркулярное сообщение (диффузия) Интерпола" },
};

export const SUBJECT_BY_KIND: Record<CaseKind, Bilingual> = {
  extradition: { en: "Request for extradition", ru: "Запрос о выдаче" },
  mla: {
    en: "Request for mutual legal assistance in criminal matters",
    ru: "Запрос о правовой помощи по уголовному делу",
  },
  asset_recovery: {
    en: "Request for mutual legal assistance: asset recovery",
    ru: "Запрос о правовой помощи: возвращение активов",
  },
  transfer_of_proceedings: {
    en: "Request for the transfer of criminal proceedings",
    ru: "Запрос о передаче уголовного преследования",
  },
  preservation_of_data: {
    en: "Request for the expedited preservation of stored computer data",
    ru: "Запрос об оперативном обеспечении сохранности хранимых компьютерных данных",
  },
};

/** "2024-03-15" -> "15 March 2024" / "15 марта 2024 г."; anything else is printed as is. */
export function formatDate(isoDate: string, language: LetterLanguage): string {
  return dateInWords(isoDate, language);
}

/** Russian plural of a counted noun: one (1, 21), few (2-4, 22-24), many (5-20, 25-30). */
function russianPlural(count: number, one: string, few: string, many: string): string {
  const lastTwo = count % 100;
  const last = count % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return many;
  if (last === 1) return one;
  if (last >= 2 && last <= 4) return few;
  return many;
}

/**
 * A term of months in words. Russian has two forms: the nominative for "на срок 5 лет"
 * and the genitive for "от 5 до 10 лет" ("от 1 года", "до 21 года").
 */
export function formatTerm(
  months: number,
  language: LetterLanguage,
  russianCase: "nominative" | "genitive" = "nominative",
): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts: string[] = [];
  if (language === "en") {
    if (years > 0) parts.push(`${years} ${years === 1 ? "year" : "years"}`);
    if (rest > 0 || years === 0) parts.push(`${rest} ${rest === 1 ? "month" : "months"}`);
    return parts.join(" and ");
  }
  const genitive = russianCase === "genitive";
  if (years > 0)
    parts.push(
      `${years} ${genitive ? russianPlural(years, "года", "лет", "лет") : russianPlural(years, "год", "года", "лет")}`,
    );
  if (rest > 0 || years === 0)
    parts.push(
      `${rest} ${
        genitive
          ? russianPlural(rest, "месяца", "месяцев", "месяцев")
          : russianPlural(rest, "месяц", "месяца", "месяцев")
      }`,
    );
  return parts.join(" ");
}

export type PenaltyFacts = {
  minimumPenaltyMonths?: number | null;
  maximumPenaltyMonths?: number | null;
  lifeImprisonment?: boolean | null;
  deathPenalty?: boolean | null;
};

/** The penalty an offence carries, or null when nothing about it is recorded. */
export function formatPenalty(offence: PenaltyFacts, language: LetterLanguage): string | null {
  const minimum = offence.minimumPenaltyMonths ?? null;
  const maximum = offence.maximumPenaltyMonths ?? null;
  const parts: string[] = [];
  if (
    maximum !== null &&
    minimum !== null &&
    minimum > 0 &&
    minimum < maximum &&
    minimum % 12 === 0 &&
    maximum % 12 === 0
  ) {
    // Whole years on both ends: "from 5 to 10 years", "от 5 до 10 лет".
    parts.push(
      language === "en"
        ? `imprisonment from ${minimum / 12} to ${formatTerm(maximum, "en")}`
        : `лишение свободы на срок от ${minimum / 12} до ${formatTerm(maximum, "ru", "genitive")}`,
    );
  } else if (maximum !== null && minimum !== null && minimum > 0 && minimum < maximum) {
    parts.push(
      language === "en"
        ? `imprisonment from ${formatTerm(minimum, "en")} to ${formatTerm(maximum, "en")}`
        : `лишение свободы на срок от ${formatTerm(minimum, "ru", "genitive")} до ${formatTerm(maximum, "ru", "genitive")}`,
    );
  } else if (maximum !== null && minimum !== null && minimum === maximum && maximum > 0) {
    parts.push(
      language === "en"
        ? `imprisonment for ${formatTerm(maximum, "en")}`
        : `лишение свободы на срок ${formatTerm(maximum, "ru")}`,
    );
  } else if (maximum !== null && maximum > 0) {
    parts.push(
      language === "en"
        ? `imprisonment of up to ${formatTerm(maximum, "en")}`
        : `лишение свободы на срок до ${formatTerm(maximum, "ru", "genitive")}`,
    );
  }
  if (offence.lifeImprisonment)
    parts.push(language === "en" ? "life imprisonment" : "пожизненное лишение свободы");
  if (offence.deathPenalty) parts.push(language === "en" ? "the death penalty" : "смертная казнь");
  if (parts.length === 0) return null;
  return parts.join(language === "en" ? " or " : " или ");
}

/** "CETS024" -> "CETS 024" / "СЕД № 024"; other registry codes are internal and not printed. */
export function instrumentNumber(code: string, language: LetterLanguage): string | null {
  const match = /^CETS(\d{3})$/.exec(code);
  if (!match) return null;
  return language === "en" ? `CETS ${match[1]}` : `СЕД № ${match[1]}`;
}

/**
 * The article a request is made under, where an instrument has one article for requests
 * of that kind; used only when the case header names no article. Other instruments are
 * cited as a whole.
 */
const REQUEST_ARTICLES: Record<string, Partial<Record<CaseKind | "mutual_assistance", string>>> = {
  CETS024: { extradition: "12" },
  UNTOC: { extradition: "16", mutual_assistance: "18" },
  UNCAC: { extradition: "44", mutual_assistance: "46" },
  CETS185: { preservation_of_data: "29" },
};

export function defaultRequestArticle(code: string, kind: CaseKind): string | null {
  const articles = REQUEST_ARTICLES[code];
  if (!articles) return null;
  const direct = articles[kind];
  if (direct) return direct;
  return kind === "extradition" ? null : (articles.mutual_assistance ?? null);
}

export function articleReference(article: string, language: LetterLanguage): string {
  return language === "en" ? `art. ${article}` : `ст. ${article}`;
}

/** Upper-cases the first letter, for a name that starts a sentence ("the Kingdom of ..."). */
export function sentenceStart(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** "Ministry of Justice" -> "the Ministry of Justice"; names that already carry it are kept. */
export function withArticle(name: string): string {
  return /^the\s/i.test(name) ? name : `the ${name}`;
}

export function purposePhrase(
  purpose: ExtraditionPurpose | null | undefined,
  language: LetterLanguage,
): string {
  if (purpose === "prosecution")
    return language === "en"
      ? " for the purpose of criminal prosecution"
      : " для привлечения к уголовной ответственности";
  if (purpose === "enforcement")
    return language === "en" ? " for the enforcement of a sentence" : " для исполнения приговора";
  return "";
}

/** The fixed words of the letter in English; the Russian ones have the same shape. */
const WORDS_EN = {
  ourReference: "Our ref.",
  yourReference: "Your ref.",
  date: "Date",
  subject: "Subject",
  urgent: "URGENT",
  confidential: "CONFIDENTIAL",
  competentAuthorities: "The competent authorities",
  notRecorded: "[not recorded]",
  toComplete: "[to be completed]",
  requestingAuthorityPlaceholder: "[Requesting authority]",
  page: (current: number, total: number) => `Page ${current} of ${total}`,
  draft: "DRAFT",
  draftIncomplete: (items: string) => `DRAFT — incomplete: ${items}`,
  draftNotice: "This is a draft generated for review. It is not a request and must not be sent.",
  // Headings of sections.
  headingWarrant: "Warrant of arrest or judgment",
  headingOffences: "Statement of the offences",
  headingLaw: "Text of the applicable law",
  headingPersonSought: "Description of the person sought",
  headingRequestingAuthority: "Requesting authority",
  headingInvestigation: "Subject and nature of the investigation",
  headingFacts: "Summary of the facts",
  headingAssistance: "Assistance requested",
  headingDataToPreserve: "Stored computer data to be preserved",
  headingCustodian: "Custodian of the data or location of the computer system",
  headingNecessity: "Necessity of the preservation",
  headingPersons: "Persons concerned",
  headingAssets: "Assets",
  headingPurpose: "Purpose of the request",
  headingUrgency: "Urgency",
  headingAnnexes: "Annexes",
  // Field labels.
  otherNames: "Other names and spellings",
  birthDate: "Date of birth",
  nationality: "Nationality",
  location: "Whereabouts",
  locationOrAddress: "Whereabouts or address for service",
  assetDescription: "Description",
  notices: "INTERPOL notices",
  description: "Facts and legal description",
  committedOn: "Time of commission",
  penalty: "Penalty",
  sentence: "Sentence imposed",
  executingAuthority: "Executing authority",
  value: "Value",
  holder: "Holder",
  role: "Role",
  number: "No.",
  issuedOn: "of",
  issuedBy: "Issued by",
  inAbsentia: "The decision was given in the person's absence.",
  final: "The decision is final.",
  enclosed: (annex: number) => `The original or an authenticated copy is enclosed (Annex ${annex}).`,
  noWarrant: "[No warrant of arrest or judgment is recorded.]",
  noOffence: "[No offence is recorded.]",
  noPerson: "[No person is recorded.]",
  noMeasure: "[No measure is recorded.]",
  lawEnclosed: (provisions: string, annex: number) =>
    `The text of the provisions applicable to the offences (${provisions}), including those on the penalty, is enclosed (Annex ${annex}).`,
  annexWarrant: "Original or authenticated copy of the warrant of arrest or judgment",
  annexLaw: "Text of the applicable provisions of law",
  // Opening and legal basis.
  legalBasisInstrument: (title: string, number: string | null, article: string | null) =>
    `This request is made under ${withArticle(title)}${number ? ` (${number})` : ""}${article ? `, ${article}` : ""}.`,
  legalBasisReciprocity: (requesting: string, requested: string, aboutExtradition: boolean) =>
    `This request is made on the basis of reciprocity, no treaty applicable to it being in force between ${requesting} and ${requested}. ${sentenceStart(requesting)} undertakes to consider, in accordance with its law, requests of ${requested} for ${aboutExtradition ? "extradition" : "mutual legal assistance"} in comparable cases.`,
  legalBasisMissing: "[The legal basis of the request is not recorded.]",
  requestExtradition: (authority: string, purpose: string, names: string, requestingState: string) =>
    `${sentenceStart(authority)} requests the extradition of ${names} to ${requestingState}${purpose} in respect of the offences set out below.`,
  personsDescribedBelow: "the person described below",
  requestAssistance: (authority: string, addressee: string) =>
    `${sentenceStart(authority)} requests ${addressee} to provide the assistance set out below in the criminal proceedings described in this letter.`,
  requestTransfer: (authority: string, addressee: string) =>
    `${sentenceStart(authority)} requests ${addressee} to take over the criminal proceedings described in this letter.`,
  requestPreservation: (authority: string, addressee: string) =>
    `${sentenceStart(authority)} requests ${addressee} to order or otherwise obtain the expeditious preservation of the stored computer data described below.`,
  addresseeInText: (authority: string | null, state: string) =>
    authority ? withArticle(authority) : `the competent authorities of ${state}`,
  authorityInText: (authority: string | null, state: string) =>
    authority ? withArticle(authority) : `the competent authorities of ${state}`,
  authorityConducting: (authority: string) => `The proceedings are conducted by ${withArticle(authority)}.`,
  offencesUnderInvestigation: "The proceedings concern the following offences:",
  purposeAssistance:
    "The assistance is requested to obtain evidence and information for the criminal proceedings described in this letter. The evidence and information obtained will be used only for the purposes of these proceedings, unless the requested authority consents otherwise.",
  purposeTransfer:
    "The proceedings are transferred so that the offences described in this letter are prosecuted in the requested state.",
  intentToRequest:
    "The requesting authority intends to submit a request for mutual assistance for the search or similar access, seizure or similar securing, or disclosure of these data.",
  confidentiality:
    "The requesting authority asks that this request and its contents be kept confidential, except to the extent necessary to execute it.",
  closingExtradition:
    "We would be grateful to be informed of the progress of the consideration of this request and remain at your disposal for any further information.",
  closingAssistance:
    "We would be grateful to be informed of the progress of the execution of this request and remain at your disposal for any further information.",
  courtesy: "Please accept the assurances of our highest consideration.",
  signature: "(signature)",
  signatoryName: "Name",
  signatoryTitle: "Title",
  signedOn: "Date",
  seal: "(seal)",
};

export type Words = typeof WORDS_EN;

const WORDS_RU: Words = {
  ourReference: "Исх. №",
  yourReference: "Ваш №",
  date: "Дата",
  subject: "Тема",
  urgent: "СРОЧНО",
  confidential: "КОНФИДЕНЦИАЛЬНО",
  competentAuthorities: "Компетентные органы",
  notRecorded: "[не указано]",
  toComplete: "[подлежит заполнению]",
  requestingAuthorityPlaceholder: "[Запрашивающий орган]",
  page: (current: number, total: number) => `Стр. ${current} из ${total}`,
  draft: "ПРОЕКТ",
  draftIncomplete: (items: string) => `ПРОЕКТ — запрос неполон: ${items}`,
  draftNotice: "Проект подготовлен для проверки. Он не является запросом и не подлежит направлению.",
  headingWarrant: "Постановление об аресте или приговор",
  headingOffences: "Изложение преступлений",
  headingLaw: "Текст применимого закона",
  headingPersonSought: "Описание разыскиваемого лица",
  headingRequestingAuthority: "Запрашивающий орган",
  headingInvestigation: "Предмет и характер расследования",
  headingFacts: "Краткое изложение обстоятельств дела",
  headingAssistance: "Запрашиваемая помощь",
  headingDataToPreserve: "Хранимые компьютерные данные, подлежащие сохранению",
  headingCustodian: "Хранитель данных или местонахождение компьютерной системы",
  headingNecessity: "Обоснование необходимости сохранения",
  headingPersons: "Сведения о лицах",
  headingAssets: "Имущество",
  headingPurpose: "Цель запроса",
  headingUrgency: "Срочность",
  headingAnnexes: "Приложения",
  otherNames: "Иные имена и написания",
  birthDate: "Дата рождения",
  nationality: "Гражданство",
  location: "Местонахождение",
  locationOrAddress: "Местонахождение (адрес для вручения)",
  assetDescription: "Описание",
  notices: "Уведомления Интерпола",
  description: "Описание и квалификация",
  committedOn: "Время совершения",
  penalty: "Наказание",
  sentence: "Назначенное наказание",
  executingAuthority: "Исполняющий орган",
  value: "Стоимость",
  holder: "Владелец",
  role: "Процессуальное положение",
  number: "№",
  issuedOn: "от",
  issuedBy: "Орган, вынесший решение",
  inAbsentia: "Решение вынесено в отсутствие лица (заочно).",
  final: "Решение вступило в законную силу.",
  enclosed: (annex: number) => `Подлинник или заверенная копия прилагается (приложение ${annex}).`,
  noWarrant: "[Постановление об аресте или приговор не внесены.]",
  noOffence: "[Преступления не внесены.]",
  noPerson: "[Лица не внесены.]",
  noMeasure: "[Запрашиваемые действия не внесены.]",
  lawEnclosed: (provisions: string, annex: number) =>
    `Текст положений закона, применимых к преступлениям (${provisions}), включая положения о наказании, прилагается (приложение ${annex}).`,
  annexWarrant: "Подлинник или заверенная копия постановления об аресте или приговора",
  annexLaw: "Текст применимых положений закона",
  legalBasisInstrument: (title: string, number: string | null, article: string | null) =>
    `Правовое основание запроса: ${title}${number ? ` (${number})` : ""}${article ? `, ${article}` : ""}.`,
  legalBasisReciprocity: (requesting: string, _requested: string, aboutExtradition: boolean) =>
    `Настоящий запрос направляется на основе взаимности в связи с отсутствием применимого к нему международного договора между запрашивающим и запрашиваемым государствами. ${sentenceStart(requesting)} гарантирует рассмотрение в соответствии со своим законодательством аналогичных запросов запрашиваемого государства ${aboutExtradition ? "о выдаче" : "о правовой помощи"}.`,
  legalBasisMissing: "[Правовое основание запроса не указано.]",
  requestExtradition: (authority: string, purpose: string, names: string, _requestingState: string) =>
    `${sentenceStart(authority)} просит о выдаче запрашивающему государству${purpose} за преступления, изложенные ниже, следующего лица: ${names}.`,
  personsDescribedBelow: "лица, описание которого приведено ниже",
  requestAssistance: (authority: string, _addressee: string) =>
    `${sentenceStart(authority)} просит компетентные органы запрашиваемого государства оказать правовую помощь, указанную ниже, по уголовному делу, сведения о котором приведены в настоящем запросе.`,
  requestTransfer: (authority: string, _addressee: string) =>
    `${sentenceStart(authority)} просит компетентные органы запрашиваемого государства принять уголовное преследование по делу, сведения о котором приведены в настоящем запросе.`,
  requestPreservation: (authority: string, _addressee: string) =>
    `${sentenceStart(authority)} просит компетентные органы запрашиваемого государства распорядиться об оперативном обеспечении сохранности хранимых компьютерных данных, указанных ниже, или иным образом обеспечить их сохранность.`,
  addresseeInText: (authority: string | null, _state: string) => authority ?? "компетентные органы",
  authorityInText: (authority: string | null, _state: string) =>
    authority ?? "Компетентные органы запрашивающего государства",
  authorityConducting: (authority: string) => `Орган, ведущий производство: ${authority}.`,
  offencesUnderInvestigation: "Производство ведётся в отношении следующих преступлений:",
  purposeAssistance:
    "Помощь запрашивается в целях получения доказательств и сведений для производства по уголовному делу, указанному в настоящем запросе. Полученные доказательства и сведения будут использованы только в целях этого производства, если запрашиваемый орган не даст согласия на иное.",
  purposeTransfer:
    "Уголовное преследование передаётся для его осуществления в запрашиваемом государстве в отношении преступлений, указанных в настоящем запросе.",
  intentToRequest:
    "Запрашивающая сторона намерена направить запрос о взаимной помощи в целях обыска или аналогичного доступа, выемки или аналогичного обеспечения сохранности либо раскрытия этих данных.",
  confidentiality:
    "Запрашивающий орган просит сохранять конфиденциальность настоящего запроса и его содержания, за исключением случаев, когда это необходимо для его исполнения.",
  closingExtradition:
    "Просим информировать о ходе рассмотрения настоящего запроса. При необходимости будет представлена дополнительная информация.",
  closingAssistance:
    "Просим информировать о ходе исполнения настоящего запроса. При необходимости будет представлена дополнительная информация.",
  courtesy: "Пользуясь случаем, выражаем уверения в нашем высоком уважении.",
  signature: "(подпись)",
  signatoryName: "Ф. И. О.",
  signatoryTitle: "Должность",
  signedOn: "Дата",
  seal: "М. П.",
};

export const WORDS: Record<LetterLanguage, Words> = { en: WORDS_EN, ru: WORDS_RU };
