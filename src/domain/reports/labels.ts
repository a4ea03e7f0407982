import type { CaseKind, CaseStatus, Direction } from "../cases/vocabulary.js";
import { MONTH_NAMES } from "../platform/month-names.js";
import type { Bilingual } from "../platform/schemas.js";
import type { REGIONS } from "./schemas.js";
import {
  type AgeBand,
  BASIS_NONE,
  BASIS_RECIPROCITY,
  type DecisionOutcome,
  type OffenceGroup,
  type ReportDimension,
  type ReportMeasure,
} from "./vocabulary.js";

/**
 * The words of reports in English and Russian, for every key a report row or column can
 * have that is not a state, an instrument or an offence category (those come from the
 * directory, the registry and data/cases, labelled by the server). The server, the CLI
 * and the exports use these; a test checks that every code of each vocabulary has both.
 */

/** Keys of rows that are not a value of the dimension. */
export const OTHER_KEY = "other";
export const NONE_KEY = "none";

export const OTHER_LABEL: Bilingual = { en: "Other", ru: "Прочие" };
export const NONE_LABEL: Bilingual = { en: "Not recorded", ru: "Не указано" };

export const MEASURE_LABELS: Record<ReportMeasure, Bilingual> = {
  requests: { en: "Requests", ru: "Запросы" },
  decisions: { en: "Decisions", ru: "Решения" },
  granted: { en: "Granted", ru: "Удовлетворено" },
  partially_granted: { en: "Partially granted", ru: "Удовлетворено частично" },
  refusals: { en: "Refusals", ru: "Отказы" },
  executions: { en: "Executed", ru: "Исполнено" },
  surrenders: { en: "Surrenders", ru: "Передачи лиц" },
  withdrawals: { en: "Withdrawals", ru: "Отзывы запросов" },
  closures: { en: "Closures", ru: "Закрытия" },
  reopenings: { en: "Reopenings", ru: "Возобновления" },
  pending: { en: "Pending", ru: "На рассмотрении" },
  decision_days_median: {
    en: "Days to decision (median)",
    ru: "Дней до решения (медиана)",
  },
  decision_days_p90: {
    en: "Days to decision (90th percentile)",
    ru: "Дней до решения (90-й процентиль)",
  },
  completion_days_median: {
    en: "Days from decision to execution or surrender (median)",
    ru: "Дней от решения до исполнения или передачи (медиана)",
  },
  completion_days_p90: {
    en: "Days from decision to execution or surrender (90th percentile)",
    ru: "Дней от решения до исполнения или передачи (90-й процентиль)",
  },
};

export const DIMENSION_LABELS: Record<ReportDimension, Bilingual> = {
  partner: { en: "Partner state", ru: "Государство-партнёр" },
  region: { en: "Region", ru: "Регион" },
  category: { en: "Offence category", ru: "Категория преступления" },
  group: { en: "Offence group", ru: "Группа преступлений" },
  kind: { en: "Kind of request", ru: "Вид запроса" },
  direction: { en: "Direction", ru: "Направление" },
  basis: { en: "Legal basis", ru: "Правовое основание" },
  outcome: { en: "Decision", ru: "Решение" },
  ground: { en: "Ground for refusal", ru: "Основание для отказа" },
  status: { en: "Status", ru: "Статус" },
  age_band: { en: "Time pending", ru: "Срок рассмотрения" },
  year: { en: "Year", ru: "Год" },
  quarter: { en: "Quarter", ru: "Квартал" },
  month: { en: "Month", ru: "Месяц" },
};

export const KIND_LABELS: Record<CaseKind, Bilingual> = {
  mla: { en: "Mutual legal assistance", ru: "Правовая помощь" },
  extradition: { en: "Extradition", ru: "Выдача" },
  asset_recovery: { en: "Asset recovery", ru: "Возврат активов" },
  transfer_of_proceedings: { en: "Transfer of proceedings", ru: "Передача уголовного преследования" },
  preservation_of_data: { en: "Preservation of data", ru: "Сохранение данных" },
};

export const DIRECTION_LABELS: Record<Direction, Bilingual> = {
  incoming: { en: "Incoming", ru: "Входящие" },
  outgoing: { en: "Outgoing", ru: "Исходящие" },
};

export const STATUS_LABELS: Record<CaseStatus, Bilingual> = {
  draft: { en: "Draft", ru: "Черновик" },
  sent: { en: "Sent", ru: "Направлен" },
  received: { en: "Received", ru: "Получен" },
  registered: { en: "Registered", ru: "Зарегистрирован" },
  under_examination: { en: "Under examination", ru: "На рассмотрении" },
  awaiting_information: { en: "Awaiting information", ru: "Ожидаются сведения" },
  granted: { en: "Granted", ru: "Удовлетворён" },
  partially_granted: { en: "Partially granted", ru: "Удовлетворён частично" },
  refused: { en: "Refused", ru: "Отказано" },
  in_execution: { en: "In execution", ru: "На исполнении" },
  executed: { en: "Executed", ru: "Исполнен" },
  surrendered: { en: "Surrendered", ru: "Лицо передано" },
  withdrawn: { en: "Withdrawn", ru: "Отозван" },
  closed: { en: "Closed", ru: "Закрыт" },
};

export const OUTCOME_LABELS: Record<DecisionOutcome, Bilingual> = {
  granted: { en: "Granted", ru: "Удовлетворено" },
  partially_granted: { en: "Partially granted", ru: "Удовлетворено частично" },
  refused: { en: "Refused", ru: "Отказано" },
};

/**
 * The refusal grounds of the rules (REFUSAL_GROUNDS, src/domain/rules/vocabulary.ts, which
 * reports may not import; labels.test.ts checks that every one is here), named as the web
 * app names them.
 */
export const GROUND_LABELS: Record<string, Bilingual> = {
  political_offence: { en: "Political offence", ru: "Политическое преступление" },
  discrimination: { en: "Discrimination", ru: "Дискриминация" },
  military_offence: { en: "Military offence", ru: "Воинское преступление" },
  fiscal_offence: { en: "Fiscal offence", ru: "Налоговое преступление" },
  own_national: { en: "Own national", ru: "Собственный гражданин" },
  territoriality: { en: "Territoriality", ru: "Территориальность" },
  pending_proceedings: { en: "Proceedings pending", ru: "Идущее производство" },
  ne_bis_in_idem: { en: "Ne bis in idem", ru: "Non bis in idem" },
  lapse_of_time: { en: "Lapse of time", ru: "Истечение срока давности" },
  death_penalty: { en: "Death penalty", ru: "Смертная казнь" },
  in_absentia: { en: "Judgment in absentia", ru: "Заочный приговор" },
  amnesty: { en: "Amnesty", ru: "Амнистия" },
  essential_interests: { en: "Essential interests", ru: "Существенные интересы" },
  no_dual_criminality: { en: "No dual criminality", ru: "Нет двойной криминальности" },
  below_threshold: { en: "Below the penalty threshold", ru: "Ниже порога наказания" },
  bank_secrecy: { en: "Bank secrecy", ru: "Банковская тайна" },
  private_prosecution: { en: "Private prosecution", ru: "Дело частного обвинения" },
  non_conformity: { en: "Request not in due form", ru: "Запрос не соответствует требованиям" },
  domestic_law_prohibits: { en: "Prohibited by domestic law", ru: "Запрещено внутренним законом" },
  contrary_to_legal_system: { en: "Contrary to the legal system", ru: "Противоречит правовой системе" },
  other: { en: "Other ground", ru: "Иное основание" },
};

/** A decision's grounds are recorded as codes; one outside the list is shown as written. */
export function groundLabel(code: string): Bilingual {
  if (code === NONE_KEY) return { en: "No ground recorded", ru: "Основание не указано" };
  return Object.hasOwn(GROUND_LABELS, code) ? GROUND_LABELS[code]! : { en: code, ru: code };
}

export const AGE_BAND_LABELS: Record<AgeBand, Bilingual> = {
  under_30: { en: "Under 30 days", ru: "До 30 дней" },
  "30_89": { en: "30 to 89 days", ru: "30–89 дней" },
  "90_179": { en: "90 to 179 days", ru: "90–179 дней" },
  "180_364": { en: "180 to 364 days", ru: "180–364 дня" },
  "365_plus": { en: "365 days or more", ru: "365 дней и более" },
};

export const REGION_LABELS: Record<(typeof REGIONS)[number], Bilingual> = {
  Africa: { en: "Africa", ru: "Африка" },
  Americas: { en: "Americas", ru: "Америка" },
  Asia: { en: "Asia", ru: "Азия" },
  Europe: { en: "Europe", ru: "Европа" },
  Oceania: { en: "Oceania", ru: "Океания" },
};

export const GROUP_LABELS: Record<OffenceGroup, Bilingual> = {
  cybercrime: { en: "Cybercrime", ru: "Киберпреступность" },
  corruption: { en: "Corruption", ru: "Коррупция" },
  fraud: { en: "Fraud", ru: "Мошенничество" },
  money_laundering: { en: "Money laundering", ru: "Легализация (отмывание) доходов" },
  drugs: { en: "Drug offences", ru: "Незаконный оборот наркотиков" },
  terrorism: { en: "Terrorism", ru: "Терроризм" },
  organised_crime: { en: "Organised crime", ru: "Организованная преступность" },
  trafficking_in_persons: { en: "Trafficking in persons", ru: "Торговля людьми" },
  violent_crime: { en: "Violent crime", ru: "Насильственные преступления" },
  economic_crime: { en: "Economic crime", ru: "Экономические преступления" },
};

export const BASIS_LABELS: Record<typeof BASIS_RECIPROCITY | typeof BASIS_NONE, Bilingual> = {
  [BASIS_RECIPROCITY]: { en: "Reciprocity", ru: "Взаимность" },
  [BASIS_NONE]: { en: "No legal basis recorded", ru: "Правовое основание не указано" },
};

/**
 * Articles 2 to 11 of the Budapest Convention (CETS 185), the categories "budapest:N";
 * Russian as in the Council of Europe's translation.
 */
export const BUDAPEST_ARTICLE_LABELS: Record<string, Bilingual> = {
  "2": { en: "illegal access", ru: "неправомерный доступ" },
  "3": { en: "illegal interception", ru: "неправомерный перехват" },
  "4": { en: "data interference", ru: "воздействие на данные" },
  "5": { en: "system interference", ru: "воздействие на функционирование системы" },
  "6": { en: "misuse of devices", ru: "противозаконное использование устройств" },
  "7": { en: "computer-related forgery", ru: "подлог с использованием компьютерных технологий" },
  "8": { en: "computer-related fraud", ru: "мошенничество с использованием компьютерных технологий" },
  "9": {
    en: "offences related to child pornography",
    ru: "правонарушения, связанные с детской порнографией",
  },
  "10": {
    en: "offences related to infringements of copyright and related rights",
    ru: "правонарушения, связанные с нарушением авторского права и смежных прав",
  },
  "11": { en: "attempt and aiding or abetting", ru: "покушение и соучастие или подстрекательство" },
};

export function budapestLabel(code: string): Bilingual {
  const article = code.slice("budapest:".length);
  const what = BUDAPEST_ARTICLE_LABELS[article];
  if (article === "") return { en: "Budapest Convention", ru: "Будапештская конвенция" };
  return {
    en: `Budapest Convention, art. ${article}${what ? `: ${what.en}` : ""}`,
    ru: `Будапештская конвенция, ст. ${article}${what ? `: ${what.ru}` : ""}`,
  };
}

// --- time -------------------------------------------------------------------------------------

/**
 * The label of a time key: "2026" (year), "2026-Q1" (quarter: "Q1 2026", "1-й квартал
 * 2026 г."), "2026-03" (month: "March 2026", "Март 2026"). Another key is shown as written.
 */
export function timeLabel(dimension: "year" | "quarter" | "month", key: string): Bilingual {
  if (dimension === "year" && /^\d{4}$/.test(key)) return { en: key, ru: key };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (dimension === "quarter" && quarter)
    return { en: `Q${quarter[2]} ${quarter[1]}`, ru: `${quarter[2]}-й квартал ${quarter[1]} г.` };
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (dimension === "month" && month) {
    const index = Number(month[2]) - 1;
    if (index >= 0 && index < 12)
      return {
        en: `${MONTH_NAMES.en[index]} ${month[1]}`,
        ru: `${capitalised(MONTH_NAMES.ruNominative[index]!)} ${month[1]}`,
      };
  }
  return { en: key, ru: key };
}

/**
 * The label of a key of a dimension that needs no data to name it (every dimension but
 * partner, category and an instrument as basis), or null.
 */
export function fixedLabel(dimension: ReportDimension, key: string): Bilingual | null {
  if (key === OTHER_KEY && dimension !== "ground") return OTHER_LABEL;
  const from = <K extends string>(labels: Record<K, Bilingual>): Bilingual | null =>
    Object.hasOwn(labels, key) ? labels[key as K] : null;
  switch (dimension) {
    case "kind":
      return from(KIND_LABELS);
    case "direction":
      return from(DIRECTION_LABELS);
    case "status":
      return from(STATUS_LABELS);
    case "outcome":
      return from(OUTCOME_LABELS);
    case "ground":
      return groundLabel(key);
    case "age_band":
      return from(AGE_BAND_LABELS);
    case "region":
      return from(REGION_LABELS) ?? (key === NONE_KEY ? NONE_LABEL : null);
    case "group":
      return from(GROUP_LABELS) ?? (key === NONE_KEY ? { en: "No group", ru: "Вне групп" } : null);
    case "basis":
      return from(BASIS_LABELS);
    case "year":
    case "quarter":
    case "month":
      return timeLabel(dimension, key);
    case "category":
      if (key === NONE_KEY) return NONE_LABEL;
      return key.startsWith("budapest:") ? budapestLabel(key) : null;
    case "partner":
      return null;
  }
}

/** A month heading a table row: «Март 2026». */
function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
