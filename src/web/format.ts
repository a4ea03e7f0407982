import { useTranslation } from "react-i18next";
import { isIsoDate } from "../domain/platform/dates.js";

export type Formatters = {
  dateTime: (iso: string | null | undefined) => string;
  time: (iso: string) => string;
  number: (value: number) => string;
  /**
   * A calendar date ("2014-07-10") in the interface language, without a time zone shift.
   * Partial dates of the registry ("2006", "2006-05") are shown as they are stored.
   */
  date: (iso: string | null | undefined) => string;
};

/** Dates and numbers in the interface language's conventions and the browser's time zone. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" });
  const timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: "short" });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const numberFormat = new Intl.NumberFormat(locale);
  return {
    dateTime: (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : ""),
    time: (iso) => timeFormat.format(new Date(iso)),
    number: (value) => numberFormat.format(value),
    date: (iso) => {
      // What dates.ts does not read as a day (a partial date, "2006-05") is shown as stored;
      // a day is its UTC midnight, formatted in UTC: the same day in every time zone.
      if (!isIsoDate(iso)) return iso ?? "";
      return dateFormat.format(new Date(`${iso}T00:00:00Z`));
    },
  };
}

/**
 * An amount without its currency code, with the currency's decimals ("1,200,000.00" for
 * RUB, "1,200,000" for JPY), for a table whose column names the currency.
 */
export function formatAmount(amount: string, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "code" })
      .formatToParts(amount as Intl.StringNumericLiteral)
      .filter((part) => part.type !== "currency")
      .map((part) => part.value)
      .join("")
      .trim();
  } catch {
    return amount;
  }
}

/**
 * An amount of money as the API sends it (a decimal string, never a float) in its own
 * currency: "1,200,000.00 RUB" / "1 200 000,00 RUB". Amounts are never converted; a
 * currency code the browser does not know is shown after the plain number.
 */
export function formatMoney(amount: string, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      currencyDisplay: "code",
    }).format(amount as Intl.StringNumericLiteral);
  } catch {
    return `${amount} ${currency}`;
  }
}
