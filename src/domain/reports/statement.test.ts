import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "../platform/csv.js";
import {
  type ReportQueryInput,
  type ReportResult,
  reportQueryObject,
  reportResultSchema,
} from "./schemas.js";
import { parseStateNamesInText, russianWithFor } from "./state-names.js";
import {
  formatNumber,
  GROUND_PHRASES,
  namePeriod,
  russianCount,
  russianPlural,
  type StatementInput,
  writeStatement,
} from "./statement.js";

const dataFile = (name: string) =>
  readFileSync(new URL(`../../../data/states/${name}`, import.meta.url), "utf8");
const NAMES = parseStateNamesInText(dataFile("names_en_in_text.csv"), dataFile("names_ru_instrumental.csv"));

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

/** A report result as computeReport gives it: the total, and the previous year's figures when compared. */
function result(
  query: Partial<ReportQueryInput> & { from: string; to: string },
  total: { value: number | null; samePeriodLastYear?: number | null; wholeLastYear?: number | null },
  options: { rows?: { key: string; value: number }[]; unit?: "cases" | "days" } = {},
): ReportResult {
  const parsed = reportQueryObject.parse({ measure: "requests", ...query });
  const compared = parsed.compare === "previous_year";
  const lastYear = Number(parsed.from.slice(0, 4)) - 1;
  return reportResultSchema.parse({
    query: parsed,
    periods: {
      current: { from: parsed.from, to: parsed.to },
      samePeriodLastYear: compared ? { from: addYears(parsed.from, -1), to: addYears(parsed.to, -1) } : null,
      wholeLastYear: compared ? { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` } : null,
    },
    total: {
      value: total.value,
      samePeriodLastYear: total.samePeriodLastYear ?? null,
      wholeLastYear: total.wholeLastYear ?? null,
    },
    rows: (options.rows ?? []).map((row) => ({
      key: row.key,
      label: { en: row.key, ru: row.key },
      value: row.value,
      samePeriodLastYear: null,
      wholeLastYear: null,
      cells: [],
    })),
    columns: [],
    unit: options.unit ?? "cases",
    computedAt: "2026-05-20T09:00:00.000Z",
  });
}

const TODAY = "2026-05-20";

function statement(
  lang: "en" | "ru",
  main: ReportResult,
  partners: ReportResult | null = null,
  extra: Partial<StatementInput> = {},
): string {
  return writeStatement({ result: main, partners, lang, today: TODAY, names: NAMES, ...extra });
}

const EIGHT_MONTHS = {
  measure: "decisions",
  from: "2022-01-01",
  to: "2022-08-31",
  kind: "mla",
  group: "cybercrime",
  compare: "previous_year",
} as const;

const TOP_PARTNERS = result(
  { ...EIGHT_MONTHS, by: "partner", top: 6 },
  { value: 3012 },
  {
    rows: [
      { key: "BY", value: 700 },
      { key: "AM", value: 410 },
      { key: "KR", value: 380 },
      { key: "PL", value: 300 },
      { key: "TR", value: 250 },
      { key: "FR", value: 200 },
      { key: "other", value: 772 },
    ],
  },
);

describe("the seed's two sentences", () => {
  const main = result(EIGHT_MONTHS, { value: 3012, samePeriodLastYear: 1900, wholeLastYear: 2870 });

  it("states the first eight months against the whole previous year, with the most active partners (en)", () => {
    expect(statement("en", main, TOP_PARTNERS)).toBe(
      "Over the first eight months of 2022, 3,012 requests for legal assistance in cybercrime cases were considered, more than the 2,870 of the whole of 2021. The most active cooperation was with Belarus, Armenia, the Republic of Korea, Poland, Türkiye and France.",
    );
  });

  it("says the same in Russian, with the partners in the instrumental case", () => {
    expect(statement("ru", main, TOP_PARTNERS)).toBe(
      "За первые восемь месяцев 2022 года рассмотрено 3012 запросов о правовой помощи по делам о киберпреступлениях — больше, чем за весь 2021 год (2870). Наиболее активно велось сотрудничество с Республикой Беларусь, Арменией, Республикой Корея, Польшей, Турцией и Францией.",
    );
  });

  const refusals = result(
    {
      measure: "refusals",
      from: "2026-01-01",
      to: TODAY,
      kind: "extradition",
      direction: "outgoing",
      region: "Europe",
      ground: "political_offence",
    },
    { value: 42 },
  );

  it("states European states' refusals on political grounds since the start of the year (en)", () => {
    expect(statement("en", refusals)).toBe(
      "Since the start of the year, European states have refused 42 times, on political grounds, to extradite.",
    );
  });

  it("names no 'most active cooperation' after refusals, even given partners", () => {
    expect(statement("en", refusals, TOP_PARTNERS)).toBe(
      "Since the start of the year, European states have refused 42 times, on political grounds, to extradite.",
    );
  });

  it("says it in Russian: «42 раза отказали в выдаче по политическим мотивам»", () => {
    expect(statement("ru", refusals)).toBe(
      "С начала года европейские государства 42 раза отказали в выдаче по политическим мотивам.",
    );
  });
});

describe("numbers", () => {
  it("groups digits as each language does", () => {
    expect(formatNumber(3012, "en")).toBe("3,012");
    expect(formatNumber(3012, "ru")).toBe("3012");
    expect(formatNumber(12345, "en")).toBe("12,345");
    expect(formatNumber(12345, "ru")).toBe("12\u00a0345");
    expect(formatNumber(1234567, "ru")).toBe("1\u00a0234\u00a0567");
    expect(formatNumber(34.5, "en")).toBe("34.5");
    expect(formatNumber(34.5, "ru")).toBe("34,5");
    expect(formatNumber(0, "ru")).toBe("0");
  });

  it("makes Russian nouns agree with numbers: 1 запрос, 3 запроса, 5 запросов, 21 запрос, 11 запросов", () => {
    const forms = { one: "запрос", few: "запроса", many: "запросов", other: "запроса" };
    const counted = [1, 2, 3, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 1000].map((n) =>
      russianCount(n, forms),
    );
    expect(counted).toEqual([
      "1 запрос",
      "2 запроса",
      "3 запроса",
      "4 запроса",
      "5 запросов",
      "11 запросов",
      "12 запросов",
      "14 запросов",
      "21 запрос",
      "22 запроса",
      "25 запросов",
      "101 запрос",
      "111 запросов",
      "1000 запросов",
    ]);
    expect(russianPlural(34.5)).toBe("other");
    expect(russianCount(34.5, { one: "день", few: "дня", many: "дней", other: "дня" })).toBe("34,5 дня");
  });
});

describe("the verb agrees with the count (ru) and with one or many (en)", () => {
  const received = (value: number) =>
    result(
      { measure: "requests", from: "2025-01-01", to: "2025-12-31", direction: "incoming", kind: "mla" },
      { value },
    );

  it.each([
    [1, "В 2025 году поступил 1 запрос о правовой помощи."],
    [3, "В 2025 году поступило 3 запроса о правовой помощи."],
    [5, "В 2025 году поступило 5 запросов о правовой помощи."],
    [11, "В 2025 году поступило 11 запросов о правовой помощи."],
    [21, "В 2025 году поступил 21 запрос о правовой помощи."],
    [12345, "В 2025 году поступило 12\u00a0345 запросов о правовой помощи."],
    [0, "В 2025 году не поступило ни одного запроса о правовой помощи."],
  ])("%i in Russian", (value, text) => {
    expect(statement("ru", received(value))).toBe(text);
  });

  it.each([
    [1, "In 2025, 1 request for legal assistance was received."],
    [3, "In 2025, 3 requests for legal assistance were received."],
    [12345, "In 2025, 12,345 requests for legal assistance were received."],
    [0, "In 2025, no requests for legal assistance were received."],
  ])("%i in English", (value, text) => {
    expect(statement("en", received(value))).toBe(text);
  });
});

describe("periods", () => {
  it("names whole years, parts of a year, quarters, months and arbitrary dates", () => {
    expect(namePeriod("2022-01-01", "2022-12-31", TODAY)).toEqual({ kind: "year", year: 2022 });
    expect(namePeriod("2020-01-01", "2022-12-31", TODAY)).toEqual({ kind: "years", from: 2020, to: 2022 });
    expect(namePeriod("2022-01-01", "2022-08-31", TODAY)).toEqual({
      kind: "first_months",
      year: 2022,
      months: 8,
    });
    expect(namePeriod("2022-04-01", "2022-06-30", TODAY)).toEqual({
      kind: "quarter",
      year: 2022,
      quarter: 2,
    });
    expect(namePeriod("2022-07-01", "2022-12-31", TODAY)).toEqual({ kind: "half", year: 2022, half: 2 });
    expect(namePeriod("2024-02-01", "2024-02-29", TODAY)).toEqual({ kind: "month", year: 2024, month: 2 });
    expect(namePeriod("2022-03-01", "2022-05-31", TODAY)).toEqual({
      kind: "months",
      year: 2022,
      from: 3,
      to: 5,
    });
    expect(namePeriod("2026-01-01", TODAY, TODAY)).toEqual({ kind: "year_to_date", year: 2026 });
    expect(namePeriod("2026-01-01", "2026-05-19", TODAY).kind).toBe("range");
    expect(namePeriod("2026-05-03", "2026-05-03", TODAY).kind).toBe("day");
  });

  const decided = (from: string, to: string) =>
    result({ measure: "decisions", from, to, kind: "extradition" }, { value: 7 });

  it.each([
    [
      "2022-01-01",
      "2022-12-31",
      "In 2022, 7 requests for extradition were considered.",
      "В 2022 году рассмотрено 7 запросов о выдаче.",
    ],
    [
      "2020-01-01",
      "2022-12-31",
      "In 2020–2022, 7 requests for extradition were considered.",
      "В 2020–2022 годах рассмотрено 7 запросов о выдаче.",
    ],
    [
      "2022-01-01",
      "2022-03-31",
      "In the first quarter of 2022, 7 requests for extradition were considered.",
      "В первом квартале 2022 года рассмотрено 7 запросов о выдаче.",
    ],
    [
      "2022-04-01",
      "2022-06-30",
      "In the second quarter of 2022, 7 requests for extradition were considered.",
      "Во втором квартале 2022 года рассмотрено 7 запросов о выдаче.",
    ],
    [
      "2022-01-01",
      "2022-06-30",
      "In the first half of 2022, 7 requests for extradition were considered.",
      "В первом полугодии 2022 года рассмотрено 7 запросов о выдаче.",
    ],
    [
      "2022-01-01",
      "2022-02-28",
      "Over the first two months of 2022, 7 requests for extradition were considered.",
      "За первые два месяца 2022 года рассмотрено 7 запросов о выдаче.",
    ],
    [
      "2022-03-01",
      "2022-03-31",
      "In March 2022, 7 requests for extradition were considered.",
      "В марте 2022 года рассмотрено 7 запросов о выдаче.",
    ],
    [
      "2022-03-01",
      "2022-05-31",
      "From March to May 2022, 7 requests for extradition were considered.",
      "С марта по май 2022 года рассмотрено 7 запросов о выдаче.",
    ],
    [
      "2026-02-03",
      "2026-05-17",
      "From 3 February to 17 May 2026, 7 requests for extradition were considered.",
      "С 3 февраля по 17 мая 2026 года рассмотрено 7 запросов о выдаче.",
    ],
    [
      "2026-02-02",
      "2026-02-17",
      "From 2 to 17 February 2026, 7 requests for extradition were considered.",
      "Со 2 по 17 февраля 2026 года рассмотрено 7 запросов о выдаче.",
    ],
    [
      "2025-11-03",
      "2026-05-17",
      "From 3 November 2025 to 17 May 2026, 7 requests for extradition were considered.",
      "С 3 ноября 2025 года по 17 мая 2026 года рассмотрено 7 запросов о выдаче.",
    ],
    [
      "2026-05-03",
      "2026-05-03",
      "On 3 May 2026, 7 requests for extradition were considered.",
      "3 мая 2026 года рассмотрено 7 запросов о выдаче.",
    ],
    [
      "2026-01-01",
      TODAY,
      "Since the start of the year, 7 requests for extradition have been considered.",
      "С начала года рассмотрено 7 запросов о выдаче.",
    ],
  ])("%s to %s", (from, to, en, ru) => {
    expect(statement("en", decided(from, to))).toBe(en);
    expect(statement("ru", decided(from, to))).toBe(ru);
  });
});

describe("year over year", () => {
  const compared = (value: number, same: number, whole: number, from = "2022-01-01", to = "2022-08-31") =>
    result(
      { measure: "requests", from, to, direction: "outgoing", compare: "previous_year" },
      {
        value,
        samePeriodLastYear: same,
        wholeLastYear: whole,
      },
    );

  it("compares with the same period last year when the whole year is not exceeded", () => {
    expect(statement("en", compared(1500, 1200, 2000))).toBe(
      "Over the first eight months of 2022, 1,500 requests were sent, more than the 1,200 of the same period of 2021.",
    );
    expect(statement("ru", compared(1500, 1200, 2000))).toBe(
      "За первые восемь месяцев 2022 года направлено 1500 запросов — больше, чем за аналогичный период 2021 года (1200).",
    );
  });

  it("says fewer and as many", () => {
    expect(statement("en", compared(900, 1200, 2000))).toContain(
      ", fewer than the 1,200 of the same period of 2021.",
    );
    expect(statement("ru", compared(900, 1200, 2000))).toContain(
      " — меньше, чем за аналогичный период 2021 года (1200).",
    );
    expect(statement("en", compared(1200, 1200, 2000))).toContain(", as many as in the same period of 2021.");
    expect(statement("ru", compared(1200, 1200, 2000))).toContain(
      " — столько же, сколько за аналогичный период 2021 года.",
    );
  });

  it("compares a whole year with the previous year", () => {
    const year = compared(2500, 2870, 2870, "2022-01-01", "2022-12-31");
    expect(statement("en", year)).toBe("In 2022, 2,500 requests were sent, fewer than the 2,870 of 2021.");
    expect(statement("ru", year)).toBe(
      "В 2022 году направлено 2500 запросов — меньше, чем в 2021 году (2870).",
    );
  });

  it("compares a count on one day (pending) with the same day a year earlier", () => {
    const pending = result(
      { measure: "pending", from: "2025-01-01", to: "2025-06-30", compare: "previous_year" },
      { value: 250, samePeriodLastYear: 200, wholeLastYear: 180 },
    );
    expect(statement("en", pending)).toBe(
      "On 30 June 2025, 250 requests were pending, more than the 200 a year earlier.",
    );
    expect(statement("ru", pending)).toBe(
      "По состоянию на 30 июня 2025 года на рассмотрении находилось 250 запросов — больше, чем годом ранее (200).",
    );
  });

  it("states no comparison without compare=previous_year", () => {
    const plain = result({ measure: "requests", from: "2022-01-01", to: "2022-08-31" }, { value: 10 });
    expect(statement("en", plain)).toBe(
      "Over the first eight months of 2022, 10 requests were received or sent.",
    );
    expect(statement("ru", plain)).toBe(
      "За первые восемь месяцев 2022 года поступило или направлено 10 запросов.",
    );
  });
});

describe("every measure", () => {
  const base = { from: "2025-01-01", to: "2025-12-31" } as const;
  const cases: [Partial<ReportQueryInput>, number | null, string, string][] = [
    [
      { measure: "granted", kind: "mla" },
      21,
      "In 2025, 21 requests for legal assistance were granted.",
      "В 2025 году удовлетворён 21 запрос о правовой помощи.",
    ],
    [
      { measure: "partially_granted", kind: "mla", direction: "incoming" },
      4,
      "In 2025, 4 incoming requests for legal assistance were partially granted.",
      "В 2025 году частично удовлетворено 4 входящих запроса о правовой помощи.",
    ],
    [
      { measure: "decisions", outcome: "granted", kind: "asset_recovery" },
      2,
      "In 2025, 2 requests for asset recovery were granted.",
      "В 2025 году удовлетворено 2 запроса о возврате активов.",
    ],
    [
      { measure: "executions", kind: "transfer_of_proceedings" },
      1,
      "In 2025, 1 request for the transfer of proceedings was executed.",
      "В 2025 году исполнен 1 запрос о передаче уголовного преследования.",
    ],
    [
      { measure: "withdrawals", kind: "preservation_of_data" },
      5,
      "In 2025, 5 requests for the preservation of data were withdrawn.",
      "В 2025 году отозвано 5 запросов о сохранении данных.",
    ],
    [{ measure: "closures" }, 11, "In 2025, 11 requests were closed.", "В 2025 году закрыто 11 запросов."],
    [
      { measure: "reopenings" },
      21,
      "In 2025, 21 requests were reopened.",
      "В 2025 году возобновлено рассмотрение 21 запроса.",
    ],
    [
      { measure: "reopenings" },
      3,
      "In 2025, 3 requests were reopened.",
      "В 2025 году возобновлено рассмотрение 3 запросов.",
    ],
    [
      { measure: "surrenders", direction: "incoming" },
      1,
      "In 2025, 1 person was surrendered to foreign states.",
      "В 2025 году иностранным государствам выдано 1 лицо.",
    ],
    [
      { measure: "surrenders", direction: "outgoing" },
      12,
      "In 2025, 12 persons were surrendered by foreign states.",
      "В 2025 году иностранными государствами выдано 12 лиц.",
    ],
    [{ measure: "surrenders" }, 3, "In 2025, 3 persons were surrendered.", "В 2025 году выдано 3 лица."],
    [
      { measure: "pending", kind: "mla", direction: "incoming" },
      21,
      "On 31 December 2025, 21 incoming requests for legal assistance were pending.",
      "По состоянию на 31 декабря 2025 года на рассмотрении находился 21 входящий запрос о правовой помощи.",
    ],
    [
      { measure: "pending" },
      250,
      "On 31 December 2025, 250 requests were pending.",
      "По состоянию на 31 декабря 2025 года на рассмотрении находилось 250 запросов.",
    ],
    [
      { measure: "refusals", kind: "mla", direction: "incoming", ground: "bank_secrecy" },
      3,
      "In 2025, 3 incoming requests for legal assistance were refused on grounds of bank secrecy.",
      "В 2025 году отказано в исполнении 3 входящих запросов о правовой помощи со ссылкой на банковскую тайну.",
    ],
    [
      { measure: "refusals", kind: "mla", direction: "outgoing" },
      1,
      "In 2025, foreign states refused 1 request for legal assistance.",
      "В 2025 году иностранные государства отказали в исполнении 1 запроса о правовой помощи.",
    ],
    [
      { measure: "refusals", kind: "extradition", direction: "incoming" },
      2,
      "In 2025, extradition to foreign states was refused twice.",
      "В 2025 году 2 раза отказано в выдаче иностранным государствам.",
    ],
    [
      {
        measure: "refusals",
        kind: "extradition",
        direction: "outgoing",
        partner: "PL",
        ground: "own_national",
      },
      5,
      "In 2025, Poland refused 5 times, on grounds of nationality, to extradite.",
      "В 2025 году Польшей 5 раз отказано в выдаче в связи с гражданством лица.",
    ],
    [
      { measure: "refusals", kind: "extradition", direction: "outgoing", region: "Asia" },
      0,
      "In 2025, Asian states did not refuse to extradite.",
      "В 2025 году азиатские государства ни разу не отказали в выдаче.",
    ],
    [
      { measure: "decision_days_median", kind: "mla", direction: "incoming" },
      34.5,
      "In 2025, the median time from receipt to decision on requests for legal assistance was 34.5 days.",
      "В 2025 году медианный срок от поступления до принятия решения по запросам о правовой помощи составил 34,5 дня.",
    ],
    [
      { measure: "decision_days_p90", direction: "outgoing" },
      61,
      "In 2025, the 90th percentile of the time from sending to decision on requests was 61 days.",
      "В 2025 году 90-й процентиль срока от направления до принятия решения по запросам составил 61 день.",
    ],
    [
      { measure: "completion_days_median", kind: "extradition" },
      22,
      "In 2025, the median time from decision to execution or surrender on requests for extradition was 22 days.",
      "В 2025 году медианный срок от принятия решения до исполнения или выдачи по запросам о выдаче составил 22 дня.",
    ],
    [
      { measure: "completion_days_p90" },
      null,
      "In 2025, no request was completed on requests, so there is no time from decision to execution or surrender to state.",
      "В 2025 году не было завершено исполнение ни одного запроса по запросам, поэтому срок от принятия решения до исполнения или выдачи не рассчитывается.",
    ],
  ];
  it.each(cases)("%o = %s", (query, value, en, ru) => {
    const unit = query.measure?.includes("_days_") ? "days" : "cases";
    const report = result({ ...base, ...query }, { value }, { unit });
    expect(statement("en", report)).toBe(en);
    expect(statement("ru", report)).toBe(ru);
  });
});

describe("filters", () => {
  const base = { measure: "requests", from: "2025-01-01", to: "2025-12-31", direction: "incoming" } as const;

  it("names the partner, in the instrumental after «с» or «со»", () => {
    const poland = result({ ...base, partner: "PL" }, { value: 120 });
    expect(statement("en", poland)).toBe("In 2025, 120 requests were received in cooperation with Poland.");
    expect(statement("ru", poland)).toBe(
      "В 2025 году в рамках сотрудничества с Польшей поступило 120 запросов.",
    );
    const sweden = result({ ...base, partner: "SE" }, { value: 2 });
    expect(statement("ru", sweden)).toBe(
      "В 2025 году в рамках сотрудничества со Швецией поступило 2 запроса.",
    );
    const peru = result({ ...base, partner: "PE" }, { value: 1 });
    expect(statement("ru", peru)).toBe("В 2025 году в рамках сотрудничества с Перу поступил 1 запрос.");
  });

  it("names the region", () => {
    const europe = result({ ...base, region: "Europe" }, { value: 7 });
    expect(statement("en", europe)).toBe(
      "In 2025, 7 requests were received in cooperation with European states.",
    );
    expect(statement("ru", europe)).toBe(
      "В 2025 году в рамках сотрудничества с европейскими государствами поступило 7 запросов.",
    );
  });

  it("names the category and the basis", () => {
    const category = result({ ...base, category: "0903", basis: "reciprocity" }, { value: 4 });
    const labels = {
      categoryLabel: { en: "Acts against computer systems", ru: "Деяния против компьютерных систем" },
    };
    expect(statement("en", category, null, labels)).toBe(
      "In 2025, 4 requests in cases of acts against computer systems on the basis of reciprocity were received.",
    );
    expect(statement("ru", category, null, labels)).toBe(
      "В 2025 году поступило 4 запроса по делам категории «Деяния против компьютерных систем» на основе взаимности.",
    );
  });

  it("says nothing of partners when the report is about one partner", () => {
    const poland = result({ ...base, partner: "PL" }, { value: 120 });
    expect(statement("en", poland, TOP_PARTNERS)).not.toContain("most active");
  });

  it("puts an ongoing period's partners in the present", () => {
    const ongoing = result(
      { ...TOP_PARTNERS.query, from: "2026-01-01", to: TODAY },
      { value: 1 },
      { rows: [{ key: "FR", value: 1 }] },
    );
    const main = result({ ...base, from: "2026-01-01", to: TODAY }, { value: 1 });
    expect(statement("en", main, ongoing)).toBe(
      "Since the start of the year, 1 request has been received. The most active cooperation is with France.",
    );
    expect(statement("ru", main, ongoing)).toBe(
      "С начала года поступил 1 запрос. Наиболее активно ведётся сотрудничество с Францией.",
    );
  });

  it("phrases every refusal ground in both languages", () => {
    for (const [code, phrase] of Object.entries(GROUND_PHRASES)) {
      expect(phrase.en, code).toMatch(/^[a-z]/);
      expect(phrase.ru, code).toMatch(/^[а-яё]/);
    }
  });
});

describe("state names in running text (data/states)", () => {
  const states = parseCsvRecords(dataFile("states.csv")).records.map((record) => record.values.code!);

  it("has an English and a Russian instrumental form for every state", () => {
    expect(states.length).toBeGreaterThan(240);
    expect(states.filter((code) => !NAMES.has(code))).toEqual([]);
    expect([...NAMES.keys()].filter((code) => !states.includes(code))).toEqual([]);
  });

  it("keeps the forms the statements need", () => {
    expect(NAMES.get("BY")).toEqual({ en: "Belarus", ruInstrumental: "Республикой Беларусь", ruWith: "с" });
    expect(NAMES.get("KR")).toEqual({
      en: "the Republic of Korea",
      ruInstrumental: "Республикой Корея",
      ruWith: "с",
    });
    expect(NAMES.get("US")?.ruInstrumental).toBe("Соединёнными Штатами Америки");
    expect(NAMES.get("CN")?.ruInstrumental).toBe("Китаем");
    expect(NAMES.get("TG")?.ruInstrumental).toBe("Того");
    expect(NAMES.get("CH")?.ruWith).toBe("со");
  });

  it("chooses «со» before с, з, ш, ж and a consonant", () => {
    expect(russianWithFor("Швецией")).toBe("со");
    expect(russianWithFor("Словакией")).toBe("со");
    expect(russianWithFor("Сербией")).toBe("с");
    expect(russianWithFor("Сьерра-Леоне")).toBe("с");
    expect(russianWithFor("Францией")).toBe("с");
  });

  it("refuses a file with a wrong preposition or a missing state", () => {
    expect(() =>
      parseStateNamesInText("code,in_text\nSE,Sweden\n", "code,instrumental,with\nSE,Швецией,с\n"),
    ).toThrow(/expected "со"/);
    expect(() =>
      parseStateNamesInText(
        "code,in_text\nSE,Sweden\nFR,France\n",
        "code,instrumental,with\nSE,Швецией,со\n",
      ),
    ).toThrow(/no row for FR/);
  });
});
