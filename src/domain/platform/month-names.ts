/**
 * Month names in English and in the Russian cases that dates and periods need, for every
 * text the server writes (letters, briefing packs, report tables, statements). The web app
 * formats dates with Intl in the browser.
 */
export const MONTH_NAMES = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  /** A month on its own ("январь 2021 г.") and after «по» ("по май"): the nominative (= accusative). */
  ruNominative: [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
  ],
  /** In a date ("15 марта 2024 г.") and after «с» ("с марта"): the genitive. */
  ruGenitive: [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
  ],
  /** After «в» ("в марте"): the prepositional. */
  ruPrepositional: [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
  ],
} as const;

/** "2024-03-15" -> "15 March 2024" / "15 марта 2024 г."; anything not a date is returned as is. */
export function dateInWords(isoDate: string, language: "en" | "ru"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  const index = Number(month) - 1;
  return language === "en"
    ? `${Number(day)} ${MONTH_NAMES.en[index]} ${year}`
    : `${Number(day)} ${MONTH_NAMES.ruGenitive[index]} ${year} г.`;
}
